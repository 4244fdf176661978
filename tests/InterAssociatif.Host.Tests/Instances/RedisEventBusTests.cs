using InterAssociatif.Host.Instances;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace InterAssociatif.Host.Tests.Instances;

/// <summary>
/// Two Redis buses in one process, as two instances would have them, on a real <c>redis-server</c>, each
/// on a fake clock: an event crosses once, push is declared only once proven, and the log readers are
/// told to read the log when push stops and, while it works, every <see cref="RedisEventBus.CheckEvery"/>.
/// </summary>
public sealed class RedisEventBusTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<IAsyncDisposable> _disposables = [];

    public sealed record Signalled(string What);

    public async Task InitializeAsync() => await _redis.StartAsync();

    [Fact]
    public async Task An_event_reaches_the_other_instance_once_and_its_own_handlers_once()
    {
        var (a, b) = (await StartAsync(), await StartAsync());
        await PushedAsync(a, b);
        var onA = new List<string>();
        var onB = new TaskCompletionSource<string>();
        using var listenA = a.Subscribe<Signalled>((e, _) =>
        {
            onA.Add(e.What);
            return ValueTask.CompletedTask;
        });
        using var listenB = b.Subscribe<Signalled>((e, _) =>
        {
            onB.TrySetResult(e.What);
            return ValueTask.CompletedTask;
        });

        await a.PublishAsync(new Signalled("décision 1"));

        Assert.Equal("décision 1", await onB.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["décision 1"], onA);
    }

    [Fact]
    public async Task While_pushed_the_log_readers_are_told_to_check_the_log_every_check_interval()
    {
        var b = await StartAsync();
        await PushedAsync(b);
        var checks = 0;
        using var listen = b.Subscribe<EventLogCheck>((c, _) =>
        {
            Interlocked.Increment(ref checks);
            return ValueTask.CompletedTask;
        });

        await AdvanceAsync(RedisEventBus.CheckEvery - TimeSpan.FromSeconds(2));
        Assert.Equal(0, Volatile.Read(ref checks));
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Volatile.Read(ref checks));
    }

    [Fact]
    public async Task When_Redis_stops_the_bus_says_so_and_asks_for_polling_and_push_returns_with_Redis()
    {
        var b = await StartAsync();
        await PushedAsync(b);
        var changes = new List<bool>();
        using var listen = b.Subscribe<EventLogCheck>((c, _) =>
        {
            lock (changes)
            {
                changes.Add(c.Pushed);
            }

            return ValueTask.CompletedTask;
        });

        await _redis.StopAsync();
        for (var i = 0; i < 100 && b.Pushed; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), b.PollInterval);
        await _redis.StartAsync();
        await PushedAsync(b);
        Assert.Null(b.PollInterval);
        lock (changes)
        {
            Assert.Equal([false, true], changes.Take(2));
        }
    }

    private async Task<RedisEventBus> StartAsync()
    {
        var options = ConfigurationOptions.Parse(_redis.ConnectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var bus = new RedisEventBus(connection, TimeSpan.FromSeconds(2), _clock, NullLogger<RedisEventBus>.Instance);
        await bus.StartAsync(CancellationToken.None);
        _disposables.Add(connection);
        _disposables.Add(new Stopping(bus));
        return bus;
    }

    /// <summary>Moves the fake clock a second at a time, letting the buses' loops run between steps.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromSeconds(1))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    private async Task PushedAsync(params RedisEventBus[] buses)
    {
        for (var i = 0; i < 200 && buses.Any(b => !b.Pushed); i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.All(buses, b => Assert.True(b.Pushed, "a bus never had its probe back"));
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private sealed class Stopping(RedisEventBus bus) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await bus.StopAsync(CancellationToken.None);
            bus.Dispose();
        }
    }
}
