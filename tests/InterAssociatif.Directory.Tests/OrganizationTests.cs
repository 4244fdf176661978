namespace InterAssociatif.Directory.Tests;

public sealed class OrganizationTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    private async Task<int> CountNamedAsync(string search) =>
        (await Coordinator.QueryAsync(
            $$"""{ organizations(filter: { search: "{{search}}", includeArchived: true }) { totalCount } }"""))
            .EnsureNoErrors()
            .Int("organizations.totalCount");

    [Fact]
    public async Task Creating_an_organization_returns_it_with_its_themes_and_neighbourhoods()
    {
        var theme = (await Coordinator.QueryAsync("{ themes(first: 1) { nodes { id name } } }")).EnsureNoErrors();
        var result = (await Coordinator.CreateOrganizationAsync(new
        {
            kind = "ASSOCIATION",
            name = "  Les Jardins de Malakoff  ",
            acronym = "JdM",
            website = "https://jardins.example.org",
            neighbourhoods = new[] { "Malakoff", "malakoff", "Bellevue" },
            themeIds = new[] { theme.String("themes.nodes[0].id") },
        })).EnsureNoErrors();

        Assert.Empty(result.PayloadErrors("createOrganization"));
        Assert.Equal("Les Jardins de Malakoff", result.String("createOrganization.organization.name"));
        Assert.Equal(1, result.Int("createOrganization.organization.version"));
        Assert.Equal(
            "[\"Bellevue\",\"Malakoff\"]", result.At("createOrganization.organization.neighbourhoods")!.ToJsonString());
        Assert.Equal(
            theme.String("themes.nodes[0].name"), result.String("createOrganization.organization.themes[0].name"));
        Assert.Equal("NONE", result.String("createOrganization.organization.membershipStatus"));
    }

    [Theory]
    [InlineData("MOZAIK rh", "ConflictError CONFLICT input.name")]
    [InlineData("Regarts", "ConflictError CONFLICT input.name")]
    [InlineData("   ", "ValidationError VALIDATION input.name")]
    [InlineData("''", "ValidationError VALIDATION input.name")]
    public async Task A_bad_or_duplicate_name_is_a_typed_error_naming_the_field_and_nothing_is_written(
        string name, string expected)
    {
        var before = await CountNamedAsync(name);
        var result = (await Coordinator.CreateOrganizationAsync(new { kind = "ASSOCIATION", name })).EnsureNoErrors();
        Assert.Equal(expected, result.SingleError("createOrganization"));
        Assert.Equal(before, await CountNamedAsync(name));
    }

    [Fact]
    public async Task An_over_long_name_and_a_bad_website_are_reported_together_and_nothing_is_written()
    {
        var name = new string('x', 201);
        var result = (await Coordinator.CreateOrganizationAsync(
            new { kind = "ASSOCIATION", name, website = "ftp://nope" }))
            .EnsureNoErrors();
        var fields = result.PayloadErrors("createOrganization")
            .Select(e => $"{e!["code"]} {e["field"]}")
            .Order()
            .ToList();
        Assert.Equal(["VALIDATION input.name", "VALIDATION input.website"], fields);
        Assert.Equal(0, await CountNamedAsync(name));
    }

    [Fact]
    public async Task An_unknown_theme_or_a_forged_id_is_not_found_naming_the_list_item()
    {
        var unknownTheme = Kernel.Relay.GlobalId.Encode("Theme", Guid.CreateVersion7());
        var personId = Kernel.Relay.GlobalId.Encode("Person", Guid.CreateVersion7());
        var result = (await Coordinator.CreateOrganizationAsync(
            new
            {
                kind = "ASSOCIATION",
                name = "Association fantôme",
                themeIds = new[] { unknownTheme, personId, "forged" }
            }))
            .EnsureNoErrors();
        var errors = result.PayloadErrors("createOrganization")
            .Select(e => $"{e!["__typename"]} {e["field"]}")
            .ToList();
        Assert.Equal(
            ["NotFoundError input.themeIds[1]", "NotFoundError input.themeIds[2]", "NotFoundError input.themeIds[0]"],
            errors);
        Assert.Equal(0, await CountNamedAsync("Association fantôme"));
    }

    [Fact]
    public async Task Updating_with_a_stale_version_is_a_conflict_and_leaves_the_record_unchanged()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Atelier du Breil");
        const string update = "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { "
            + "organization { name acronym description version } errors { __typename code field } } }";

        var first = (await Coordinator.QueryAsync(
            update, new { input = new { id, version = 1, acronym = "ADB", description = "Ateliers" } }))
            .EnsureNoErrors();
        Assert.Empty(first.PayloadErrors("updateOrganization"));
        Assert.Equal(2, first.Int("updateOrganization.organization.version"));

        var stale = (await Coordinator.QueryAsync(update, new { input = new { id, version = 1, name = "Autre nom" } }))
            .EnsureNoErrors();
        Assert.Equal("ConflictError CONFLICT input.version", stale.SingleError("updateOrganization"));

        // Omitted fields stay; an explicit null clears.
        var partial = (await Coordinator.QueryAsync(update, new { input = new { id, description = (string?)null } }))
            .EnsureNoErrors();
        Assert.Equal("Atelier du Breil", partial.String("updateOrganization.organization.name"));
        Assert.Equal("ADB", partial.String("updateOrganization.organization.acronym"));
        Assert.Null(partial.At("updateOrganization.organization.description"));
    }

    [Fact]
    public async Task An_organization_cannot_become_a_unit_of_its_own_unit()
    {
        var parent = await Coordinator.CreateOrganizationIdAsync("Ville de Test", "INSTITUTION");
        const string create = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { "
            + "organization { id parent { name } } errors { code field } } }";
        var unit = (await Coordinator.QueryAsync(
            create, new { input = new { kind = "INSTITUTION", name = "Service de Test", parentId = parent } }))
            .EnsureNoErrors();
        Assert.Equal("Ville de Test", unit.String("createOrganization.organization.parent.name"));

        var cycle = (await Coordinator.QueryAsync(
            "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } "
            + "errors { __typename code field } } }",
            new { input = new { id = parent, parentId = unit.String("createOrganization.organization.id") } }))
                .EnsureNoErrors();
        Assert.Equal("ValidationError VALIDATION input.parentId", cycle.SingleError("updateOrganization"));
    }

    [Fact]
    public async Task An_archived_organization_leaves_lists_but_stays_readable_and_can_be_restored()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Collectif Port Boyer");
        const string archive = "mutation($input: ArchiveOrganizationInput!) { archiveOrganization(input: $input) { "
            + "organization { archived archivedAt } errors { __typename code field } } }";
        var archived = (await Coordinator.QueryAsync(archive, new { input = new { id } })).EnsureNoErrors();
        Assert.True(archived.At("archiveOrganization.organization.archived")!.GetValue<bool>());

        var again = (await Coordinator.QueryAsync(archive, new { input = new { id } })).EnsureNoErrors();
        Assert.Equal("ConflictError CONFLICT input.id", again.SingleError("archiveOrganization"));

        var listed = (await Coordinator.QueryAsync(
            """{ organizations(filter: { search: "port boyer" }) { totalCount } }"""))
            .EnsureNoErrors();
        Assert.Equal(0, listed.Int("organizations.totalCount"));
        var byId = (await Coordinator.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Organization { name archived } } }", new { id }))
            .EnsureNoErrors();
        Assert.Equal("Collectif Port Boyer", byId.String("node.name"));

        var restored = (await Coordinator.QueryAsync(
            "mutation($input: ArchiveOrganizationInput!) { restoreOrganization(input: $input) { organization { "
            + "archived } errors { code } } }",
            new { input = new { id } }))
                .EnsureNoErrors();
        Assert.False(restored.At("restoreOrganization.organization.archived")!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_organization_id_in_an_update_is_not_found()
    {
        var id = Kernel.Relay.GlobalId.Encode("Organization", Guid.CreateVersion7());
        var result = (await Coordinator.QueryAsync(
            "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } "
            + "errors { __typename code field } } }",
            new { input = new { id, name = "Nouveau" } })).EnsureNoErrors();
        Assert.Equal("NotFoundError NOT_FOUND input.id", result.SingleError("updateOrganization"));
    }
}

public sealed class ThemeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    private const string Create = "mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { id name "
        + "position version } errors { __typename code field } } }";
    private const string Update = "mutation($input: UpdateThemeInput!) { updateTheme(input: $input) { theme { name "
        + "description position version } errors { __typename code field } } }";

    [Fact]
    public async Task A_new_theme_goes_last_in_the_catalogue_and_can_be_renamed_and_described()
    {
        var created = (await Coordinator.QueryAsync(Create, new { input = new { name = "Rénovation urbaine" } }))
            .EnsureNoErrors();
        Assert.Equal(11, created.Int("createTheme.theme.position"));
        var id = created.String("createTheme.theme.id");

        var updated = (await Coordinator.QueryAsync(
            Update,
            new
            {
                input = new
                {
                    id,
                    version = 1,
                    name = "Renouvellement urbain",
                    description = "Projets de renouvellement urbain (NPNRU)."
                }
            }))
            .EnsureNoErrors();
        Assert.Empty(updated.PayloadErrors("updateTheme"));
        Assert.Equal(
            ("Renouvellement urbain", 2),
            (updated.String("updateTheme.theme.name"), updated.Int("updateTheme.theme.version")));

        var stale = (await Coordinator.QueryAsync(Update, new { input = new { id, version = 1, description = "x" } }))
            .EnsureNoErrors();
        Assert.Equal("ConflictError CONFLICT input.version", stale.SingleError("updateTheme"));
    }

    [Theory]
    [InlineData("SANTE", null, "ConflictError CONFLICT input.name")]
    [InlineData("Thème valide", 0, "ValidationError VALIDATION input.position")]
    [InlineData("", 1, "ValidationError VALIDATION input.name")]
    public async Task A_duplicate_or_invalid_theme_is_refused_and_nothing_is_written(
        string name, int? position, string expected)
    {
        const string count = "{ themes(first: 100) { totalCount } }";
        var before = (await Coordinator.QueryAsync(count)).EnsureNoErrors().Int("themes.totalCount");
        var result = (await Coordinator.QueryAsync(Create, new { input = new { name, position } })).EnsureNoErrors();
        Assert.Equal(expected, result.SingleError("createTheme"));
        Assert.Equal(before, (await Coordinator.QueryAsync(count)).EnsureNoErrors().Int("themes.totalCount"));
    }

    [Fact]
    public async Task An_unknown_parent_organization_is_not_found()
    {
        var result = (await Coordinator.CreateOrganizationAsync(
            new
            {
                kind = "INSTITUTION",
                name = "Service orphelin",
                parentId = Kernel.Relay.GlobalId.Encode("Organization", Guid.CreateVersion7())
            }))
            .EnsureNoErrors();
        Assert.Equal("NotFoundError NOT_FOUND input.parentId", result.SingleError("createOrganization"));
    }
}
