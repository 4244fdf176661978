using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "governance");

            migrationBuilder.CreateTable(
                name: "GovernanceBodies",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ThemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    MeetingsPerYear = table.Column<int>(type: "int", nullable: true),
                    AssociationSeats = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceEvents",
                schema: "governance",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceBodyMeetings",
                schema: "governance",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceBodyMeetings", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_GovernanceBodyMeetings_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "governance",
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceDecisions",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceDecisions_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "governance",
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceParticipations",
                schema: "governance",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceParticipations", x => new { x.BodyId, x.OrganizationId, x.Since });
                    table.ForeignKey(
                        name: "FK_GovernanceParticipations_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "governance",
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceRequests",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BodyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedAnswerOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceRequests_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "governance",
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceDecisionHistory",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDecisionHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceDecisionHistory_GovernanceDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalSchema: "governance",
                        principalTable: "GovernanceDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceDecisionThemes",
                schema: "governance",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDecisionThemes", x => new { x.DecisionId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_GovernanceDecisionThemes_GovernanceDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalSchema: "governance",
                        principalTable: "GovernanceDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceFollowUps",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OwnerPersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DuePrecision = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceFollowUps_GovernanceDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalSchema: "governance",
                        principalTable: "GovernanceDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceRequestRecipients",
                schema: "governance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRequestRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceRequestRecipients_GovernanceRequests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "governance",
                        principalTable: "GovernanceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceBodies_NameKey",
                schema: "governance",
                table: "GovernanceBodies",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceBodyMeetings_BodyId",
                schema: "governance",
                table: "GovernanceBodyMeetings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisionHistory_DecisionId",
                schema: "governance",
                table: "GovernanceDecisionHistory",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisions_BodyId_DecidedOn",
                schema: "governance",
                table: "GovernanceDecisions",
                columns: new[] { "BodyId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisions_DecidedOn",
                schema: "governance",
                table: "GovernanceDecisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisions_MeetingId",
                schema: "governance",
                table: "GovernanceDecisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisionThemes_ThemeId",
                schema: "governance",
                table: "GovernanceDecisionThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceEvents_Kind_Sequence",
                schema: "governance",
                table: "GovernanceEvents",
                columns: new[] { "Kind", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_DecisionId",
                schema: "governance",
                table: "GovernanceFollowUps",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_OwnerOrganizationId",
                schema: "governance",
                table: "GovernanceFollowUps",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_Status_DueOn",
                schema: "governance",
                table: "GovernanceFollowUps",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceParticipations_OrganizationId",
                schema: "governance",
                table: "GovernanceParticipations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequestRecipients_RequestId",
                schema: "governance",
                table: "GovernanceRequestRecipients",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequests_BodyId",
                schema: "governance",
                table: "GovernanceRequests",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequests_Status_RaisedOn",
                schema: "governance",
                table: "GovernanceRequests",
                columns: new[] { "Status", "RaisedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceBodyMeetings",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceDecisionHistory",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceDecisionThemes",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceEvents",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceFollowUps",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceParticipations",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceRequestRecipients",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceDecisions",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceRequests",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "GovernanceBodies",
                schema: "governance");
        }
    }
}
