using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Host.Access.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                schema: "access",
                table: "AuditEntries",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Entries written before outcomes: a success was accepted, a failure refused with errors.
            migrationBuilder.Sql("UPDATE [access].[AuditEntries] SET [Outcome] = CASE WHEN [Succeeded] = 1 THEN 'Accepted' ELSE 'Refused' END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Outcome",
                schema: "access",
                table: "AuditEntries");
        }
    }
}
