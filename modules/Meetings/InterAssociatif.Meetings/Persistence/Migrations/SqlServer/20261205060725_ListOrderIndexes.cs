using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Meetings.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingsMilestones_Date",
                schema: "meetings",
                table: "MeetingsMilestones");

            migrationBuilder.DropIndex(
                name: "IX_MeetingsMeetings_StartsAt",
                schema: "meetings",
                table: "MeetingsMeetings");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_Date_Id",
                schema: "meetings",
                table: "MeetingsMilestones",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_StartsAt_Id",
                schema: "meetings",
                table: "MeetingsMeetings",
                columns: new[] { "StartsAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingsMilestones_Date_Id",
                schema: "meetings",
                table: "MeetingsMilestones");

            migrationBuilder.DropIndex(
                name: "IX_MeetingsMeetings_StartsAt_Id",
                schema: "meetings",
                table: "MeetingsMeetings");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_Date",
                schema: "meetings",
                table: "MeetingsMilestones",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_StartsAt",
                schema: "meetings",
                table: "MeetingsMeetings",
                column: "StartsAt");
        }
    }
}
