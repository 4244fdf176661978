using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GovernanceFollowUps_Status_DueOn",
                schema: "governance",
                table: "GovernanceFollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_Status_DueOn_Id",
                schema: "governance",
                table: "GovernanceFollowUps",
                columns: new[] { "Status", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceBodies_Kind_NameKey_Id",
                schema: "governance",
                table: "GovernanceBodies",
                columns: new[] { "Kind", "NameKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GovernanceFollowUps_Status_DueOn_Id",
                schema: "governance",
                table: "GovernanceFollowUps");

            migrationBuilder.DropIndex(
                name: "IX_GovernanceBodies_Kind_NameKey_Id",
                schema: "governance",
                table: "GovernanceBodies");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_Status_DueOn",
                schema: "governance",
                table: "GovernanceFollowUps",
                columns: new[] { "Status", "DueOn" });
        }
    }
}
