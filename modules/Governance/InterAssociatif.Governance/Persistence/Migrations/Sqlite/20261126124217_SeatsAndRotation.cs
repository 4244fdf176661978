using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeatsAndRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GovernanceRotationSessions",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRotationSessions", x => new { x.BodyId, x.Number });
                    table.ForeignKey(
                        name: "FK_GovernanceRotationSessions_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceSeats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegatePersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceSeats_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceRotationEntries",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OptedOut = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRotationEntries", x => new { x.BodyId, x.Number, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_GovernanceRotationEntries_GovernanceRotationSessions_BodyId_Number",
                        columns: x => new { x.BodyId, x.Number },
                        principalTable: "GovernanceRotationSessions",
                        principalColumns: new[] { "BodyId", "Number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_BodyId",
                table: "GovernanceSeats",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_MeetingId_OrganizationId",
                table: "GovernanceSeats",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSeats_OrganizationId",
                table: "GovernanceSeats",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceRotationEntries");

            migrationBuilder.DropTable(
                name: "GovernanceSeats");

            migrationBuilder.DropTable(
                name: "GovernanceRotationSessions");
        }
    }
}
