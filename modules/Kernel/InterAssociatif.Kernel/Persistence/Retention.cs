namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// A log kept for a while only (the audit trail, webhook delivery attempts): its records are deleted once older than
/// a window the operator sets as <c>Retention:{Name}Days</c> (0 keeps them). The host prunes every registered log
/// (<see cref="RetentionRegistration.AddRetainedLog"/>).
/// </summary>
public interface IRetainedLog
{
    /// <summary>The name of its setting, <c>Retention:{Name}Days</c>.</summary>
    string Name { get; }

    /// <summary>How long its records are kept when the setting is absent.</summary>
    TimeSpan DefaultWindow { get; }

    /// <summary>
    /// Deletes up to <paramref name="batch"/> of the oldest records written before <paramref name="before"/>.
    /// </summary>
    /// <returns>How many it deleted: fewer than <paramref name="batch"/> when none older is left.</returns>
    Task<int> PruneAsync(DateTimeOffset before, int batch, CancellationToken cancellationToken);
}

public static class RetentionRegistration
{
    /// <summary>
    /// Registers the records of <paramref name="set"/>, written at <paramref name="at"/> (an indexed column), as a log
    /// kept <paramref name="defaultDays"/> days unless the operator says otherwise.
    /// </summary>
    public static IServiceCollection AddRetainedLog<TContext, T>(
        this IServiceCollection services,
        string name,
        int defaultDays,
        Func<TContext, IQueryable<T>> set,
        Expression<Func<T, DateTimeOffset>> at)
        where TContext : DbContext
        where T : class, IHasId =>
        services.AddSingleton<IRetainedLog>(sp => new RetainedLog<TContext, T>(
            sp.GetRequiredService<IDbContextFactory<TContext>>(), name, TimeSpan.FromDays(defaultDays), set, at));

    private sealed class RetainedLog<TContext, T>(
        IDbContextFactory<TContext> factory,
        string name,
        TimeSpan window,
        Func<TContext, IQueryable<T>> set,
        Expression<Func<T, DateTimeOffset>> at) : IRetainedLog
        where TContext : DbContext
        where T : class, IHasId
    {
        public string Name => name;

        public TimeSpan DefaultWindow => window;

        public async Task<int> PruneAsync(DateTimeOffset before, int batch, CancellationToken cancellationToken)
        {
            // The ids first, then the rows by id: a bounded delete in both providers (each batch is a short write,
            // so writers waiting beside it on SQLite wait little), dependents going with them by their cascade.
            Expression<Func<DateTimeOffset>> cutoff = () => before;
            var older = Expression.Lambda<Func<T, bool>>(Expression.LessThan(at.Body, cutoff.Body), at.Parameters);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var ids = await set(db)
                .Where(older)
                .OrderBy(at)
                .Select(e => e.Id)
                .Take(batch)
                .ToListAsync(cancellationToken);
            return ids.Count == 0
                ? 0
                : await set(db).Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
