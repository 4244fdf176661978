namespace InterAssociatif.Host.Tests.Generated;

/// <summary>
/// Generated from the live schema: every field of <c>Query</c> × every date, instant, whole number or text it takes
/// (as an argument, or as a field of an input argument such as a filter) × the extremes a careless or hostile client
/// sends (the first and the last day of the calendar, negative, zero and the largest numbers, an empty text, a long
/// one, a cursor that is none), as every role. Each is answered, or refused with a typed error; never a server
/// fault. Adding a query field or a filter condition adds its cases here without an edit.
/// </summary>
public sealed class QueryArgumentFuzzTests(MutationFuzzTests.FuzzedHost factory)
    : IClassFixture<MutationFuzzTests.FuzzedHost>
{
    public static TheoryData<string> QueryFields() =>
        new(SchemaCases.ForTheoryData.Query.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(QueryFields))]
    public async Task Extreme_dates_and_texts_in_any_query_argument_are_answered_or_refused_never_a_fault(string name)
    {
        var field = SchemaCases.Schema(factory.Services).Query.Fields.Find(name)!;
        if (field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) == true)
        {
            return; // a read by id or ids: its ids are fuzzed by the node tests
        }

        foreach (var (path, named) in Arguments(field))
        {
            foreach (var value in Extremes(named))
            {
                var document = $"query($value: {named.Name}) {{ {name}({Bind(path)}) {Selection(field)} }}";
                await AnsweredOrRefusedAsync(
                    document, new { value }, $"{name}({string.Join('.', path)}: {Show(value)})");
            }
        }
    }

    public static TheoryData<string> QueryFieldsWithIds() => new(SchemaCases.ForTheoryData.Query.Fields
        .Where(f => (f.Arguments ?? []).Any(a => a.ResolvedType!.GetNamedType() is IdGraphType))
        .Select(f => f.Name)
        .Order(StringComparer.Ordinal));

    /// <summary>
    /// Every id argument of every query field (a read by id or ids, one endpoint's delivery log…) × an empty, a
    /// malformed and a 20,000-character id, the id of a record of every type, and a well-formed id of every type that
    /// names no record, as every role: answered (nothing found) or refused with a typed error, never a fault. The
    /// field's other arguments (a page's size and cursor) are then fuzzed as above, with the first of those ids the
    /// field answers without an error for. Adding a read by id adds its cases here.
    /// </summary>
    [Theory]
    [MemberData(nameof(QueryFieldsWithIds))]
    public async Task Any_id_in_a_query_argument_is_answered_or_refused_never_a_fault(string name)
    {
        var field = SchemaCases.Schema(factory.Services).Query.Fields.Find(name)!;
        var existing = await factory.ExistingIds();
        List<string> ids = ["", "not-an-id", new string('A', 20_000), .. existing.Values];
        ids.AddRange(existing.Keys.Select(t => InterAssociatif.Kernel.Relay.GlobalId.Encode(t, Guid.CreateVersion7())));
        var idArguments = field.Arguments!.Where(a => a.ResolvedType!.GetNamedType() is IdGraphType).ToList();
        string? answering = null;
        foreach (var argument in idArguments)
        {
            var type = argument.ResolvedType!;
            var list = (type is NonNullGraphType required ? required.ResolvedType : type) is ListGraphType;
            var declared = argument.ResolvedType!.ToString();
            foreach (var id in ids)
            {
                var document = $"query($value: {declared}) {{ {name}({argument.Name}: $value) {Selection(field)} }}";
                JsonNode value = list ? new JsonArray(id) : id;
                await AnsweredOrRefusedAsync(document, new { value }, $"{name}({argument.Name}: {Show(id)})");
                if (answering is null && idArguments.Count == 1
                    && (await factory.GraphQL("coordinator").QueryAsync(document, new { value })).Errors.Count == 0)
                {
                    answering = id;
                }
            }
        }

        if (idArguments is not [var only] || Arguments(field).ToList() is not { Count: > 0 } others)
        {
            return;
        }

        Assert.True(answering is not null, $"{name}: no id it answers for, so its other arguments would not run");
        foreach (var (path, named) in others)
        {
            foreach (var value in Extremes(named))
            {
                var document = $"query($id: {only.ResolvedType}, $value: {named.Name}) "
                    + $"{{ {name}({only.Name}: $id, {Bind(path)}) {Selection(field)} }}";
                await AnsweredOrRefusedAsync(
                    document, new { id = answering, value }, $"{name}({string.Join('.', path)}: {Show(value)})");
            }
        }
    }

    public static TheoryData<string> NodeTypes() => new(
        SchemaCases.ForTheoryData.AllTypes.OfType<IObjectGraphType>()
            .Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node"))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal));

    /// <summary>
    /// The same for the fields of every node type (a survey's results as of an instant, an organisation's
    /// memberships as of a day…), read on one record of the type through <c>node(id:)</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(NodeTypes))]
    public async Task Extreme_dates_and_texts_in_any_argument_of_a_record_are_answered_or_refused_never_a_fault(
        string typeName)
    {
        var type = (IObjectGraphType)SchemaCases.Schema(factory.Services).AllTypes[typeName]!;
        var cases = type.Fields.Where(f => f.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) != true)
            .SelectMany(f => Arguments(f).Select(a => (Field: f, a.Path, a.Named)))
            .ToList();
        if (cases.Count == 0)
        {
            return;
        }

        var existing = await factory.ExistingIds();
        Assert.True(existing.TryGetValue(typeName, out var id), $"No {typeName} to read: its cases would not run");
        foreach (var (field, path, named) in cases)
        {
            foreach (var value in Extremes(named))
            {
                var document = $"query($id: ID!, $value: {named.Name}) {{ node(id: $id) {{ ... on {typeName} "
                    + $"{{ {field.Name}({Bind(path)}) {Selection(field)} }} }} }}";
                await AnsweredOrRefusedAsync(
                    document, new { id, value }, $"{typeName}.{field.Name}({string.Join('.', path)}: {Show(value)})");
            }
        }
    }

    /// <summary>
    /// As every role (what a role may read takes other paths: the surveys an anonymous reader lists, the decisions an
    /// API key's scope shows): answered, or refused with typed errors; never a server fault.
    /// </summary>
    private async Task AnsweredOrRefusedAsync(string document, object variables, string @case)
    {
        foreach (var role in AuthorizationMatrix.Everyone)
        {
            var client = role == AuthorizationMatrix.Anonymous ? factory.GraphQL() : factory.GraphQL(role);
            var result = await client.QueryAsync(document, variables);
            Assert.True(
                result.Errors.All(e => e!["extensions"]?["code"]?.GetValue<string>() != "INTERNAL_SERVER_ERROR"),
                $"{@case} as {role}: {result.Body.ToJsonString()}");
        }
    }

    /// <summary>The arguments, and fields of input arguments, that take a date, a number or a text.</summary>
    private static IEnumerable<(string[] Path, IGraphType Named)> Arguments(FieldType field)
    {
        foreach (var argument in field.Arguments ?? [])
        {
            var named = argument.ResolvedType!.GetNamedType();
            if (named is IInputObjectGraphType input)
            {
                foreach (var inner in input.Fields.Where(f => Fuzzed(f.ResolvedType!.GetNamedType())))
                {
                    yield return ([argument.Name, inner.Name], inner.ResolvedType!.GetNamedType());
                }
            }
            else if (Fuzzed(named))
            {
                yield return ([argument.Name], named);
            }
        }
    }

    private static bool Fuzzed(IGraphType named) =>
        named is DateOnlyGraphType or DateTimeOffsetGraphType or DateTimeGraphType or StringGraphType or IntGraphType;

    private static IEnumerable<JsonNode> Extremes(IGraphType named) => named switch
    {
        DateOnlyGraphType => ["0001-01-01", "0001-01-02", "9999-12-31"],
        DateTimeOffsetGraphType or DateTimeGraphType =>
            ["0001-01-01T00:00:00Z", "0001-01-02T00:00:00+14:00", "9999-12-31T23:59:59Z", "9999-12-31T00:00:00-12:00"],
        IntGraphType => [-1, 0, int.MaxValue, int.MinValue],
        _ => ["", "   ", "%_\\'\"", new string('é', 20_000)],
    };

    /// <summary><c>filter: { from: $value }</c> for a field of an input argument, else <c>from: $value</c>.</summary>
    private static string Bind(string[] path) =>
        path.Length == 1 ? $"{path[0]}: $value" : $"{path[0]}: {{ {path[1]}: $value }}";

    /// <summary>What makes the field run its read: the page's count and nodes, or each record's type name.</summary>
    private static string Selection(FieldType field) => field.ResolvedType!.GetNamedType() switch
    {
        IComplexGraphType page when page.GetField("nodes") is not null && page.GetField("totalCount") is not null =>
            "{ totalCount nodes { __typename } }",
        IComplexGraphType page when page.GetField("nodes") is not null => "{ nodes { __typename } }",
        IComplexGraphType => "{ __typename }",
        _ => "",
    };

    private static string Show(JsonNode value) =>
        value.ToJsonString() is { Length: > 40 } text ? text[..40] + "…" : value.ToJsonString();
}
