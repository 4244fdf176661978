using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Kernel.DataLoading;

/// <summary>
/// Batched loads from a module's DbContext: one SQL command per loader and depth of the query,
/// whatever the number of parents. Each batch opens its own short-lived DbContext, so parallel
/// resolvers never share one.
/// </summary>
public static class EntityLoaders
{
    /// <summary>Loads one record by id (null when none).</summary>
    public static IDataLoaderResult<T?> LoadById<TContext, T>(this IResolveFieldContext context, Func<TContext, IQueryable<T>> set, Guid id)
        where TContext : DbContext
        where T : class, IHasId =>
        context.LoadBatched<Guid, T?>(
            $"byId:{typeof(T).FullName}",
            id,
            async (services, ids, ct) =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync(ct);
                var rows = await set(db).Where(e => ids.Contains(e.Id)).ToListAsync(ct);
                return rows.ToDictionary(e => e.Id, e => (T?)e);
            },
            missing: null);

    /// <summary>Loads the children of one parent; the query filters by the batch's keys and orders the children.</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadChildren<TContext, T>(
        this IResolveFieldContext context,
        string name,
        Guid parentId,
        Func<TContext, IReadOnlyList<Guid>, IQueryable<T>> query,
        Func<T, Guid> parentOf)
        where TContext : DbContext =>
        context.LoadBatched<Guid, IReadOnlyList<T>>(
            name,
            parentId,
            async (services, keys, ct) =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync(ct);
                var rows = await query(db, keys).ToListAsync(ct);
                return rows.GroupBy(parentOf).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
            },
            missing: []);
}
