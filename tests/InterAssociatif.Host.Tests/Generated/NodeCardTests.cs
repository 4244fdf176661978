namespace InterAssociatif.Host.Tests.Generated;

/// <summary>
/// Generated from the node sources and the schema: for every node type read through a card
/// (<see cref="NodeCard{T}"/>), every record of the demo data shows the same values of every card field
/// whether it was read as a card or whole — so a card field that starts reading a member the card
/// does not project fails here — and a field that selects anything else, through a fragment too, reads
/// the whole record.
/// </summary>
public sealed class NodeCardTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Every_card_field_of_every_record_reads_the_same_from_the_card_as_from_the_whole_record()
    {
        var schema = SchemaCases.Schema(factory.Services);
        var client = factory.GraphQL("coordinator");
        var cards = Cards().ToList();
        Assert.NotEmpty(cards);
        foreach (var (typeName, fields, ids) in cards)
        {
            var (selection, whole) = Selections(schema, typeName, fields);
            var checkedIds = 0;
            foreach (var id in await ids)
            {
                var globalId = GlobalId.Encode(typeName, id);
                var (asCard, cardSql) = await RunAsync(client, $"... on {typeName} {{ {selection} }}", globalId);
                var (asWhole, wholeSql) =
                    await RunAsync(client, $"... on {typeName} {{ {selection} whole: {whole} }}", globalId);
                Assert.NotNull(asWhole);
                asWhole!.AsObject().Remove("whole");
                Assert.True(
                    JsonNode.DeepEquals(asCard, asWhole),
                    $"{typeName} {id}: read as a card {asCard?.ToJsonString()}, whole {asWhole.ToJsonString()}");
                Assert.True(
                    cardSql.Length < wholeSql.Length,
                    $"{typeName}: the card read no fewer columns:\n{cardSql}\n{wholeSql}");
                checkedIds++;
            }

            Assert.True(checkedIds > 0, $"No {typeName} in the demo data to compare.");
        }
    }

    [Fact]
    public async Task A_field_selecting_anything_beyond_the_card_through_fragments_reads_the_whole_record()
    {
        var client = factory.GraphQL("coordinator");
        var (typeName, fields, ids) = Cards().First();
        var id = GlobalId.Encode(typeName, (await ids).First());
        var card = string.Join(' ', fields.Where(f => f is "id" or "name" or "displayName" or "__typename"));
        var (_, cardSql) = await RunAsync(client, "...Card", id, $"fragment Card on {typeName} {{ {card} }}");
        var (_, inlineSql) = await RunAsync(client, $"... on Node {{ ... on {typeName} {{ {card} }} }}", id);
        var (_, spreadSql) = await RunAsync(client, "...Card", id, $"fragment Card on {typeName} {{ {card} version }}");
        var (_, nestedSql) = await RunAsync(client, $"... on Node {{ id ... on {typeName} {{ createdAt }} }}", id);
        Assert.Equal(cardSql, inlineSql);
        Assert.NotEqual(cardSql, spreadSql);
        Assert.Equal(spreadSql, nestedSql);
    }

    [Fact]
    public async Task Every_list_of_a_card_type_reads_the_same_card_fields_as_cards_and_whole()
    {
        var schema = SchemaCases.Schema(factory.Services);
        var client = factory.GraphQL("coordinator");
        var lists = 0;
        foreach (var (typeName, fields, _) in Cards())
        {
            var (selection, whole) = Selections(schema, typeName, fields);
            foreach (var list in schema.Query!.Fields.Where(f => ListsOf(f, typeName)))
            {
                var (asCards, cardSql) =
                    await ListAsync(client, $"{list.Name}(first: 100) {{ nodes {{ {selection} }} }}");
                var (asWhole, wholeSql) =
                    await ListAsync(client, $"{list.Name}(first: 100) {{ nodes {{ {selection} whole: {whole} }} }}");
                var (_, edgesSql) = await ListAsync(
                    client, $"{list.Name}(first: 100) {{ totalCount edges {{ cursor node {{ {selection} }} }} }}");
                foreach (var node in asWhole!["nodes"]!.AsArray())
                {
                    node!.AsObject().Remove("whole");
                }

                Assert.NotEmpty(asCards!["nodes"]!.AsArray());
                Assert.True(
                    JsonNode.DeepEquals(asCards!["nodes"], asWhole!["nodes"]),
                    $"{list.Name}: as cards {asCards.ToJsonString()}, whole {asWhole.ToJsonString()}");
                Assert.True(cardSql.Length < wholeSql.Length, $"{list.Name}: the cards read no fewer columns");
                // The same columns through edges (its window may differ: a count was asked for).
                Assert.Equal(Columns(cardSql), Columns(edgesSql));
                lists++;
            }
        }

        Assert.True(lists > 0, "No list of a card type.");
    }

    private async Task<(JsonNode? List, string Sql)> ListAsync(GraphQLTestClient client, string selection)
    {
        factory.SqlCommands.Reset();
        var result = (await client.QueryAsync($"{{ {selection} }}")).EnsureNoErrors();
        // The list's page is its first command (no count unless asked, then the count comes first).
        var commands = factory.SqlCommands.Recent;
        return (result.Data!.AsObject().First().Value!.DeepClone(), commands.First(c => c.Contains("LIMIT")));
    }

    /// <summary>Every card field of the type (composite ones by their id), and a leaf field outside the card.</summary>
    private static (string Card, string Whole) Selections(ISchema schema, string typeName, IReadOnlySet<string> fields)
    {
        var type = (IObjectGraphType)schema.AllTypes[typeName]!;
        var card = string.Join(
            ' ', fields.Where(f => type.GetField(f) is not null).Select(f => Select(type.GetField(f)!)));
        var whole = type.Fields
            .First(f => !fields.Contains(f.Name) && IsLeaf(f) && f.Arguments is not { Count: > 0 })
            .Name;
        return (card, whole);
    }

    private static string Columns(string sql) => sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];

    /// <summary>A root field listing records of the type (a connection of it) with no required argument.</summary>
    private static bool ListsOf(FieldType field, string typeName) =>
        field.ResolvedType!.GetNamedType() is IObjectGraphType connection
        && connection.GetField("nodes")?.ResolvedType!.GetNamedType().Name == typeName
        && field.Arguments?.All(a => a.ResolvedType is not NonNullGraphType) != false;

    private async Task<(JsonNode? Node, string Sql)> RunAsync(
        GraphQLTestClient client, string selection, string id, string fragments = "")
    {
        factory.SqlCommands.Reset();
        var document = $"query($id: ID!) {{ node(id: $id) {{ {selection} }} }} {fragments}";
        var result = (await client.QueryAsync(document, new { id })).EnsureNoErrors();
        // The node's own read comes first; the card's nested fields (a parent, units) read after it.
        return (result.At("node")?.DeepClone(), factory.SqlCommands.Recent[0]);
    }

    private static string Select(FieldType field)
    {
        var named = field.ResolvedType!.GetNamedType();
        return named is IComplexGraphType complex
            ? $"{field.Name} {{ __typename {(complex.GetField("id") is not null ? "id" : "")} }}"
            : field.Name;
    }

    private static bool IsLeaf(FieldType field) =>
        field.ResolvedType!.GetNamedType() is ScalarGraphType or EnumerationGraphType;

    /// <summary>Each node source with a card: its type, its card's fields and every id of its records.</summary>
    private IEnumerable<(string TypeName, IReadOnlySet<string> Fields, Task<List<Guid>> Ids)> Cards()
    {
        foreach (var source in factory.Services.GetServices<INodeSource>())
        {
            var type = source.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EntityNodeSource<,>)
                && type.GetProperty("Card")!.GetValue(source) is { } card)
            {
                var fields = (IReadOnlySet<string>)card.GetType().GetProperty("Fields")!.GetValue(card)!;
                var ids = (Task<List<Guid>>)typeof(NodeCardTests)
                    .GetMethod(nameof(AllIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type.GetGenericArguments())
                    .Invoke(null, [factory.Services])!;
                yield return (source.TypeName, fields, ids);
            }
        }
    }

    private static async Task<List<Guid>> AllIdsAsync<TContext, T>(IServiceProvider services)
        where TContext : DbContext
        where T : class, InterAssociatif.Kernel.IHasId
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync();
        return await db.Set<T>().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }
}
