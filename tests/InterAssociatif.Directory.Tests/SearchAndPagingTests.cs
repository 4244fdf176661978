using InterAssociatif.Kernel.Relay;

namespace InterAssociatif.Directory.Tests;

public sealed class SearchAndPagingTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Anonymous => factory.GraphQL();

    private async Task<List<string>> SearchAsync(string search)
    {
        var result = (await Anonymous.QueryAsync(
            "query($s: String) { organizations(first: 50, filter: { search: $s, includeArchived: true }) { nodes { "
            + "name } } }",
            new { s = search }))
            .EnsureNoErrors();
        return result.At("organizations.nodes")!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("mozaik", "MOZAÏK RH")]
    [InlineData("MOZAÏK", "MOZAÏK RH")]
    [InlineData("regarts", "REGART'S")]
    [InlineData("paq la lune", "PAQ'LA LUNE")]
    [InlineData("paqla", "PAQ'LA LUNE")]
    [InlineData("uhp", "Union des Habitants de Plaisance")]
    [InlineData("fete le mur", "FETE LE MUR")]
    [InlineData("grand place", "MOUVEMENT LA GRAND' PLACE")]
    [InlineData("metropole", "Nantes Métropole")]
    public async Task Search_ignores_case_accents_and_punctuation_and_matches_parts(string search, string expected) =>
        Assert.Contains(expected, await SearchAsync(search));

    [Fact]
    public async Task A_search_that_matches_nothing_returns_an_empty_page()
    {
        var result = (await Anonymous.QueryAsync(
            """
                { organizations(filter: { search: "zzzz introuvable" }) { totalCount edges { cursor } nodes { name }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
                """))
            .EnsureNoErrors();
        Assert.Equal(0, result.Int("organizations.totalCount"));
        Assert.Empty(result.At("organizations.nodes")!.AsArray());
        Assert.False(result.At("organizations.pageInfo.hasNextPage")!.GetValue<bool>());
        Assert.Null(result.At("organizations.pageInfo.endCursor"));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gap_or_overlap_up_to_the_last_page()
    {
        const string query = "query($after: String) { organizations(first: 10, after: $after, filter: { kinds: "
            + "[ASSOCIATION], includeArchived: true }) { totalCount nodes { name } pageInfo { hasNextPage "
            + "hasPreviousPage endCursor } } }";
        var names = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await Anonymous.QueryAsync(query, new { after })).EnsureNoErrors();
            names.AddRange(page.At("organizations.nodes")!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
            Assert.Equal(pages > 0, page.At("organizations.pageInfo.hasPreviousPage")!.GetValue<bool>());
            pages++;
            if (!page.At("organizations.pageInfo.hasNextPage")!.GetValue<bool>())
            {
                Assert.Equal(27, page.Int("organizations.totalCount"));
                break;
            }

            after = page.String("organizations.pageInfo.endCursor");
        }

        Assert.Equal(3, pages);
        Assert.Equal(27, names.Distinct().Count());
        Assert.Equal(27, names.Count);
    }

    [Fact]
    public async Task Last_and_before_page_backwards()
    {
        var all = (await Anonymous.QueryAsync("{ organizations(first: 100) { edges { cursor node { name } } } }"))
            .EnsureNoErrors();
        var edges = all.At("organizations.edges")!.AsArray();
        var before = edges[10]!["cursor"]!.GetValue<string>();
        var page = (await Anonymous.QueryAsync(
            "query($before: String) { organizations(last: 3, before: $before) { nodes { name } pageInfo { "
            + "hasPreviousPage hasNextPage } } }",
            new { before }))
            .EnsureNoErrors();
        Assert.Equal(
            edges.Skip(7).Take(3).Select(e => e!["node"]!["name"]!.GetValue<string>()),
            page.At("organizations.nodes")!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.True(page.At("organizations.pageInfo.hasPreviousPage")!.GetValue<bool>());
    }

    [Theory]
    [InlineData("nodes { name }")]
    [InlineData("totalCount nodes { name }")]
    public async Task A_cursor_at_the_last_possible_position_reads_an_empty_page(string selection)
    {
        var after = Paging.ToCursor(int.MaxValue);
        var page = (await Anonymous.QueryAsync(
            $"query($after: String) {{ organizations(first: 5, after: $after) {{ {selection} "
                + "pageInfo { hasNextPage } } }",
            new { after })).EnsureNoErrors();
        Assert.Empty(page.At("organizations.nodes")!.AsArray());
        Assert.False(page.At("organizations.pageInfo.hasNextPage")!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{ organizations(first: 101) { totalCount } }", "first")]
    [InlineData("{ organizations(first: 99999999) { totalCount } }", "first")]
    [InlineData("{ organizations(last: -1) { totalCount } }", "last")]
    [InlineData("""{ organizations(after: "not-a-cursor") { totalCount } }""", "after")]
    public async Task Bad_page_arguments_are_refused_with_a_typed_error_and_no_sql(string query, string argument)
    {
        factory.SqlCommands.Reset();
        var result = await Anonymous.QueryAsync(query);
        Assert.Equal(["INVALID_PAGINATION"], result.ErrorCodes);
        Assert.Equal(argument, result.Errors[0]!["extensions"]!["argument"]!.GetValue<string>());
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task Sorting_by_name_descending_and_by_kind_runs_in_sql()
    {
        var result = (await Anonymous.QueryAsync(
            "{ organizations(first: 1, orderBy: [{ field: NAME, direction: DESC }]) { nodes { name } } byKind: "
            + "organizations(first: 1, orderBy: [{ field: KIND, direction: DESC }, { field: NAME }]) { nodes { name "
            + "kind } } }"))
            .EnsureNoErrors();
        Assert.Equal("VIVRE LIBRE", result.String("organizations.nodes[0].name"));
        Assert.Equal("INSTITUTION", result.String("byKind.nodes[0].kind"));
        Assert.Equal("Bureau Politique de la Ville", result.String("byKind.nodes[0].name"));
    }

    [Fact]
    public async Task Filters_by_kind_neighbourhood_and_theme_combine()
    {
        var coordinator = factory.GraphQL("coordinator");
        var themes = (await coordinator.QueryAsync("{ themes { nodes { id name } } }")).EnsureNoErrors();
        var sante = themes.At("themes.nodes")!
            .AsArray()
            .First(t => t!["name"]!.GetValue<string>() == "Santé")!["id"]!
            .GetValue<string>();
        await coordinator.CreateOrganizationAsync(
            new
            {
                kind = "ASSOCIATION",
                name = "Santé à Bellevue",
                neighbourhoods = new[] { "Bellevue" },
                themeIds = new[] { sante }
            });
        await coordinator.CreateOrganizationAsync(
            new
            {
                kind = "INSTITUTION",
                name = "Centre de santé de Bellevue",
                neighbourhoods = new[] { "BELLEVUE" },
                themeIds = new[] { sante }
            });

        var result = (await Anonymous.QueryAsync(
            "query($theme: ID!) { organizations(filter: { kinds: [ASSOCIATION], neighbourhood: \"bellevue\", themeIds: "
            + "[$theme] }) { nodes { name } } }",
            new { theme = sante }))
            .EnsureNoErrors();
        Assert.Equal(
            ["Santé à Bellevue"],
            result.At("organizations.nodes")!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

        var plaisance = (await Anonymous.QueryAsync(
            """{ organizations(filter: { neighbourhood: "Plaisance (Orvault)" }) { nodes { name } } }"""))
            .EnsureNoErrors();
        Assert.Equal("Union des Habitants de Plaisance", plaisance.String("organizations.nodes[0].name"));
    }

    [Fact]
    public async Task People_search_ignores_accents()
    {
        var result = (await factory.GraphQL("analyst")
            .QueryAsync("""{ people(filter: { search: "meheustel" }) { nodes { displayName title } } }"""))
            .EnsureNoErrors();
        Assert.Equal("Laure Méheustel", result.String("people.nodes[0].displayName"));
    }
}
