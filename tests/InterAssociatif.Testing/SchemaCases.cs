using System.Reflection;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.GraphQL;

namespace InterAssociatif.Testing;

/// <summary>
/// Test cases read from the live schema rather than picked by hand: every mutation, every id field
/// of its input (nested and list ones included), and a minimal valid-shaped input to carry a value.
/// A new mutation or input field adds its cases without any test changing.
/// </summary>
public static class SchemaCases
{
    /// <summary>An id-typed input field: its path under <c>input</c> and the node type it declares.</summary>
    public sealed record IdField(string Mutation, IReadOnlyList<string> Path, string? References, bool IsList)
    {
        /// <summary>
        /// The path a payload error names, e.g. <c>input.themeIds[0]</c> or <c>input.followUps[0].ownerPersonId</c>.
        /// </summary>
        public string ErrorPath => "input." + string.Join('.', Path) + (IsList ? "[0]" : "");

        public override string ToString() => $"{Mutation}: {ErrorPath}";
    }

    private static readonly Lazy<InterAssociatifFactory> EnumerationHost = new(() =>
    {
        var host = new InterAssociatifFactory().With("Database:SeedDemoData", "false");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Dispose(); // static: no fixture disposes it
        return host;
    });

    /// <summary>
    /// The live schema for <c>MemberData</c> (static, before any fixture exists): one host per test run, without demo
    /// data.
    /// </summary>
    public static InterAssociatifSchema ForTheoryData => Schema(EnumerationHost.Value.Services);

    public static InterAssociatifSchema Schema(IServiceProvider services)
    {
        var schema = services.GetRequiredService<InterAssociatifSchema>();
        schema.Initialize();
        return schema;
    }

    public static IEnumerable<FieldType> Mutations(ISchema schema) =>
        schema.Mutation!.Fields.OrderBy(f => f.Name, StringComparer.Ordinal);

    public static IInputObjectGraphType InputOf(FieldType mutation) =>
        (IInputObjectGraphType)mutation.Arguments!.Find("input")!.ResolvedType!.GetNamedType();

    /// <summary>Every id field of every mutation's input.</summary>
    public static IEnumerable<IdField> IdFields(ISchema schema) =>
        Mutations(schema).SelectMany(m => Leaves(m.Name, InputOf(m), [], named => named is IdGraphType))
            .Select(leaf => new IdField(leaf.Mutation, leaf.Path, leaf.Field.ReferencedType(), leaf.IsList));

    /// <summary>A text or number input field: its path under <c>input</c>, and its description in the schema.</summary>
    public sealed record ValueField(
        string Mutation, IReadOnlyList<string> Path, bool IsList, string? Description = null)
    {
        /// <summary>The path a payload error names, e.g. <c>input.title</c> or <c>input.answers[0].text</c>.</summary>
        public string ErrorPath => "input." + string.Join('.', Path) + (IsList ? "[0]" : "");

        public override string ToString() => $"{Mutation}: {ErrorPath}";
    }

    /// <summary>Every <c>String</c> field of every mutation's input, nested and list ones included.</summary>
    public static IEnumerable<ValueField> TextFields(ISchema schema) =>
        ValueFields(schema, named => named is StringGraphType);

    /// <summary>Every <c>Int</c> field of every mutation's input, nested and list ones included.</summary>
    public static IEnumerable<ValueField> NumberFields(ISchema schema) =>
        ValueFields(schema, named => named is IntGraphType);

    private static IEnumerable<ValueField> ValueFields(ISchema schema, Func<IGraphType, bool> wanted) =>
        Mutations(schema).SelectMany(m => Leaves(m.Name, InputOf(m), [], wanted))
            .Select(leaf => new ValueField(leaf.Mutation, leaf.Path, leaf.IsList, leaf.Field.Description));

    private static IEnumerable<(string Mutation, IReadOnlyList<string> Path, FieldType Field, bool IsList)> Leaves(
        string mutation, IInputObjectGraphType type, IReadOnlyList<string> prefix, Func<IGraphType, bool> wanted)
    {
        foreach (var field in type.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var named = field.ResolvedType!.GetNamedType();
            var isList = Unwrap(field.ResolvedType!) is ListGraphType;
            if (wanted(named))
            {
                yield return (mutation, [.. prefix, field.Name], field, isList);
            }
            else if (named is IInputObjectGraphType nested)
            {
                var segment = isList ? field.Name + "[0]" : field.Name;
                foreach (var inner in Leaves(mutation, nested, [.. prefix, segment], wanted))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// An input with every required field set to a value of its type (ids: well-formed but naming no
    /// record), and <paramref name="path"/> (if any) set to <paramref name="value"/>.
    /// </summary>
    /// <summary>
    /// A minimal input of <paramref name="type"/>: its required fields with sample values, and <paramref name="value"/>
    /// at <paramref name="path"/>. Ids are unknown ones of the declared type, or the existing record of that type in
    /// <paramref name="existing"/> (global ids by type name, from <see cref="ExistingIdsAsync"/>).
    /// </summary>
    public static JsonObject Input(
        IInputObjectGraphType type,
        IReadOnlyList<string>? path = null,
        JsonNode? value = null,
        IReadOnlyDictionary<string, string>? existing = null)
    {
        var input = new JsonObject();
        foreach (var field in type.Fields)
        {
            var onPath = path is { Count: > 0 } && Name(path[0]) == field.Name;
            if (field.ResolvedType is NonNullGraphType || onPath)
            {
                var rest = onPath ? path!.Skip(1).ToList() : null;
                input[field.Name] = Value(field, rest, onPath ? value : null, existing);
            }
        }

        return input;
    }

    /// <summary>
    /// The global id of one record of each node type that has any in the host's database (the first by id), read
    /// through the node sources the modules register.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ExistingIdsAsync(IServiceProvider services)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in services.GetServices<INodeSource>())
        {
            var type = source.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EntityNodeSource<,>))
            {
                var first = typeof(SchemaCases)
                    .GetMethod(nameof(FirstIdAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type.GetGenericArguments());
                if (await (Task<Guid?>)first.Invoke(null, [services])! is { } id)
                {
                    ids[source.TypeName] = GlobalId.Encode(source.TypeName, id);
                }
            }
        }

        return ids;
    }

    private static async Task<Guid?> FirstIdAsync<TContext, T>(IServiceProvider services)
        where TContext : DbContext
        where T : class, IHasId
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync();
        return await db.Set<T>().OrderBy(e => e.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync();
    }

    private static JsonNode? Value(
        FieldType field, IReadOnlyList<string>? rest, JsonNode? value, IReadOnlyDictionary<string, string>? existing)
    {
        var type = field.ResolvedType!;
        var isList = Unwrap(type) is ListGraphType;
        JsonNode? one;
        if (rest is { Count: 0 })
        {
            one = value?.DeepClone();
        }
        else
        {
            one = type.GetNamedType() switch
            {
                IInputObjectGraphType nested => Input(nested, rest, value, existing),
                IdGraphType when existing?.GetValueOrDefault(field.ReferencedType() ?? "") is { } id => id,
                IdGraphType => GlobalId.Encode(field.ReferencedType() ?? "Unknown", Guid.NewGuid()),
                StringGraphType => "Valeur d'essai",
                IntGraphType => 1,
                BooleanGraphType => false,
                DateOnlyGraphType => "2017-09-18",
                DateTimeOffsetGraphType or DateTimeGraphType => "2017-09-18T16:00:00+02:00",
                EnumerationGraphType e => e.Values.First().Name,
                var other => throw new InvalidOperationException($"No sample value for {other.Name} ({field.Name})."),
            };
        }

        return isList ? new JsonArray(one) : one;
    }

    private static IGraphType Unwrap(IGraphType type) =>
        type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;

    private static string Name(string segment) => segment.Split('[')[0];

    /// <summary>A caller of this role, as the authorization rule sees it.</summary>
    public static ClaimsPrincipal Caller(string role) =>
        new(
            new ClaimsIdentity(
                [new Claim(InterAssociatifClaims.Role, role)], "test", ClaimTypes.Name, InterAssociatifClaims.Role));

    /// <summary>The roles the schema lets run this field.</summary>
    public static IReadOnlyList<string> AllowedRoles(FieldType field) =>
        Roles.All.Where(role => AuthorizationValidationRule.IsAllowed(field, Caller(role))).ToList();

    /// <summary>The document of a mutation that reads back its payload's errors.</summary>
    public static string Document(FieldType mutation) =>
        $"mutation($input: {mutation.Arguments!.Find("input")!.ResolvedType!.GetNamedType().Name}!) {{ "
        + $"{mutation.Name}(input: $input) {{ errors {{ __typename code field message }} }} }}";
}
