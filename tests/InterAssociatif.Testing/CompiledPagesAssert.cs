using InterAssociatif.Kernel;
using InterAssociatif.Kernel.Relay;
using Microsoft.EntityFrameworkCore;
using Xunit;

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
}
