using InterAssociatif.Kernel.DataLoading;

namespace InterAssociatif.Host.Tests.Kernel;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_queued_before_the_first_await_are_fetched_in_one_batch_and_cached()
    {
        var batches = new List<IReadOnlyList<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            batches.Add(keys.ToList());
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 3).ToDictionary(k => k, k => $"v{k}"));
        }, missing: "none");

        var pending = new[] { 1, 2, 3, 2 }.Select(loader.Load).ToList();
        var values = new List<string>();
        foreach (var result in pending)
        {
            values.Add(await result.GetResultAsync());
        }

        Assert.Equal(["v1", "v2", "none", "v2"], values);
        Assert.Equal([[1, 2, 3]], batches);

        // Cached for the request: a later load of a known key sends nothing; a new key starts a new batch.
        Assert.Equal("v1", await loader.Load(1).GetResultAsync());
        Assert.Equal("v4", await loader.Load(4).GetResultAsync());
        Assert.Equal(2, batches.Count);
        Assert.Equal([4], batches[1]);
    }

    [Fact]
    public async Task Combined_results_keep_their_order()
    {
        var loader = new BatchLoader<int, int>((keys, _) => Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10)), 0);
        var all = DataLoaderResolveExtensions.WhenAll([loader.Load(3), loader.Load(1), loader.Load(2)]);
        Assert.Equal([30, 10, 20], await all.GetResultAsync());
        Assert.Equal("20", await loader.Load(2).Then(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetResultAsync());
    }
}
