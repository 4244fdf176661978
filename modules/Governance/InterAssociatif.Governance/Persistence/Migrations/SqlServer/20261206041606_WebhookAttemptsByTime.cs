using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WebhookAttemptsByTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_GovernanceWebhookAttempts_At",
                schema: "governance",
                table: "GovernanceWebhookAttempts",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GovernanceWebhookAttempts_At",
                schema: "governance",
                table: "GovernanceWebhookAttempts");
        }
    }
}
