namespace InterAssociatif.Kernel.DataLoading;

/// <summary>
/// The one query of a loader that several call sites share by name (the loads by id of a record type, its cards):
/// the first call's query serves the request's whole batch and becomes the process's compiled query, so every call
/// site must pass the same one. Each call site (its query's delegate, and the card's projection) is checked once,
/// at its first call: one with another query fails there, naming both, instead of being served the other's rows.
/// </summary>
internal sealed class SharedLoaderQuery<TContext, T>(string loader)
    where TContext : DbContext
{
    /// <summary>More distinct call sites than this means a query made anew at each call (a capturing lambda).</summary>
    internal const int CallSites = 32;

    private readonly Lock _gate = new();
    private (Func<TContext, IQueryable<T>> Set, Expression<Func<T, T>>? Projection)[] _checked = [];
    private Expression? _query;

    /// <param name="set">The call site's set, as given (its delegate identifies the call site).</param>
    /// <param name="projection">The card's projection the call site applies to it, or null.</param>
    public void Check(
        Func<TContext, IQueryable<T>> set, Expression<Func<T, T>>? projection, IServiceProvider services)
    {
        foreach (var known in Volatile.Read(ref _checked))
        {
            if (ReferenceEquals(known.Set, set) && ReferenceEquals(known.Projection, projection))
            {
                return;
            }
        }

        CheckNew(set, projection, services);
    }

    private void CheckNew(
        Func<TContext, IQueryable<T>> set, Expression<Func<T, T>>? projection, IServiceProvider services)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<TContext>>();
        // Only the query's expression is built: no connection is opened.
        using var db = contexts is IModuleDbContextFactory<TContext> module
            ? module.CreateWithOwnConnection()
            : contexts.CreateDbContext();
        var expression = (projection is null ? set(db) : set(db).Select(projection)).Expression;
        lock (_gate)
        {
            _query ??= expression;
            if (!ExpressionEqualityComparer.Instance.Equals(_query, expression))
            {
                throw new InvalidOperationException(
                    $"The loader '{loader}' is called with two different queries, {_query} and {expression}: the "
                        + "first one would serve both. Pass the same query at every call site.");
            }

            if (_checked.Length >= CallSites)
            {
                throw new InvalidOperationException(
                    $"The loader '{loader}' was called from more than {CallSites} call sites: its query is made anew "
                        + "at each call (a lambda capturing a value?). Declare it once.");
            }

            Volatile.Write(ref _checked, [.. _checked, (set, projection)]);
        }
    }
}
