using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Host.Access.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Entries written before outcomes: a success was accepted, a failure refused with errors.
            migrationBuilder.Sql("UPDATE \"AuditEntries\" SET \"Outcome\" = CASE WHEN \"Succeeded\" = 1 THEN 'Accepted' ELSE 'Refused' END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "AuditEntries");
        }
    }
}
