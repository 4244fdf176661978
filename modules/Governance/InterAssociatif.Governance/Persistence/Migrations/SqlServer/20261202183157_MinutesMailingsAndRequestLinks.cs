using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MinutesMailingsAndRequestLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgendaItemId",
                schema: "governance",
                table: "GovernanceRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MeetingId",
                schema: "governance",
                table: "GovernanceRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GovernanceMinutesMailings",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceMinutesMailings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequests_MeetingId",
                schema: "governance",
                table: "GovernanceRequests",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceMinutesMailings_MeetingId_Revision_Address",
                schema: "governance",
                table: "GovernanceMinutesMailings",
                columns: new[] { "MeetingId", "Revision", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceMinutesMailings",
                schema: "governance");

            migrationBuilder.DropIndex(
                name: "IX_GovernanceRequests_MeetingId",
                schema: "governance",
                table: "GovernanceRequests");

            migrationBuilder.DropColumn(
                name: "AgendaItemId",
                schema: "governance",
                table: "GovernanceRequests");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                schema: "governance",
                table: "GovernanceRequests");
        }
    }
}
