namespace InterAssociatif.Governance.Decisions;

/// <summary>
/// The governance feeds' fan-out, once per host: one reader follows the durable log (woken by each
/// commit) and hands every new event, read once with its subject, to every live subscription in
/// memory. A commit only wakes the reader, so a writer never waits for subscribers. Each subscription
/// has a bounded buffer: a subscriber that falls behind (its buffer full) or that starts from an older
/// cursor reads the log on its own until it has caught up, then takes the reader's events again. The
/// log stays the only source: every event carries the sequence of the one before it in the log, so a
/// subscription sees a gap and fills it from the log — no event is lost, repeated or reordered.
/// Commits of other instances wake it through the bus as well; while the bus cannot bring them
/// (<see cref="IEventBus.PollInterval"/>), the reader also reads the log on that interval.
/// </summary>
internal sealed class GovernanceFeedHub : IAsyncDisposable
{
    private const int Batch = 100;
    private readonly IDbContextFactory<GovernanceDbContext> _factory;
    private readonly IEventBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<GovernanceFeedHub> _logger;
    private readonly int _capacity;
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<FeedSubscription, bool> _subscriptions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _listening;
    private readonly IDisposable _deliveryChanges;
    private readonly SemaphoreSlim _starting = new(1, 1);

    // Held while the reader reads and hands over, and while a subscription registers.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private static readonly System.Diagnostics.ActivitySource Source = new("InterAssociatif.Governance");
    private readonly System.Diagnostics.Metrics.Meter _meter = new("InterAssociatif.Governance");

    // The trace that committed each event not yet handed over (a few at a time; bounded all the same).
    private readonly ConcurrentDictionary<long, string> _committers = new();
    private Task? _reader;
    private long _head;

    // The newest sequence this host knows was committed (its own commits, other instances' signals, reads).
    private long _committed;

    // Set when commits were not read because nobody listened: the next subscription moves the head on.
    private bool _stale;

    public GovernanceFeedHub(
        IDbContextFactory<GovernanceDbContext> factory,
        IEventBus bus,
        TimeProvider time,
        ILogger<GovernanceFeedHub> logger
    )
        : this(factory, bus, time, logger, capacity: 256) { }

    /// <param name="capacity">
    /// Events a subscription may have waiting before it is behind and reads the log itself.
    /// </param>
    internal GovernanceFeedHub(
        IDbContextFactory<GovernanceDbContext> factory,
        IEventBus bus,
        TimeProvider time,
        ILogger<GovernanceFeedHub> logger,
        int capacity
    )
    {
        (_factory, _bus, _time, _logger, _capacity) = (factory, bus, time, logger, capacity);
        _meter.CreateObservableGauge(
            "interassociatif.governance.log.head_sequence",
            () => Volatile.Read(ref _committed),
            "{event}",
            "The newest sequence of the durable event log this host knows was committed.");
        _meter.CreateObservableGauge(
            "interassociatif.governance.feed.delivered_sequence",
            () => Volatile.Read(ref _head),
            "{event}",
            "The last sequence this host's log reader handed to its live subscriptions (lag: head - delivered).");
        _listening = bus.Subscribe<GovernanceEventCommitted>((committed, _) =>
        {
            Advance(ref _committed, committed.Sequence);
            if (committed.TraceParent is { } parent && _committers.Count < 1024)
            {
                _committers[committed.Sequence] = parent;
            }

            // Once the writer has its answer: the fan-out then does not compete with it.
            AfterResponse.Run(() => _wakeUps.Writer.TryWrite(true));
            return ValueTask.CompletedTask;
        });

        // Delivery from other instances stopped or came back: read what may have been missed, then
        // wait as the bus now says (on its poll interval, or for its wake-ups only).
        _deliveryChanges = bus.Subscribe<EventLogCheck>((_, _) =>
        {
            _wakeUps.Writer.TryWrite(true);
            return ValueTask.CompletedTask;
        });
    }


    /// <summary>
    /// Registers a subscription: from now on it receives every event the reader reads. Register before
    /// fixing the starting point, so that nothing committed in between falls between the two.
    /// </summary>
    public async Task<FeedSubscription> SubscribeAsync(FeedFilter filter, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        var subscription = new FeedSubscription(this, filter, _capacity);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stale)
            {
                _head = await HeadAsync(cancellationToken);
                Advance(ref _committed, _head);
                _stale = false;
            }

            _subscriptions[subscription] = true;
        }
        finally
        {
            _gate.Release();
        }

        return subscription;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_reader is not null)
        {
            return;
        }

        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_reader is null)
            {
                await using (var db = await _factory.CreateDbContextAsync(cancellationToken))
                {
                    _head = await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
                    Advance(ref _committed, _head);
                }

                // The reader serves every subscriber, not the caller that happened to start it: its reads are
                // background work, outside that caller's (and any later request's) command count.
                _reader = Task.Run(
                    () =>
                    {
                        SqlCommandCounter.CountAsBackground();
                        return FollowAsync(_stop.Token);
                    },
                    CancellationToken.None);
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await WakeUpAsync(stop);
                await _gate.WaitAsync(stop);
                try
                {
                    await HandOverAsync(stop);
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The subscriptions lose nothing meanwhile: they fill any gap from the log.
                _logger.LogError(exception, "The governance feed could not read the event log; retrying in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, TaskScheduler.Default);
                _wakeUps.Writer.TryWrite(true);
            }
        }
    }

    /// <summary>
    /// Waits for a commit's wake-up or, while the bus cannot bring other instances' commits, at most its
    /// poll interval (on the host's clock).
    /// </summary>
    private async Task WakeUpAsync(CancellationToken stop)
    {
        if (_bus.PollInterval is not { } poll)
        {
            await _wakeUps.Reader.ReadAsync(stop);
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var delay = Task.Delay(poll, _time, waiting.Token);
        var woken = _wakeUps.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(delay, woken);
        await waiting.CancelAsync();
        stop.ThrowIfCancellationRequested();
        _wakeUps.Reader.TryRead(out _);
    }

    /// <summary>
    /// Reads what was committed since the last read and hands it to every subscription (nothing without any).
    /// </summary>
    private async Task HandOverAsync(CancellationToken stop)
    {
        if (_subscriptions.IsEmpty)
        {
            _committers.Clear();
            _stale = true;
            return;
        }

        List<FeedEvent> read;
        do
        {
            using (Source.StartActivity("governance log read"))
            {
                read = await ReadAfterAsync(_head, stop);
            }

            foreach (var item in read)
            {
                // One span per event handed over, linked to the trace that committed it; the subscribers'
                // shared executions and sends run inside it (their buffers continue synchronously).
                using var delivery = Source.StartActivity(
                    "governance feed deliver",
                    System.Diagnostics.ActivityKind.Producer,
                    parentContext: default,
                    links: _committers.TryRemove(item.Sequence, out var committer)
                        && System.Diagnostics.ActivityContext.TryParse(committer, null, out var context)
                            ? [new System.Diagnostics.ActivityLink(context)]
                            : null);
                delivery?.SetTag("interassociatif.event.sequence", item.Sequence);
                delivery?.SetTag("interassociatif.event.kind", item.Kind);
                delivery?.SetTag("interassociatif.subscriptions", _subscriptions.Count);
                foreach (var subscription in _subscriptions.Keys)
                {
                    subscription.Offer(item);
                }

                Volatile.Write(ref _head, item.Sequence);
                Advance(ref _committed, item.Sequence);
            }
        } while (read.Count == Batch);
    }

    /// <summary>
    /// The next events of the log after <paramref name="after"/>, each with its subject and the themes it concerns.
    /// </summary>
    private async Task<List<FeedEvent>> ReadAfterAsync(long after, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var events = await db
            .Events.Where(e => e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var subjects = events.Select(e => e.SubjectId).ToList();
        var decisions = await db
            .Decisions.Where(d => subjects.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var followUps = await db
            .FollowUps.Where(f => subjects.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        var decisionIds = decisions.Keys.Concat(followUps.Values.Select(f => f.DecisionId)).Distinct().ToList();
        var themes = (
            await db.DecisionThemes.Where(t => decisionIds.Contains(t.DecisionId)).ToListAsync(cancellationToken)
        ).ToLookup(t => t.DecisionId, t => t.ThemeId);
        var previous = after;
        var read = new List<FeedEvent>(events.Count);
        foreach (var e in events)
        {
            object? subject =
                e.Kind == GovernanceEvent.FollowUpChanged
                    ? followUps.GetValueOrDefault(e.SubjectId)
                    : decisions.GetValueOrDefault(e.SubjectId);
            var decision = subject switch
            {
                Decision d => d.Id,
                FollowUp f => f.DecisionId,
                _ => Guid.Empty,
            };
            read.Add(new FeedEvent(previous, e.Sequence, e.Kind, e.BodyId, themes[decision].ToHashSet(), subject));
            previous = e.Sequence;
        }

        return read;
    }

    private static void Advance(ref long sequence, long to)
    {
        var seen = Volatile.Read(ref sequence);
        while (to > seen && Interlocked.CompareExchange(ref sequence, to, seen) is var was && was != seen)
        {
            seen = was;
        }
    }

    /// <summary>The newest sequence of the log.</summary>
    private async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }

    /// <summary>Wake-ups the reader has not taken yet (tests read it).</summary>
    internal int PendingWakeUps => _wakeUps.Reader.Count;

    private void Remove(FeedSubscription subscription) => _subscriptions.TryRemove(subscription, out _);

    public async ValueTask DisposeAsync()
    {
        _listening.Dispose();
        _deliveryChanges.Dispose();
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
        _meter.Dispose();
        _starting.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// One event as the reader hands it over: the sequence before it in the log, what the filters need,
    /// and the item every subscription receives — the same object, so that they share its execution.
    /// </summary>
    internal sealed record FeedEvent(
        long Previous, long Sequence, string Kind, Guid BodyId, IReadOnlySet<Guid> ThemeIds, object? Subject)
    {
        public GovernanceFeedItem Item { get; } = new(Sequence, Subject!);
    }

    /// <summary>
    /// One subscriber's registration: its buffer of events from the reader, and whether it overflowed.
    /// </summary>
    internal sealed class FeedSubscription(GovernanceFeedHub hub, FeedFilter filter, int capacity) : IDisposable
    {
        private readonly Channel<FeedEvent> _buffer = Channel.CreateBounded<FeedEvent>(
            // Wait mode: TryWrite answers false when full (the drop modes answer true and drop silently).
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
                AllowSynchronousContinuations = true,
            }
        );
        private int _behind;

        /// <summary>Whether its buffer ever overflowed (it then caught up from the log).</summary>
        public bool Overflowed { get; private set; }

        internal void Offer(FeedEvent item)
        {
            if (!_buffer.Writer.TryWrite(item))
            {
                Overflowed = true;
                Volatile.Write(ref _behind, 1);
            }
        }

        /// <summary>
        /// Every event after <paramref name="start"/> that passes the filter, in log order, exactly once:
        /// first those already in the log, then the reader's, filling any gap from the log.
        /// </summary>
        public async IAsyncEnumerable<GovernanceFeedItem> ReadAsync(
            long start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var cursor = start;
            var reader = _buffer.Reader;
            var catchUp = true;
            while (true)
            {
                if (catchUp)
                {
                    // Fill up to the log's head as it is now; the reader's events after it follow.
                    var head = await hub.HeadAsync(cancellationToken);
                    while (cursor < head)
                    {
                        var read = await hub.ReadAfterAsync(cursor, cancellationToken);
                        foreach (var item in read.TakeWhile(i => i.Sequence <= head))
                        {
                            if (filter.Matches(item))
                            {
                                yield return item.Item;
                            }

                            cursor = item.Sequence;
                        }

                        if (read.Count < Batch || read[^1].Sequence >= head)
                        {
                            cursor = Math.Max(cursor, head);
                        }
                    }

                    catchUp = false;
                }

                if (!reader.TryRead(out var next))
                {
                    if (Interlocked.Exchange(ref _behind, 0) == 1)
                    {
                        catchUp = true;
                        continue;
                    }

                    await reader.WaitToReadAsync(cancellationToken);
                    continue;
                }

                if (next.Sequence <= cursor)
                {
                    continue;
                }

                if (next.Previous != cursor)
                {
                    catchUp = true;
                    continue;
                }

                cursor = next.Sequence;
                if (filter.Matches(next))
                {
                    yield return next.Item;
                }
            }
        }

        public void Dispose() => hub.Remove(this);
    }
}

/// <summary>
/// What one subscription asks for: one kind of event, optionally of one body or concerning one theme.
/// </summary>
internal sealed record FeedFilter(string Kind, Guid? BodyId, Guid? ThemeId)
{
    public bool Matches(GovernanceFeedHub.FeedEvent item) =>
        item.Kind == Kind
        && item.Subject is not null
        && (BodyId is not { } body || item.BodyId == body)
        && (ThemeId is not { } theme || item.ThemeIds.Contains(theme));
}
