using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterAssociatif.Directory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryOrganizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizations_DirectoryOrganizations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryThemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryMemberships_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryOrganizationNeighbourhoods",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizationNeighbourhoods", x => new { x.OrganizationId, x.NameKey });
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizationNeighbourhoods_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryAffiliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryAffiliations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryAffiliations_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectoryAffiliations_DirectoryPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "DirectoryPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryOrganizationThemes",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizationThemes", x => new { x.OrganizationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizationThemes_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizationThemes_DirectoryThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "DirectoryThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryAffiliations_OrganizationId",
                table: "DirectoryAffiliations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryAffiliations_PersonId",
                table: "DirectoryAffiliations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryMemberships_OrganizationId_AppliedOn",
                table: "DirectoryMemberships",
                columns: new[] { "OrganizationId", "AppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizationNeighbourhoods_NameKey",
                table: "DirectoryOrganizationNeighbourhoods",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizations_NameKey",
                table: "DirectoryOrganizations",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizations_ParentId",
                table: "DirectoryOrganizations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizationThemes_ThemeId",
                table: "DirectoryOrganizationThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPeople_Email",
                table: "DirectoryPeople",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPeople_SearchKey",
                table: "DirectoryPeople",
                column: "SearchKey");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryThemes_NameKey",
                table: "DirectoryThemes",
                column: "NameKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryAffiliations");

            migrationBuilder.DropTable(
                name: "DirectoryMemberships");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizationNeighbourhoods");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizationThemes");

            migrationBuilder.DropTable(
                name: "DirectoryPeople");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizations");

            migrationBuilder.DropTable(
                name: "DirectoryThemes");
        }
    }
}
