using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Meetings.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingsMilestones_Date",
                table: "MeetingsMilestones");

            migrationBuilder.DropIndex(
                name: "IX_MeetingsMeetings_StartsAt",
                table: "MeetingsMeetings");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_Date_Id",
                table: "MeetingsMilestones",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_StartsAt_Id",
                table: "MeetingsMeetings",
                columns: new[] { "StartsAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingsMilestones_Date_Id",
                table: "MeetingsMilestones");

            migrationBuilder.DropIndex(
                name: "IX_MeetingsMeetings_StartsAt_Id",
                table: "MeetingsMeetings");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_Date",
                table: "MeetingsMilestones",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_StartsAt",
                table: "MeetingsMeetings",
                column: "StartsAt");
        }
    }
}
