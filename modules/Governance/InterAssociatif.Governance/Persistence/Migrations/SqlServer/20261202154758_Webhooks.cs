using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GovernanceWebhookEndpoints",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Events = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ThemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Owner = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Secret = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PreviousSecret = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PreviousSecretUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DisabledReason = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: true),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LeaseHolder = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceWebhookEndpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceWebhookAttempts",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndpointId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Attempt = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    DurationMs = table.Column<int>(type: "int", nullable: false),
                    Succeeded = table.Column<bool>(type: "bit", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceWebhookAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceWebhookAttempts_GovernanceWebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalSchema: "governance",
                        principalTable: "GovernanceWebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceWebhookRedeliveries",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndpointId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceWebhookRedeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceWebhookRedeliveries_GovernanceWebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalSchema: "governance",
                        principalTable: "GovernanceWebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceWebhookAttempts_EndpointId_Id",
                schema: "governance",
                table: "GovernanceWebhookAttempts",
                columns: new[] { "EndpointId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceWebhookEndpoints_Owner",
                schema: "governance",
                table: "GovernanceWebhookEndpoints",
                column: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceWebhookEndpoints_Status_Position",
                schema: "governance",
                table: "GovernanceWebhookEndpoints",
                columns: new[] { "Status", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceWebhookRedeliveries_EndpointId_Id",
                schema: "governance",
                table: "GovernanceWebhookRedeliveries",
                columns: new[] { "EndpointId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceWebhookAttempts",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceWebhookRedeliveries",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceWebhookEndpoints",
                schema: "governance");
        }
    }
}
