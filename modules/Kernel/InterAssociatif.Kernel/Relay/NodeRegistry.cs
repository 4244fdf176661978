using GraphQL;
using GraphQL.DataLoader;
using InterAssociatif.Kernel.DataLoading;

namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// Every module's <see cref="INodeSource"/>, by GraphQL type name. It serves <c>node(id:)</c>, and it
/// is how a module resolves a field returning another module's type (<c>Meeting.organizer:
/// Organization</c>) from an id alone: the owning module loads its own record, batched.
/// </summary>
public sealed class NodeRegistry(IEnumerable<INodeSource> sources)
{
    private readonly Dictionary<string, INodeSource> _sources = sources.ToDictionary(s => s.TypeName, StringComparer.Ordinal);

    public bool Knows(string typeName) => _sources.ContainsKey(typeName);

    /// <summary>Loads the record of <paramref name="typeName"/> with this id (null when absent, or when the owning module is disabled).</summary>
    public IDataLoaderResult<object?> Load(IResolveFieldContext context, string typeName, Guid id) =>
        _sources.TryGetValue(typeName, out var source) ? source.Load(context, id) : DataLoaderResolveExtensions.FromValue<object?>(null);

    public IDataLoaderResult<object?> Load(IResolveFieldContext context, string typeName, Guid? id) =>
        id is { } value ? Load(context, typeName, value) : DataLoaderResolveExtensions.FromValue<object?>(null);
}
