using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Meetings.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "meetings");

            migrationBuilder.CreateTable(
                name: "MeetingsMeetings",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PlaceName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PlaceAddress = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PlaceNeighbourhood = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PlaceNeighbourhoodKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OrganizerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAgendaItems",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsAgendaItems_MeetingsAgendaItems_ParentId",
                        column: x => x.ParentId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingsAgendaItems_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAttachments",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MediaType = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsAttachments_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAttendance",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsAttendance_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsDistribution",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsDistribution", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsDistribution_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsInvitations",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsInvitations_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsMilestones",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Precision = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    FulfilledByMeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsMilestones_MeetingsMeetings_FulfilledByMeetingId",
                        column: x => x.FulfilledByMeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingsMilestones_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsMinutes",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    WrittenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DraftText = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsMinutes_MeetingsMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsAttachmentContents",
                schema: "meetings",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_MeetingsAttachmentContents_MeetingsAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingsMinutesRevisions",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingsMinutesRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingsMinutesRevisions_MeetingsMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalSchema: "meetings",
                        principalTable: "MeetingsMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAgendaItems_MeetingId_ParentId_Position",
                schema: "meetings",
                table: "MeetingsAgendaItems",
                columns: new[] { "MeetingId", "ParentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAgendaItems_ParentId",
                schema: "meetings",
                table: "MeetingsAgendaItems",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAttachments_MeetingId",
                schema: "meetings",
                table: "MeetingsAttachments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsAttendance_MeetingId_PersonId",
                schema: "meetings",
                table: "MeetingsAttendance",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsDistribution_MeetingId",
                schema: "meetings",
                table: "MeetingsDistribution",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsInvitations_MeetingId_OrganizationId",
                schema: "meetings",
                table: "MeetingsInvitations",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true,
                filter: "[OrganizationId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsInvitations_MeetingId_PersonId",
                schema: "meetings",
                table: "MeetingsInvitations",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true,
                filter: "[PersonId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsInvitations_OrganizationId",
                schema: "meetings",
                table: "MeetingsInvitations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_OrganizerId",
                schema: "meetings",
                table: "MeetingsMeetings",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_PlaceNeighbourhoodKey",
                schema: "meetings",
                table: "MeetingsMeetings",
                column: "PlaceNeighbourhoodKey");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMeetings_StartsAt",
                schema: "meetings",
                table: "MeetingsMeetings",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_Date",
                schema: "meetings",
                table: "MeetingsMilestones",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_FulfilledByMeetingId",
                schema: "meetings",
                table: "MeetingsMilestones",
                column: "FulfilledByMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMilestones_MeetingId",
                schema: "meetings",
                table: "MeetingsMilestones",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMinutes_MeetingId",
                schema: "meetings",
                table: "MeetingsMinutes",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingsMinutesRevisions_MinutesId_Number",
                schema: "meetings",
                table: "MeetingsMinutesRevisions",
                columns: new[] { "MinutesId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingsAgendaItems",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsAttachmentContents",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsAttendance",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsDistribution",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsInvitations",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsMilestones",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsMinutesRevisions",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsAttachments",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsMinutes",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "MeetingsMeetings",
                schema: "meetings");
        }
    }
}
