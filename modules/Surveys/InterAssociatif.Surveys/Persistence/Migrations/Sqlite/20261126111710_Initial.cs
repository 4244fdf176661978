using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Surveys.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveysSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveysAudience",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysAudience", x => new { x.SurveyId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_SurveysAudience_SurveysSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "SurveysSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxSelections = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysQuestions_SurveysSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "SurveysSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysResponses_SurveysSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "SurveysSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveysOptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsOther = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysOptions_SurveysQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveysQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysResponseAttributes",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysResponseAttributes", x => new { x.ResponseId, x.Name, x.Value });
                    table.ForeignKey(
                        name: "FK_SurveysResponseAttributes_SurveysResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveysResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysAnswers_SurveysOptions_OptionId",
                        column: x => x.OptionId,
                        principalTable: "SurveysOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveysAnswers_SurveysQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveysQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveysAnswers_SurveysResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveysResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_OptionId",
                table: "SurveysAnswers",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_QuestionId_OptionId",
                table: "SurveysAnswers",
                columns: new[] { "QuestionId", "OptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_ResponseId_QuestionId_OptionId",
                table: "SurveysAnswers",
                columns: new[] { "ResponseId", "QuestionId", "OptionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_SurveyId_SubmittedAt_QuestionId_OptionId_Level_Rank_ResponseId",
                table: "SurveysAnswers",
                columns: new[] { "SurveyId", "SubmittedAt", "QuestionId", "OptionId", "Level", "Rank", "ResponseId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysOptions_QuestionId_Position",
                table: "SurveysOptions",
                columns: new[] { "QuestionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysQuestions_SurveyId_Position",
                table: "SurveysQuestions",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysResponses_SurveyId_OrganizationId",
                table: "SurveysResponses",
                columns: new[] { "SurveyId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveysResponses_SurveyId_SubmittedAt",
                table: "SurveysResponses",
                columns: new[] { "SurveyId", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveysAnswers");

            migrationBuilder.DropTable(
                name: "SurveysAudience");

            migrationBuilder.DropTable(
                name: "SurveysResponseAttributes");

            migrationBuilder.DropTable(
                name: "SurveysOptions");

            migrationBuilder.DropTable(
                name: "SurveysResponses");

            migrationBuilder.DropTable(
                name: "SurveysQuestions");

            migrationBuilder.DropTable(
                name: "SurveysSurveys");
        }
    }
}
