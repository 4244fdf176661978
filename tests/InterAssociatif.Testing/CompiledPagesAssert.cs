namespace InterAssociatif.Testing;

/// <summary>
/// Compares a list compiled per shape (<see cref="PagedQuery{TContext, TArgs, T}"/>) with its query translated afresh.
/// </summary>
public static class CompiledPagesAssert
{
    /// <summary>
    /// The compiled count and window equal the fresh query's; returns the count (to tell empty lists apart).
    /// </summary>
    public static async Task<int> ReadsAsTranslatedAsync<T>(
        IQueryable<T> fresh, IPageSource<T> compiled, int skip, int take)
        where T : IHasId
    {
        var count = await fresh.CountAsync();
        Assert.Equal(count, await compiled.CountAsync(default));
        Assert.Equal(
            await fresh.Skip(skip).Take(take).Select(row => row.Id).ToListAsync(),
            (await compiled.ReadAsync(skip, take, default)).Select(row => row.Id));
        return count;
    }

    /// <summary>
    /// The same on a context of its own for <paramref name="args"/>, the list read through
    /// <paramref name="query"/> and afresh through <paramref name="apply"/>; and the shape is compiled
    /// (<paramref name="compiled"/>) or translated at each read, as expected. Returns the count.
    /// </summary>
    public static async Task<int> ReadsAsTranslatedAsync<TContext, TArgs, T>(
        IDbContextFactory<TContext> contexts,
        PagedQuery<TContext, TArgs, T> query,
        Func<TContext, TArgs, IQueryable<T>> apply,
        TArgs args,
        int skip,
        int take,
        bool compiled = true)
        where TContext : DbContext
        where TArgs : class
        where T : IHasId
    {
        await using var db = await contexts.CreateDbContextAsync();
        var count = await ReadsAsTranslatedAsync(apply(db, args), query.For(db, args), skip, take);
        Assert.True(compiled == query.IsCompiled(args), $"{args}: compiled {!compiled}, expected {compiled}");
        return count;
    }
}
