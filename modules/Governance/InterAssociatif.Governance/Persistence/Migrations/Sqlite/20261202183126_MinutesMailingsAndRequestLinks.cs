using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MinutesMailingsAndRequestLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgendaItemId",
                table: "GovernanceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MeetingId",
                table: "GovernanceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GovernanceMinutesMailings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceMinutesMailings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequests_MeetingId",
                table: "GovernanceRequests",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceMinutesMailings_MeetingId_Revision_Address",
                table: "GovernanceMinutesMailings",
                columns: new[] { "MeetingId", "Revision", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceMinutesMailings");

            migrationBuilder.DropIndex(
                name: "IX_GovernanceRequests_MeetingId",
                table: "GovernanceRequests");

            migrationBuilder.DropColumn(
                name: "AgendaItemId",
                table: "GovernanceRequests");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "GovernanceRequests");
        }
    }
}
