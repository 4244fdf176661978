using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Directory.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "directory");

            migrationBuilder.CreateTable(
                name: "DirectoryOrganizations",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SearchKey = table.Column<string>(type: "nvarchar(240)", maxLength: 240, nullable: false),
                    Acronym = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Website = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ParentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizations_DirectoryOrganizations_ParentId",
                        column: x => x.ParentId,
                        principalSchema: "directory",
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryPeople",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SearchKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryThemes",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    NameKey = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryThemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryMemberships",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryMemberships_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalSchema: "directory",
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryOrganizationNeighbourhoods",
                schema: "directory",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NameKey = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizationNeighbourhoods", x => new { x.OrganizationId, x.NameKey });
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizationNeighbourhoods_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalSchema: "directory",
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryAffiliations",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryAffiliations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryAffiliations_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalSchema: "directory",
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectoryAffiliations_DirectoryPeople_PersonId",
                        column: x => x.PersonId,
                        principalSchema: "directory",
                        principalTable: "DirectoryPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryOrganizationThemes",
                schema: "directory",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizationThemes", x => new { x.OrganizationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizationThemes_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalSchema: "directory",
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizationThemes_DirectoryThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalSchema: "directory",
                        principalTable: "DirectoryThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryAffiliations_OrganizationId",
                schema: "directory",
                table: "DirectoryAffiliations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryAffiliations_PersonId",
                schema: "directory",
                table: "DirectoryAffiliations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryMemberships_OrganizationId_AppliedOn",
                schema: "directory",
                table: "DirectoryMemberships",
                columns: new[] { "OrganizationId", "AppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizationNeighbourhoods_NameKey",
                schema: "directory",
                table: "DirectoryOrganizationNeighbourhoods",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizations_NameKey",
                schema: "directory",
                table: "DirectoryOrganizations",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizations_ParentId",
                schema: "directory",
                table: "DirectoryOrganizations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizationThemes_ThemeId",
                schema: "directory",
                table: "DirectoryOrganizationThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPeople_Email",
                schema: "directory",
                table: "DirectoryPeople",
                column: "Email",
                unique: true,
                filter: "[Email] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPeople_SearchKey",
                schema: "directory",
                table: "DirectoryPeople",
                column: "SearchKey");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryThemes_NameKey",
                schema: "directory",
                table: "DirectoryThemes",
                column: "NameKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryAffiliations",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "DirectoryMemberships",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizationNeighbourhoods",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizationThemes",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "DirectoryPeople",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizations",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "DirectoryThemes",
                schema: "directory");
        }
    }
}
