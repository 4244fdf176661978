using GraphQL.DataLoader;

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
            return Task.FromResult<IReadOnlyDictionary<int, string>>(
                keys.Where(k => k != 3).ToDictionary(k => k, k => $"v{k}"));
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
        var loader = new BatchLoader<int, int>(
            (keys, _) => Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10)), 0);
        var all = DataLoaderResolveExtensions.WhenAll([loader.Load(3), loader.Load(1), loader.Load(2)]);
        Assert.Equal([30, 10, 20], await all.GetResultAsync());
        Assert.Equal(
            "20",
            await loader.Load(2)
                .Then(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .GetResultAsync());
    }

    [Fact]
    public async Task Maps_of_a_loaded_value_compose_on_one_pending_result_that_still_waits_for_its_batch()
    {
        var fetched = new TaskCompletionSource<IReadOnlyDictionary<int, int>>();
        var loader = new BatchLoader<int, int>((_, _) => fetched.Task, missing: -1, waits: true);
        var mapped = loader.Load(2).Then(v => v * 10).Then(v => $"#{v}");
        var unknown = loader.Load(5).Then(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Still a load by id whose batch is not sent: the execution strategy lets other loaders go first.
        Assert.True(mapped is IWaitingLoad { Waits: true });

        // Read as GraphQL.NET reads it (untyped), before the batch is fetched, then after.
        var pending = ((IDataLoaderResult)mapped).GetResultAsync();
        Assert.False(mapped is IWaitingLoad { Waits: true });
        fetched.SetResult(new Dictionary<int, int> { [2] = 4 });
        Assert.Equal("#40", await pending);
        Assert.Equal("#40", await mapped.GetResultAsync());
        Assert.Equal("-1", await ((IDataLoaderResult)unknown).GetResultAsync());

        // A map that throws fails the read, not the load.
        var failing = loader.Load(2).Then<int, int>(_ => throw new InvalidOperationException("map"));
        await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await ((IDataLoaderResult)failing).GetResultAsync());
    }
}
