namespace InterAssociatif.Host.Instances;

/// <summary>
/// The event bus of an instance that runs beside others: an event goes to this process's handlers at
/// once and, through one Redis channel, to every other instance's. Redis only carries signals — what a
/// governance subscriber receives is read from the durable log — so a lost message can delay a delivery,
/// never lose or repeat one. Delivery from other instances counts as working ("pushed") only once this
/// instance has received its own probe through the channel; until then, and from the moment the
/// connection fails, <see cref="PollInterval"/> tells the log readers to read on their own, and each
/// change is announced locally as an <see cref="EventLogCheck"/> — as is, every <see cref="CheckEvery"/>
/// while pushed, a reminder to read the log all the same, so that a lost signal delays its event at most
/// that long.
/// </summary>
internal sealed class RedisEventBus(
    IConnectionMultiplexer redis,
    TimeSpan pollInterval,
    TimeProvider time,
    ILogger<RedisEventBus> logger
) : BackgroundService, IEventBus
{
    /// <summary>The channel every instance publishes its events on.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("interassociatif:events");

    private const string Probe = "probe";
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(1);

    /// <summary>How often, while pushed, the log readers are told to read the log all the same.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);
    private readonly InMemoryEventBus _local = new();
    private readonly string _instance = Guid.NewGuid().ToString("N");

    // Only the types some handler of this process listens to are ever read from the channel.
    private readonly ConcurrentDictionary<string, Type> _types = new();
    private readonly SemaphoreSlim _probeReturned = new(0, 1);
    private volatile bool _pushed;
    private string? _probe;

    public TimeSpan? PollInterval => _pushed ? null : pollInterval;

    /// <summary>Whether other instances' events arrive by push now (tests and the benchmark read it).</summary>
    public bool Pushed => _pushed;

    public async ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        await _local.PublishAsync(@event, cancellationToken);
        if (!redis.IsConnected)
        {
            return; // the others read the log on their poll interval meanwhile
        }

        try
        {
            var envelope = new Envelope(_instance, typeof(TEvent).FullName!, JsonSerializer.SerializeToElement(@event));
            await redis
                .GetSubscriber()
                .PublishAsync(Channel, JsonSerializer.Serialize(envelope), CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            logger.LogWarning(
                exception,
                "Could not signal {Event} to the other instances; they will read it on their poll interval",
                typeof(TEvent).Name
            );
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
        where TEvent : class
    {
        _types[typeof(TEvent).FullName!] = typeof(TEvent);
        return _local.Subscribe(handler);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionFailed += (_, failure) =>
        {
            logger.LogWarning(
                "Redis connection failed ({Failure}); events of other instances are read from the log every {Interval}",
                failure.FailureType,
                pollInterval
            );
            SetPushed(false);
        };
        ChannelMessageQueue? queue = null;
        var checkedAt = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                queue ??= await SubscribeAsync();
                if (!_pushed && redis.IsConnected && await ProbeAsync(stoppingToken))
                {
                    logger.LogInformation("Events of other instances arrive through Redis again");
                    SetPushed(true);
                    checkedAt = time.GetUtcNow();
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                logger.LogDebug(exception, "Redis not reachable yet");
            }

            // A signal lost while pushed (an instance stopped between its commit and its signal) must only
            // delay its event: the log readers read the log once every check interval all the same.
            if (_pushed && time.GetUtcNow() - checkedAt >= CheckEvery)
            {
                checkedAt = time.GetUtcNow();
                await _local.PublishAsync(new EventLogCheck(Pushed: true), stoppingToken);
            }

            await Task.Delay(ProbeEvery, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (queue is not null)
        {
            await queue.UnsubscribeAsync();
        }
    }

    private async Task<ChannelMessageQueue> SubscribeAsync()
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(ReceiveAsync);
        return queue;
    }

    /// <summary>Sends a probe through the channel and waits (a second at most) for it to come back.</summary>
    private async Task<bool> ProbeAsync(CancellationToken stoppingToken)
    {
        var probe = _probe = Guid.NewGuid().ToString("N");
        var envelope = new Envelope(_instance, Probe, JsonSerializer.SerializeToElement(probe));
        await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(envelope));
        return await _probeReturned.WaitAsync(ProbeEvery, stoppingToken);
    }

    private async Task ReceiveAsync(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString());
            if (envelope is null)
            {
                return;
            }

            if (envelope.Origin == _instance)
            {
                // Our own events were delivered here when published; our probe proves the round trip.
                if (envelope.Type == Probe && envelope.Event.GetString() == _probe && _probeReturned.CurrentCount == 0)
                {
                    _probeReturned.Release();
                }

                return;
            }

            if (_types.TryGetValue(envelope.Type, out var type) && envelope.Event.Deserialize(type) is { } @event)
            {
                await _local.PublishAsync(type, @event);
            }
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            logger.LogWarning(exception, "Ignored a message on {Channel} that is not an event of this host", Channel);
        }
    }

    private void SetPushed(bool pushed)
    {
        if (_pushed == pushed)
        {
            return;
        }

        _pushed = pushed;
        _ = _local.PublishAsync(new EventLogCheck(pushed)).AsTask();
    }

    /// <summary>One message of the channel: who sent it, the event's type and the event.</summary>
    private sealed record Envelope(string Origin, string Type, JsonElement Event);
}
