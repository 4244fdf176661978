using GraphQL;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.Relay;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>A value that may be absent from an input (omitted means "leave unchanged"; null means "clear").</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;

    public T Or(T current) => IsSet ? Value : current;
}

/// <summary>
/// Reads a mutation's <c>input</c> object as GraphQL.NET coerced it, telling omitted fields from
/// explicit nulls, and reports bad ids as typed errors naming the field (<c>input.organizationId</c>).
/// </summary>
public sealed class InputReader
{
    private readonly IDictionary<string, object?> _values;
    private readonly string _path;

    public InputReader(IDictionary<string, object?> values, string path = "input")
    {
        _values = values;
        _path = path;
    }

    public static InputReader From(IResolveFieldContext context) =>
        new(context.GetArgument<Dictionary<string, object?>>("input") ?? []);

    public string Path(string name) => $"{_path}.{name}";

    public bool Has(string name) => _values.ContainsKey(name);

    public T? Get<T>(string name) => _values.TryGetValue(name, out var value) && value is not null ? (T)value : default;

    public Optional<T?> Optional<T>(string name) =>
        _values.TryGetValue(name, out var value) ? new Optional<T?>(true, value is null ? default : (T)value) : default;

    public IReadOnlyList<T> List<T>(string name) =>
        _values.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? items.OfType<T>().ToList() : [];

    /// <summary>Decodes a global id that must designate a <paramref name="typeName"/>; reports NOT_FOUND otherwise.</summary>
    public Guid? Id(string name, string typeName, ErrorList errors)
    {
        var raw = Get<object>(name)?.ToString();
        return raw is null ? null : DecodeId(raw, Path(name), typeName, errors);
    }

    /// <summary>Decodes a list of global ids; each bad one is reported with its index.</summary>
    public IReadOnlyList<Guid> Ids(string name, string typeName, ErrorList errors)
    {
        var ids = new List<Guid>();
        var index = 0;
        foreach (var raw in List<object>(name))
        {
            // Positions are kept so later checks name the right item: an undecodable id (already
            // reported) stands as Guid.Empty.
            ids.Add(DecodeId(raw.ToString(), $"{Path(name)}[{index}]", typeName, errors) ?? Guid.Empty);

            index++;
        }

        return ids;
    }

    public static Guid? DecodeId(string? raw, string field, string typeName, ErrorList errors)
    {
        if (GlobalId.TryDecode(raw, typeName, out var id))
        {
            return id;
        }

        errors.Add(InputReferences.MalformedId(field, typeName, raw));
        return null;
    }
}

/// <summary>The common start of a mutation on an existing record: decode its id, or report it and stop.</summary>
public static class RecordMutation
{
    public static async Task<MutationResult<T>> RunAsync<T>(
        IResolveFieldContext context,
        string idField,
        string typeName,
        Func<Guid, InputReader, ErrorList, Task<MutationResult<T>>> change)
        where T : class
    {
        var input = InputReader.From(context);
        var errors = new ErrorList();
        var id = input.Id(idField, typeName, errors);
        return id is null ? MutationResult<T>.Fail(errors.Items) : await change(id.Value, input, errors).ConfigureAwait(false);
    }
}
