namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// Every module's <see cref="INodeSource"/>, by GraphQL type name. It serves <c>node(id:)</c>, and it
/// is how a module resolves a field returning another module's type (<c>Meeting.organizer:
/// Organization</c>) from an id alone: the owning module loads its own record, batched.
/// </summary>
public sealed class NodeRegistry(IEnumerable<INodeSource> sources)
{
    private readonly Dictionary<string, INodeSource> _sources = sources.ToDictionary(
        s => s.TypeName, StringComparer.Ordinal);

    public bool Knows(string typeName) => _sources.ContainsKey(typeName);

    /// <summary>
    /// Loads the record of <paramref name="typeName"/> with this id (null when absent, or when the owning module is
    /// disabled).
    /// </summary>
    public IDataLoaderResult<object?> Load(IResolveFieldContext context, string typeName, Guid id) =>
        _sources.TryGetValue(typeName, out var source)
            ? source.Load(context, id)
            : DataLoaderResolveExtensions.FromValue<object?>(null);

    public IDataLoaderResult<object?> Load(IResolveFieldContext context, string typeName, Guid? id) =>
        id is { } value ? Load(context, typeName, value) : DataLoaderResolveExtensions.FromValue<object?>(null);

    /// <summary>
    /// A field's reference to another record (often another module's): the record, or null with a
    /// <c>DANGLING_REFERENCE</c> error on this field's path only when the id names no record
    /// (see docs/adr/0010-references-and-disclosure.md). No id: null, no error.
    /// </summary>
    public IDataLoaderResult<object?> LoadReference(IResolveFieldContext context, string typeName, Guid? id) =>
        id is { } value
            ? Load(context, typeName, value).Then(record => record ?? Dangling(context, typeName, 1))
            : DataLoaderResolveExtensions.FromValue<object?>(null);

    /// <summary>
    /// A list of references, in order and batched with every other load at this depth; ids naming
    /// no record are left out, with one <c>DANGLING_REFERENCE</c> error on this field's path.
    /// </summary>
    public IDataLoaderResult<IReadOnlyList<object>> LoadReferences(
        IResolveFieldContext context, string typeName, IEnumerable<Guid> ids) =>
        DataLoaderResolveExtensions.WhenAll(ids.Select(id => Load(context, typeName, id)).ToList()).Then(records =>
        {
            var found = records.Where(r => r is not null).Select(r => r!).ToList();
            if (found.Count < records.Count)
            {
                Dangling(context, typeName, records.Count - found.Count);
            }

            return (IReadOnlyList<object>)found;
        });

    private static object? Dangling(IResolveFieldContext context, string typeName, int count)
    {
        var error = new ExecutionError(
            $"{count} {typeName} reference(s) of this field name no record; they are left out.")
        {
            Code = "DANGLING_REFERENCE",
            Path = context.Path,
        };
        lock (context.Errors)
        {
            context.Errors.Add(error);
        }

        return null;
    }
}
