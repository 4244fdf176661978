namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// <c>node</c> and <c>nodes</c> never hand a record to a role its type refuses, for every node type of
/// every module: the expectation comes from the authorization the schema declares on each type.
/// </summary>
public sealed class NodeAuthorizationTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Everything = """
        {
          organizations(first: 3) { nodes { id affiliations { id } memberships { id } themes { id } } }
          people(first: 1) { nodes { id } }
          meetings(first: 3) { nodes { id agenda { id items { id } } attendance { id } attachments { id } milestones { id } decisions { id followUps { id } } body { id } } }
          surveys(first: 1) { nodes { id questions { id options { id } } responses(first: 1) { nodes { id } } } }
          escalatedRequests(first: 1) { nodes { id } }
          apiKeys(first: 1) { nodes { id } }
        }
        """;

    [Fact]
    public async Task No_role_gets_through_node_or_nodes_a_record_whose_type_it_may_not_read()
    {
        var coordinator = factory.GraphQL("coordinator");
        (await coordinator.QueryAsync(
            "mutation { issueApiKey(input: { name: \"Clé de la matrice\", scopes: [READ_DECISIONS] }) { errors { code "
            + "} } }"))
            .EnsureNoErrors();
        var all = (await coordinator.QueryAsync(Everything)).EnsureNoErrors();
        var byType = new Dictionary<string, string>();
        Collect(all.Data!, byType);
        Assert.True(byType.Count >= 15, $"expected an id of most node types, got {string.Join(", ", byType.Keys)}");

        var schema = factory.Services.GetRequiredService<InterAssociatifSchema>();
        schema.Initialize();
        var checkedCells = 0;
        foreach (var (typeName, id) in byType)
        {
            var type = schema.AllTypes[typeName]!;
            foreach (var role in AuthorizationMatrix.Everyone)
            {
                var user = role == AuthorizationMatrix.Anonymous
                    ? new ClaimsPrincipal(new ClaimsIdentity())
                    : new ClaimsPrincipal(
                        new ClaimsIdentity(
                            [new Claim(InterAssociatifClaims.Role, role)],
                            "test",
                            InterAssociatifClaims.Subject,
                            InterAssociatifClaims.Role));
                var client = role == AuthorizationMatrix.Anonymous ? factory.GraphQL() : factory.GraphQL(role);
                var single = await client.QueryAsync("query($id: ID!) { node(id: $id) { id __typename } }", new { id });
                var many = await client.QueryAsync(
                    "query($id: ID!) { nodes(ids: [$id]) { id __typename } }", new { id });
                if (!AuthorizationValidationRule.IsAllowed(type, user))
                {
                    Assert.True(single.At("node") is null, $"{role} read a {typeName} through node");
                    Assert.True(many.At("nodes[0]") is null, $"{role} read a {typeName} through nodes");
                    checkedCells++;
                }
                else if (role == "coordinator")
                {
                    Assert.Equal(typeName, single.EnsureNoErrors().String("node.__typename"));
                    Assert.Equal(typeName, many.EnsureNoErrors().String("nodes[0].__typename"));
                }
            }
        }

        Assert.True(
            checkedCells >= 15,
            $"the refused cells should be many, got {checkedCells} over {string.Join(", ", byType.Keys)}");
    }

    private static void Collect(JsonNode node, Dictionary<string, string> byType)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "id"
                        && value?.GetValue<string>() is { } id
                        && GlobalId.TryDecode(id, out var typeName, out _))
                    {
                        byType.TryAdd(typeName, id);
                    }
                    else if (value is not null)
                    {
                        Collect(value, byType);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Collect(item, byType);
                }

                break;
        }
    }
}
