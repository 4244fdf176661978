namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// How a module fetches its nodes of one type by id for <c>node(id:)</c> and <c>nodes(ids:)</c>.
/// Implementations load through the request's batching loader, so <c>nodes</c> costs one SQL
/// command per type whatever the number of ids.
/// </summary>
public interface INodeSource
{
    /// <summary>The GraphQL type name encoded in the global ids, e.g. <c>Organization</c>.</summary>
    string TypeName { get; }

    IDataLoaderResult<object?> Load(IResolveFieldContext context, Guid id);
}
