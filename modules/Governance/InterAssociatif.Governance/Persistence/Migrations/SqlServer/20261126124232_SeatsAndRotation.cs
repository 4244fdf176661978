using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SeatsAndRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GovernanceRotationSessions",
                schema: "governance",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRotationSessions", x => new { x.BodyId, x.Number });
                    table.ForeignKey(
                        name: "FK_GovernanceRotationSessions_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "governance",
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceSeats",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DelegatePersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceSeats_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "governance",
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceRotationEntries",
                schema: "governance",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OptedOut = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRotationEntries", x => new { x.BodyId, x.Number, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_GovernanceRotationEntries_GovernanceRotationSessions_BodyId_Number",
                        columns: x => new { x.BodyId, x.Number },
                        principalSchema: "governance",
                        principalTable: "GovernanceRotationSessions",
                        principalColumns: new[] { "BodyId", "Number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_BodyId",
                schema: "governance",
                table: "GovernanceSeats",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_MeetingId_OrganizationId",
                schema: "governance",
                table: "GovernanceSeats",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_OrganizationId",
                schema: "governance",
                table: "GovernanceSeats",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceRotationEntries",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceSeats",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceRotationSessions",
                schema: "governance");
        }
    }
}
