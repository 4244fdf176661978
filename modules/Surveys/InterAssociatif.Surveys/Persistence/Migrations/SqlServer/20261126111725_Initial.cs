using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Surveys.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "surveys");

            migrationBuilder.CreateTable(
                name: "SurveysSurveys",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveysAudience",
                schema: "surveys",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysAudience", x => new { x.SurveyId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_SurveysAudience_SurveysSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalSchema: "surveys",
                        principalTable: "SurveysSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysQuestions",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Section = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    MaxSelections = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysQuestions_SurveysSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalSchema: "surveys",
                        principalTable: "SurveysSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysResponses",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Late = table.Column<bool>(type: "bit", nullable: false),
                    EnteredBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysResponses_SurveysSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalSchema: "surveys",
                        principalTable: "SurveysSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveysOptions",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IsOther = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysOptions_SurveysQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalSchema: "surveys",
                        principalTable: "SurveysQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysResponseAttributes",
                schema: "surveys",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysResponseAttributes", x => new { x.ResponseId, x.Name, x.Value });
                    table.ForeignKey(
                        name: "FK_SurveysResponseAttributes_SurveysResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalSchema: "surveys",
                        principalTable: "SurveysResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveysAnswers",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    QuestionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OptionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    Level = table.Column<int>(type: "int", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveysAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveysAnswers_SurveysOptions_OptionId",
                        column: x => x.OptionId,
                        principalSchema: "surveys",
                        principalTable: "SurveysOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveysAnswers_SurveysQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalSchema: "surveys",
                        principalTable: "SurveysQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveysAnswers_SurveysResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalSchema: "surveys",
                        principalTable: "SurveysResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_OptionId",
                schema: "surveys",
                table: "SurveysAnswers",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_QuestionId_OptionId",
                schema: "surveys",
                table: "SurveysAnswers",
                columns: new[] { "QuestionId", "OptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_ResponseId_QuestionId_OptionId",
                schema: "surveys",
                table: "SurveysAnswers",
                columns: new[] { "ResponseId", "QuestionId", "OptionId" },
                unique: true,
                filter: "[OptionId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveysAnswers_SurveyId_SubmittedAt_QuestionId_OptionId_Level_Rank_ResponseId",
                schema: "surveys",
                table: "SurveysAnswers",
                columns: new[] { "SurveyId", "SubmittedAt", "QuestionId", "OptionId", "Level", "Rank", "ResponseId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysOptions_QuestionId_Position",
                schema: "surveys",
                table: "SurveysOptions",
                columns: new[] { "QuestionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysQuestions_SurveyId_Position",
                schema: "surveys",
                table: "SurveysQuestions",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysResponses_SurveyId_OrganizationId",
                schema: "surveys",
                table: "SurveysResponses",
                columns: new[] { "SurveyId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveysResponses_SurveyId_SubmittedAt",
                schema: "surveys",
                table: "SurveysResponses",
                columns: new[] { "SurveyId", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveysAnswers",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "SurveysAudience",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "SurveysResponseAttributes",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "SurveysOptions",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "SurveysResponses",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "SurveysQuestions",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "SurveysSurveys",
                schema: "surveys");
        }
    }
}
