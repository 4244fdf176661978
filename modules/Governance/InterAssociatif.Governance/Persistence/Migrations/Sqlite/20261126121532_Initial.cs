using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Governance.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GovernanceBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeetingsPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    AssociationSeats = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceBodyMeetings",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceBodyMeetings", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_GovernanceBodyMeetings_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceDecisions_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceParticipations",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceParticipations", x => new { x.BodyId, x.OrganizationId, x.Since });
                    table.ForeignKey(
                        name: "FK_GovernanceParticipations_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedAnswerOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceRequests_GovernanceBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "GovernanceBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceDecisionHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDecisionHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceDecisionHistory_GovernanceDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "GovernanceDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceDecisionThemes",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDecisionThemes", x => new { x.DecisionId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_GovernanceDecisionThemes_GovernanceDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "GovernanceDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DuePrecision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceFollowUps_GovernanceDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "GovernanceDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceRequestRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRequestRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceRequestRecipients_GovernanceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "GovernanceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceBodies_NameKey",
                table: "GovernanceBodies",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceBodyMeetings_BodyId",
                table: "GovernanceBodyMeetings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisionHistory_DecisionId",
                table: "GovernanceDecisionHistory",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisions_BodyId_DecidedOn",
                table: "GovernanceDecisions",
                columns: new[] { "BodyId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisions_DecidedOn",
                table: "GovernanceDecisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisions_MeetingId",
                table: "GovernanceDecisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDecisionThemes_ThemeId",
                table: "GovernanceDecisionThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceEvents_Kind_Sequence",
                table: "GovernanceEvents",
                columns: new[] { "Kind", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_DecisionId",
                table: "GovernanceFollowUps",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_OwnerOrganizationId",
                table: "GovernanceFollowUps",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceFollowUps_Status_DueOn",
                table: "GovernanceFollowUps",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceParticipations_OrganizationId",
                table: "GovernanceParticipations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequestRecipients_RequestId",
                table: "GovernanceRequestRecipients",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequests_BodyId",
                table: "GovernanceRequests",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRequests_Status_RaisedOn",
                table: "GovernanceRequests",
                columns: new[] { "Status", "RaisedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernanceBodyMeetings");

            migrationBuilder.DropTable(
                name: "GovernanceDecisionHistory");

            migrationBuilder.DropTable(
                name: "GovernanceDecisionThemes");

            migrationBuilder.DropTable(
                name: "GovernanceEvents");

            migrationBuilder.DropTable(
                name: "GovernanceFollowUps");

            migrationBuilder.DropTable(
                name: "GovernanceParticipations");

            migrationBuilder.DropTable(
                name: "GovernanceRequestRecipients");

            migrationBuilder.DropTable(
                name: "GovernanceDecisions");

            migrationBuilder.DropTable(
                name: "GovernanceRequests");

            migrationBuilder.DropTable(
                name: "GovernanceBodies");
        }
    }
}
