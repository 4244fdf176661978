namespace InterAssociatif.Directory.Tests;

/// <summary>No N+1: the number of SQL commands depends on the query's depth, not on its page size.</summary>
public sealed class SqlCommandCountTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Query = "query($n: Int!) { organizations(first: $n, filter: { includeArchived: true }) { "
        + "nodes { themes { name } affiliations { person { familyName } } } } }";

    private async Task<long> CommandsForAsync(GraphQLTestClient client, int n)
    {
        factory.SqlCommands.Reset();
        var result = (await client.QueryAsync(Query, new { n })).EnsureNoErrors();
        Assert.Equal(n, result.At("organizations.nodes")!.AsArray().Count);
        return factory.SqlCommands.Count;
    }

    [Fact]
    public async Task Organizations_with_themes_and_affiliated_people_cost_the_same_for_5_and_50()
    {
        var coordinator = factory.GraphQL("coordinator");
        var themeIds = (await coordinator.QueryAsync("{ themes { nodes { id } } }")).EnsureNoErrors()
            .At("themes.nodes")!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToArray();
        for (var i = 0; i < 30; i++)
        {
            var org = await coordinator.CreateOrganizationIdAsync(
                $"Association numéro {i}", themeIds: themeIds.Skip(i % 5).Take(3).ToArray());
            var person = await coordinator.CreatePersonIdAsync($"Prénom{i}", $"Nom{i}");
            (await coordinator.QueryAsync(
                "mutation($input: AddAffiliationInput!) { addAffiliation(input: $input) { errors { code } } }",
                new { input = new { personId = person, organizationId = org, role = "REPRESENTATIVE" } }))
                    .EnsureNoErrors();
        }

        var five = await CommandsForAsync(coordinator, 5);
        var fifty = await CommandsForAsync(coordinator, 50);

        // page + themes + affiliations + people: one command each (no totalCount asked: no count).
        Assert.Equal(4, five);
        Assert.Equal(five, fifty);
    }

    [Fact]
    public async Task Nodes_by_ids_cost_one_command_per_type()
    {
        var ids = (await factory.GraphQL()
            .QueryAsync("{ organizations(first: 20) { nodes { id } } themes { nodes { id } } }"))
            .EnsureNoErrors();
        var all = ids.At("organizations.nodes")!
            .AsArray()
            .Concat(ids.At("themes.nodes")!.AsArray())
            .Select(n => n!["id"]!.GetValue<string>())
            .ToArray();

        factory.SqlCommands.Reset();
        var result = (await factory.GraphQL()
            .QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }", new { ids = all }))
            .EnsureNoErrors();
        Assert.Equal(all, result.At("nodes")!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(2, factory.SqlCommands.Count);
    }
}
