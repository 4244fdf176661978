using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Meetings.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingsMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlaceAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlaceNeighbourhood = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlaceNeighbourhoodKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsAgendaItems_MeetingsAgendaItems_ParentId",
                        column: x => x.ParentId,
                        principalTable: "MeetingsAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingsAgendaItems_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsAttachments_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAttendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsAttendance_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsDistribution",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsDistribution", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsDistribution_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsInvitations_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FulfilledByMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsMilestones_MeetingsMeetings_FulfilledByMeetingId",
                        column: x => x.FulfilledByMeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingsMilestones_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DraftText = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsMinutes_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_MeetingsAttachmentContents_MeetingsAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "MeetingsAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsMinutesRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinutesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMinutesRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsMinutesRevisions_MeetingsMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "MeetingsMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAgendaItems_MeetingId_ParentId_Position",
                table: "MeetingsAgendaItems",
                columns: new[] { "MeetingId", "ParentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAgendaItems_ParentId",
                table: "MeetingsAgendaItems",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAttachments_MeetingId",
                table: "MeetingsAttachments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAttendance_MeetingId_PersonId",
                table: "MeetingsAttendance",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsDistribution_MeetingId",
                table: "MeetingsDistribution",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsInvitations_MeetingId_OrganizationId",
                table: "MeetingsInvitations",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsInvitations_MeetingId_PersonId",
                table: "MeetingsInvitations",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsInvitations_OrganizationId",
                table: "MeetingsInvitations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_OrganizerId",
                table: "MeetingsMeetings",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_PlaceNeighbourhoodKey",
                table: "MeetingsMeetings",
                column: "PlaceNeighbourhoodKey");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_StartsAt",
                table: "MeetingsMeetings",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_Date",
                table: "MeetingsMilestones",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_FulfilledByMeetingId",
                table: "MeetingsMilestones",
                column: "FulfilledByMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_MeetingId",
                table: "MeetingsMilestones",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMinutes_MeetingId",
                table: "MeetingsMinutes",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMinutesRevisions_MinutesId_Number",
                table: "MeetingsMinutesRevisions",
                columns: new[] { "MinutesId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingsAgendaItems");

            migrationBuilder.DropTable(
                name: "MeetingsAttachmentContents");

            migrationBuilder.DropTable(
                name: "MeetingsAttendance");

            migrationBuilder.DropTable(
                name: "MeetingsDistribution");

            migrationBuilder.DropTable(
                name: "MeetingsInvitations");

            migrationBuilder.DropTable(
                name: "MeetingsMilestones");

            migrationBuilder.DropTable(
                name: "MeetingsMinutesRevisions");

            migrationBuilder.DropTable(
                name: "MeetingsAttachments");

            migrationBuilder.DropTable(
                name: "MeetingsMinutes");

            migrationBuilder.DropTable(
                name: "MeetingsMeetings");
        }
    }
}
