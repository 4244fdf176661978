using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Surveys.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SurveysSurveys_OpensOn_Id",
                table: "SurveysSurveys",
                columns: new[] { "OpensOn", "Id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SurveysSurveys_Status_OpensOn_Id",
                table: "SurveysSurveys",
                columns: new[] { "Status", "OpensOn", "Id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveysSurveys_OpensOn_Id",
                table: "SurveysSurveys");

            migrationBuilder.DropIndex(
                name: "IX_SurveysSurveys_Status_OpensOn_Id",
                table: "SurveysSurveys");
        }
    }
}
