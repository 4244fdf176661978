using InterAssociatif.Kernel.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The host's one log reader hands each decision to every subscription; a subscription whose buffer
/// overflows (a slow subscriber) catches up from the log and still gets every decision exactly once,
/// in order, while a subscription that keeps up is not held back by it. Real decisions, recorded
/// through the API, on the host's database file.
/// </summary>
public sealed class FeedHubTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task A_commit_wakes_the_reader_once_the_writers_response_is_sent_not_before()
    {
        var services = factory.Services;
        var bus = new InMemoryEventBus();
        await using var hub = new GovernanceFeedHub(
            services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>(),
            bus,
            TimeProvider.System,
            NullLogger<GovernanceFeedHub>.Instance,
            capacity: 2);

        // No subscription yet, so no reader takes the wake-up: it stays countable.
        var response = AfterResponse.Begin();
        var committed = new GovernanceEventCommitted(
            1, GovernanceEvent.DecisionRecorded, Guid.NewGuid(), Guid.NewGuid());
        await bus.PublishAsync(committed);
        Assert.Equal(0, hub.PendingWakeUps);
        response.RunAll();
        Assert.Equal(1, hub.PendingWakeUps);
    }

    [Fact]
    public async Task While_the_bus_cannot_push_the_reader_reads_the_log_on_its_poll_interval_and_at_each_change()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var services = factory.Services;
        var databases = services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        // A bus of its own that never hears the host's commits: only polling or a change can bring them.
        var bus = new PollingBus { PollInterval = TimeSpan.FromSeconds(2) };
        await using var hub = new GovernanceFeedHub(
            databases, bus, clock, NullLogger<GovernanceFeedHub>.Instance, capacity: 16);
        using var subscription = await hub.SubscribeAsync(
            new FeedFilter(GovernanceEvent.DecisionRecorded, BodyId: null, ThemeId: null), timeout.Token);
        long start;
        await using (var db = await databases.CreateDbContextAsync(timeout.Token))
        {
            start = await db.Events.MaxAsync(e => (long?)e.Sequence, timeout.Token) ?? 0;
        }

        // The first comes from the subscription's own catch-up; after it, only the reader brings events.
        await using var items = subscription.ReadAsync(start, timeout.Token).GetAsyncEnumerator(timeout.Token);
        await RecordAsync("Lue au rattrapage");
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("Lue au rattrapage", Title(items.Current));
        var next = items.MoveNextAsync().AsTask();
        await RecordAsync("Lue au prochain relevé");
        Assert.False(next.IsCompleted);

        // Only the clock brings it: advance one poll interval at a time until it arrives (at most 50).
        for (var i = 0; i < 50 && !next.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await Task.WhenAny(next, Task.Delay(100, timeout.Token));
        }

        Assert.True(next.IsCompleted, "the reader did not read the log when its poll interval passed");
        Assert.True(await next);
        Assert.Equal("Lue au prochain relevé", Title(items.Current));

        // Push comes back: the change itself makes the reader read what was committed meanwhile.
        await RecordAsync("Lue au retour du push");
        next = items.MoveNextAsync().AsTask();
        bus.PollInterval = null;
        await bus.PublishAsync(new EventLogCheck(Pushed: true));
        Assert.True(await next);
        Assert.Equal("Lue au retour du push", Title(items.Current));
    }

    private sealed class PollingBus : IEventBus
    {
        private readonly InMemoryEventBus _inner = new();

        public TimeSpan? PollInterval { get; set; }

        public ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
            where TEvent : class => _inner.PublishAsync(@event, cancellationToken);

        public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
            where TEvent : class => _inner.Subscribe(handler);
    }

    [Fact]
    public async Task A_slow_subscription_overflows_catches_up_from_the_log_and_misses_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var services = factory.Services;
        var databases = services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        await using var hub = new GovernanceFeedHub(
            databases,
            services.GetRequiredService<IEventBus>(),
            TimeProvider.System,
            NullLogger<GovernanceFeedHub>.Instance,
            capacity: 2);
        var decisions = new FeedFilter(GovernanceEvent.DecisionRecorded, BodyId: null, ThemeId: null);
        using var slow = await hub.SubscribeAsync(decisions, timeout.Token);
        using var fast = await hub.SubscribeAsync(decisions, timeout.Token);
        long start;
        await using (var db = await databases.CreateDbContextAsync(timeout.Token))
        {
            start = await db.Events.MaxAsync(e => (long?)e.Sequence, timeout.Token) ?? 0;
        }

        var titles = Enumerable.Range(1, 20).Select(i => $"Décision lente {i}").ToList();
        var fastReading = TakeAsync(fast.ReadAsync(start, timeout.Token), titles.Count);
        foreach (var title in titles)
        {
            await RecordAsync(title);
        }

        // The fast one has everything before the slow one has read anything.
        var fastItems = await fastReading;
        Assert.Equal(titles, fastItems.Select(Title));
        Assert.True(slow.Overflowed, "the slow subscription never overflowed: its catch-up was not exercised");
        await using var slowItems = slow.ReadAsync(start, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var received = new List<GovernanceFeedItem>();
        while (received.Count < titles.Count && await slowItems.MoveNextAsync())
        {
            received.Add(slowItems.Current);
        }

        Assert.Equal(titles, received.Select(Title));
        Assert.Equal(fastItems.Select(i => i.Sequence), received.Select(i => i.Sequence));

        // Nothing is delivered twice: the next one is the next decision.
        await RecordAsync("Décision suivante");
        Assert.True(await slowItems.MoveNextAsync());
        Assert.Equal("Décision suivante", Title(slowItems.Current));
    }

    private static string Title(GovernanceFeedItem item) => ((Decision)item.Subject).Title;

    private static async Task<List<GovernanceFeedItem>> TakeAsync(IAsyncEnumerable<GovernanceFeedItem> items, int count)
    {
        var taken = new List<GovernanceFeedItem>();
        await foreach (var item in items)
        {
            taken.Add(item);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    private async Task RecordAsync(string title)
    {
        var coordinator = factory.GraphQL("coordinator");
        var ids = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }")).EnsureNoErrors();
        (await coordinator.QueryAsync(
            "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
            new { input = new { bodyId = ids.String("bodies.nodes[0].id"), title, decidedOn = "2020-01-01" } }))
            .EnsureNoErrors();
    }
}
