namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// A node source over a module's DbContext: loads records of one GraphQL type by id through the
/// request's batching loader. <paramref name="visible"/> hides records the caller may not see (the
/// node then resolves to null, as for an unknown id). With a <paramref name="card"/>, a field that
/// selects only the card's fields reads only its columns (the card's projection must then hold what
/// <paramref name="visible"/> reads).
/// </summary>
public sealed class EntityNodeSource<TContext, T>(
    string typeName,
    Func<TContext, IQueryable<T>> set,
    Func<T, ClaimsPrincipal?, bool>? visible = null,
    NodeCard<T>? card = null) : INodeSource
    where TContext : DbContext
    where T : class, IHasId
{
    public string TypeName => typeName;

    public NodeCard<T>? Card => card;

    public IDataLoaderResult<object?> Load(IResolveFieldContext context, Guid id) =>
        (card is null ? context.LoadById(set, id) : context.LoadById(set, card, id))
        .Then(record =>
            record is not null && (visible is null || visible(record, context.User)) ? (object?)record : null);
}
