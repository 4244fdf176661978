using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using StandardWebhooks;

namespace InterAssociatif.Governance.Webhooks;

/// <summary>
/// The body of a delivery: <c>{ type, timestamp, position, data }</c>, where <c>data</c> is the decision or the
/// follow-up exactly as the GraphQL API answers a partner (the documents below, run through the API's own
/// executor and authorization), global ids included.
/// </summary>
internal sealed class WebhookPayloads(IGraphQLRunner runner)
{
    private const string DecisionDocument = """
        query WebhookDecision($id: ID!) {
          decision: node(id: $id) {
            ... on Decision {
              id title text decidedOn status recordedAt version
              body { id name }
              followUps { id description dueOn duePrecision status doneOn version }
            }
          }
        }
        """;

    private const string FollowUpDocument = """
        query WebhookFollowUp($id: ID!) {
          followUp: node(id: $id) {
            ... on FollowUp {
              id description dueOn duePrecision status doneOn version
              decision { id title status body { id name } }
            }
          }
        }
        """;

    /// <summary>What a webhook may read: what a partner tool may read, never personal data.</summary>
    private static readonly ClaimsPrincipal Reader = new(
        new ClaimsIdentity(
            [
                new Claim(InterAssociatifClaims.Subject, "webhooks"),
                new Claim(InterAssociatifClaims.Role, Roles.Partner),
            ],
            "webhooks",
            InterAssociatifClaims.Subject,
            InterAssociatifClaims.Role
        )
    );

    public async Task<string> BodyAsync(
        WebhookEventKind kind, GovernanceEvent logged, CancellationToken cancellationToken)
    {
        var (document, type) =
            kind == WebhookEventKind.FollowUpChanged
                ? (FollowUpDocument, GovernanceTypeNames.FollowUp)
                : (DecisionDocument, GovernanceTypeNames.Decision);
        var variables = new Dictionary<string, object?> { ["id"] = GlobalId.Encode(type, logged.SubjectId) };
        var data = await runner.RunAsync(document, variables, Reader, cancellationToken);
        using var buffer = new MemoryStream();
        // Readable UTF-8 (« décision », not \u00E9), as the API's own answers.
        using (
            var json = new Utf8JsonWriter(
                buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        )
        {
            json.WriteStartObject();
            json.WriteString("type", WebhookEvents.Type(kind));
            json.WriteString("timestamp", logged.OccurredAt.ToUniversalTime());
            json.WriteString("position", GovernanceFeedItem.CursorOf(logged.Sequence));
            json.WritePropertyName("data");
            data.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>
/// Delivers the durable log to webhook endpoints, once per endpoint whatever the number of host instances: an
/// instance delivers to an endpoint only while it holds its lease (taken and renewed in the database, 30 s,
/// released at shutdown), and moves the endpoint's cursor only from the position it read (a replay or a pause
/// meanwhile wins). One delivery in flight per endpoint, in log order; at most <c>Webhooks:Concurrency</c> in
/// flight on this host for receivers that answer in time, and as many for slow ones (<see cref="DeliveryLanes"/>).
/// A failed event is retried on <c>Webhooks:RetrySchedule</c> (with ±20 % jitter),
/// holding back that endpoint only; once the schedule is used up the endpoint is disabled, with the reason.
/// Woken by commits (this instance's and, through the bus, the others'), by endpoint changes, and by the
/// clock at the next retry or expiring lease.
/// </summary>
internal sealed class WebhookDispatcher : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    private const int Batch = 100;
    private const int ResponseBytesRead = 4096;

    private readonly IDbContextFactory<GovernanceDbContext> _factory;
    private readonly IEventBus _bus;
    private readonly TimeProvider _time;
    private readonly IOptions<WebhookOptions> _options;
    private readonly WebhookService _endpoints;
    private readonly WebhookPayloads _payloads;
    private readonly WebhookAddresses _addresses;
    private readonly ICredentialStatus? _credentials;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http;
    private readonly DeliveryLanes _lanes;

    // The dispatcher's writes go one at a time: SQLite has one writer, and deliveries that queue for it in the
    // database poll its lock, which a mutation waiting beside them pays for.
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<Guid, Task> _draining = new();
    private readonly Meter _meter = new("InterAssociatif.Webhooks");
    private readonly Counter<long> _attempts;
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public WebhookDispatcher(
        IDbContextFactory<GovernanceDbContext> factory,
        IEventBus bus,
        TimeProvider time,
        IOptions<WebhookOptions> options,
        WebhookService endpoints,
        WebhookPayloads payloads,
        WebhookAddresses addresses,
        IServiceProvider services,
        ILogger<WebhookDispatcher> logger
    )
    {
        (_factory, _bus, _time, _options, _endpoints) = (factory, bus, time, options, endpoints);
        (_payloads, _addresses, _logger) = (payloads, addresses, logger);
        _credentials = (ICredentialStatus?)services.GetService(typeof(ICredentialStatus));
        var slowAfter = options.Value.SlowAfter > TimeSpan.Zero ? options.Value.SlowAfter : TimeSpan.Zero;
        _lanes = new DeliveryLanes(Math.Max(1, options.Value.Concurrency), slowAfter, time);
        _http = new HttpClient(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = addresses.ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxResponseHeadersLength = 16,
            }
        )
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("InterAssociatif-Webhooks/1");
        _attempts = _meter.CreateCounter<long>(
            "interassociatif.webhooks.attempts", "{attempt}", "Webhook delivery attempts, by outcome.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SqlCommandCounter.CountAsBackground();
        ValueTask Wake<T>(T _, CancellationToken __)
        {
            _wakeUps.Writer.TryWrite(true);
            return ValueTask.CompletedTask;
        }

        using var commits = _bus.Subscribe<GovernanceEventCommitted>(Wake);
        using var changes = _bus.Subscribe<WebhookEndpointChanged>(Wake);
        using var checks = _bus.Subscribe<EventLogCheck>(Wake);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset next;
                try
                {
                    next = await ScanAsync(stoppingToken);
                }
                catch (Exception failed) when (failed is not OperationCanceledException)
                {
                    _logger.LogError(
                        failed, "The webhook dispatcher could not read its endpoints; retrying in a second");
                    next = _time.GetUtcNow().AddSeconds(1);
                }

                await WaitAsync(next, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            await Task.WhenAll(_draining.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await ReleaseAllAsync();
        }
    }

    /// <summary>Starts draining every endpoint that is due and free; when to look again.</summary>
    private async Task<DateTimeOffset> ScanAsync(CancellationToken stop)
    {
        await using var db = await _factory.CreateDbContextAsync(stop);
        var now = _time.GetUtcNow();
        var next = now + (_bus.PollInterval is { } poll && poll < Idle ? poll : Idle);
        var head = await db.Events.MaxAsync(e => (long?)e.Sequence, stop) ?? 0;
        var waiting = await db
            .WebhookEndpoints.AsNoTracking()
            .Where(e =>
                e.Status == WebhookEndpointStatus.Active
                && (e.Position < head || db.WebhookRedeliveries.Any(r => r.EndpointId == e.Id))
            )
            .Select(e => new
            {
                e.Id,
                e.NextAttemptAt,
                e.LeaseHolder,
                e.LeaseUntil,
            })
            .ToListAsync(stop);
        foreach (var endpoint in waiting)
        {
            if (endpoint.LeaseHolder is not null && endpoint.LeaseHolder != _holder && endpoint.LeaseUntil > now)
            {
                next = Min(next, endpoint.LeaseUntil.Value); // another instance delivers; take over if it dies
            }
            else if (endpoint.NextAttemptAt > now)
            {
                next = Min(next, endpoint.NextAttemptAt.Value);
            }
            else if (!_draining.ContainsKey(endpoint.Id))
            {
                var id = endpoint.Id;
                _draining[id] = Task.Run(() => DrainAsync(id, stop), CancellationToken.None);
            }
        }

        return next;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private async Task WaitAsync(DateTimeOffset until, CancellationToken stop)
    {
        var delay = until - _time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stop);
        await Task.WhenAny(
            Task.Delay(delay, _time, waiting.Token), _wakeUps.Reader.WaitToReadAsync(waiting.Token).AsTask());
        await waiting.CancelAsync();
        stop.ThrowIfCancellationRequested();
        _wakeUps.Reader.TryRead(out _);
    }

    /// <summary>
    /// Delivers an endpoint's queue in order while this instance holds its lease and deliveries succeed.
    /// </summary>
    private async Task DrainAsync(Guid id, CancellationToken stop)
    {
        try
        {
            try
            {
                // The lease is renewed once half of it has run, not before each delivery: a write less per event;
                // checked once the delivery has its slot, so that no delivery starts on a lease that ran out meanwhile.
                var renewAt = DateTimeOffset.MinValue;
                while (!stop.IsCancellationRequested)
                {
                    using var slot = await _lanes.EnterAsync(id, stop);
                    if (_time.GetUtcNow() >= renewAt)
                    {
                        if (!await LeaseAsync(id, stop))
                        {
                            break;
                        }

                        renewAt = _time.GetUtcNow() + (Lease / 2);
                    }

                    if (!await DeliverNextAsync(id, slot, stop))
                    {
                        break;
                    }
                }
            }
            finally
            {
                await ReleaseAsync(id);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception failed)
        {
            _logger.LogError(failed, "Delivering to webhook endpoint {EndpointId} failed; it is tried again", id);
        }
        finally
        {
            _draining.TryRemove(id, out _);
            _wakeUps.Writer.TryWrite(true);
        }
    }

    /// <summary>Takes or renews the endpoint's lease; false when another instance holds it.</summary>
    private async Task<bool> LeaseAsync(Guid id, CancellationToken stop)
    {
        await using var db = await _factory.CreateDbContextAsync(stop);
        var now = _time.GetUtcNow();
        var until = now + Lease;
        return await WritingAsync(
            () => db.WebhookEndpoints
                .Where(e => e.Id == id && (e.LeaseHolder == null || e.LeaseHolder == _holder || e.LeaseUntil < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.LeaseHolder, _holder).SetProperty(e => e.LeaseUntil, until), stop),
            stop) == 1;
    }

    private async Task ReleaseAsync(Guid id)
    {
        await using var db = await _factory.CreateDbContextAsync();
        await WritingAsync(
            () => db.WebhookEndpoints.Where(e => e.Id == id && e.LeaseHolder == _holder)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.LeaseHolder, (string?)null)
                    .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null)),
            CancellationToken.None);
    }

    private async Task ReleaseAllAsync()
    {
        try
        {
            await using var db = await _factory.CreateDbContextAsync();
            await db
                .WebhookEndpoints.Where(e => e.LeaseHolder == _holder)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(e => e.LeaseHolder, (string?)null)
                        .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null)
                );
        }
        catch (Exception failed)
        {
            // Its leases expire on their own within 30 s.
            _logger.LogWarning(failed, "The webhook leases of this instance could not be released at shutdown");
        }
    }

    /// <summary>Delivers the head of the endpoint's queue once; true when it succeeded and more may follow.</summary>
    private async Task<bool> DeliverNextAsync(Guid id, DeliveryLanes.Slot slot, CancellationToken stop)
    {
        await using var db = await _factory.CreateDbContextAsync(stop);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, stop);
        if (endpoint is not { Status: WebhookEndpointStatus.Active } || endpoint.NextAttemptAt > _time.GetUtcNow())
        {
            return false;
        }

        if (await CredentialRefusalAsync(endpoint, stop) is { } refusal)
        {
            await FinishAsync(
                db,
                endpoint,
                null,
                null,
                new WebhookAttempt(),
                disable: $"The API key that registered it no longer works ({refusal}).",
                stop
            );
            return false;
        }

        var (logged, redelivery, skippedTo) = await NextAsync(db, endpoint, stop);
        if (logged is null)
        {
            // Nothing for it: its cursor moves past what it does not receive.
            return skippedTo > endpoint.Position
                && await WritingAsync(
                    () => Conditional(db, endpoint)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.Position, skippedTo), stop),
                    stop) == 1
                && skippedTo < await db.Events.MaxAsync(e => (long?)e.Sequence, stop);
        }

        var kind = WebhookEvents.FromLog(logged.Kind)!.Value;
        var attempt = await SendAsync(endpoint, kind, logged, slot, stop);
        var schedule = _options.Value.Schedule;
        if (attempt.Succeeded || endpoint.Failures < schedule.Count)
        {
            attempt.NextAttemptAt = attempt.Succeeded ? null : attempt.At + Jitter(schedule[endpoint.Failures]);
            return await FinishAsync(db, endpoint, logged, redelivery, attempt, disable: null, stop)
                && attempt.Succeeded;
        }

        var reason =
            $"Delivery failed {attempt.Attempt} times in a row ({attempt.Error}); "
            + "resume the endpoint once its receiver is fixed.";
        await FinishAsync(db, endpoint, logged, redelivery, attempt, reason, stop);
        return false;
    }

    private async Task<string?> CredentialRefusalAsync(WebhookEndpoint endpoint, CancellationToken stop) =>
        _credentials is not null
        && endpoint.Owner.StartsWith("key:", StringComparison.Ordinal)
        && Guid.TryParse(endpoint.Owner.AsSpan(4), out var key)
            ? await _credentials.RefusalAsync(key, stop)
            : null;

    /// <summary>
    /// The head of the queue: the oldest redelivery asked for, else the first event after the cursor that the
    /// endpoint receives; with the position up to which nothing is for it.
    /// </summary>
    private static async Task<(GovernanceEvent? Event, WebhookRedelivery? Redelivery, long SkippedTo)> NextAsync(
        GovernanceDbContext db, WebhookEndpoint endpoint, CancellationToken stop)
    {
        var redelivery = await db
            .WebhookRedeliveries.AsNoTracking()
            .Where(r => r.EndpointId == endpoint.Id)
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(stop);
        if (redelivery is not null)
        {
            var again = await db.Events.AsNoTracking().SingleAsync(e => e.Sequence == redelivery.Sequence, stop);
            return (again, redelivery, endpoint.Position);
        }

        var kinds = endpoint.EventKinds.Select(WebhookEvents.LogKind).ToList();
        var position = endpoint.Position;
        while (true)
        {
            var batch = await db
                .Events.AsNoTracking()
                .Where(e => e.Sequence > position)
                .OrderBy(e => e.Sequence)
                .Take(Batch)
                .ToListAsync(stop);
            var candidates = batch
                .Where(e => kinds.Contains(e.Kind) && (endpoint.BodyId is not { } body || e.BodyId == body))
                .ToList();
            var matching = endpoint.ThemeId is { } theme ? await OfThemeAsync(db, candidates, theme, stop) : candidates;
            if (matching.Count > 0)
            {
                return (matching[0], null, position);
            }

            if (batch.Count < Batch)
            {
                return (null, null, batch.Count > 0 ? batch[^1].Sequence : position);
            }

            position = batch[^1].Sequence;
        }
    }

    /// <summary>The events whose decision concerns <paramref name="theme"/>.</summary>
    private static async Task<List<GovernanceEvent>> OfThemeAsync(
        GovernanceDbContext db, List<GovernanceEvent> events, Guid theme, CancellationToken stop)
    {
        var followUpIds = events
            .Where(e => e.Kind == GovernanceEvent.FollowUpChanged)
            .Select(e => e.SubjectId)
            .ToList();
        var decisionOf = await db
            .FollowUps.Where(f => followUpIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.DecisionId, stop);
        Guid DecisionOf(GovernanceEvent e) => decisionOf.GetValueOrDefault(e.SubjectId, e.SubjectId);
        var decisionIds = events.Select(DecisionOf).Distinct().ToList();
        var concerned = (
            await db
                .DecisionThemes.Where(t => t.ThemeId == theme && decisionIds.Contains(t.DecisionId))
                .Select(t => t.DecisionId)
                .ToListAsync(stop)
        ).ToHashSet();
        return events.Where(e => concerned.Contains(DecisionOf(e))).ToList();
    }

    /// <summary>Posts one event, signed; the attempt as the delivery log keeps it (not yet saved).</summary>
    private async Task<WebhookAttempt> SendAsync(
        WebhookEndpoint endpoint,
        WebhookEventKind kind,
        GovernanceEvent logged,
        DeliveryLanes.Slot slot,
        CancellationToken stop)
    {
        var now = _time.GetUtcNow();
        var attempt = new WebhookAttempt
        {
            Id = Guid.CreateVersion7(now),
            EndpointId = endpoint.Id,
            Sequence = logged.Sequence,
            EventType = WebhookEvents.Type(kind),
            Attempt = endpoint.Failures + 1,
            At = now,
        };
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_options.Value.Timeout);
        try
        {
            var uri = new Uri(endpoint.Url);
            if (_addresses.SchemeRefusal(uri) is { } refused)
            {
                throw new WebhookAddressRefusedException(refused);
            }

            var body = await _payloads.BodyAsync(kind, logged, stop);
            var messageId = $"msg_{endpoint.Id:N}_{logged.Sequence}";
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", messageId);
            request.Headers.Add(
                "webhook-timestamp",
                now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)
            );
            request.Headers.Add(
                "webhook-signature",
                string.Join(
                    ' ',
                    _endpoints
                        .SigningSecrets(endpoint)
                        .Select(secret => new StandardWebhook(secret).Sign(messageId, now, body))
                )
            );
            using var response = await slot.AnswerAsync(
                _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token));
            attempt.StatusCode = (int)response.StatusCode;
            await DiscardAsync(response, timeout.Token);
            attempt.Succeeded = response.IsSuccessStatusCode;
            attempt.Error = attempt.Succeeded ? null : $"the receiver answered {attempt.StatusCode}";
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            attempt.Error = $"no answer within {_options.Value.Timeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException failed)
        {
            attempt.Error =
                failed is WebhookAddressRefusedException ? failed.Message : $"could not deliver: {failed.Message}";
        }
        catch (GraphQLRunException failed)
        {
            attempt.Error = $"the event could not be read: {failed.Message}";
        }

        attempt.DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        attempt.Error = attempt.Error?[..Math.Min(attempt.Error.Length, WebhookAttempt.ErrorMaxLength)];
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", attempt.Succeeded ? "delivered" : "failed"));
        return attempt;
    }

    /// <summary>Reads a little of the receiver's answer (its connection can then be reused), never more.</summary>
    private static async Task DiscardAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ResponseBytesRead];
        var read = 0;
        while (
            read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + (0.4 * Random.Shared.NextDouble()));

    /// <summary>The endpoint's row as this instance read it, still leased by it.</summary>
    private IQueryable<WebhookEndpoint> Conditional(GovernanceDbContext db, WebhookEndpoint read) =>
        db.WebhookEndpoints.Where(e =>
            e.Id == read.Id
            && e.LeaseHolder == _holder
            && e.Position == read.Position
            && e.Failures == read.Failures
            && e.Status == read.Status
        );

    private async Task<T> WritingAsync<T>(Func<Task<T>> write, CancellationToken stop)
    {
        using var gate = await EnterWritesAsync(stop);
        return await write();
    }

    private async Task<WriteGate> EnterWritesAsync(CancellationToken stop)
    {
        await _writes.WaitAsync(stop);
        return new WriteGate(_writes);
    }

    /// <summary>Held while one of the dispatcher's writes runs; lets the next one go when disposed.</summary>
    private readonly struct WriteGate(SemaphoreSlim writes) : IDisposable
    {
        public void Dispose() => writes.Release();
    }

    /// <summary>
    /// Keeps the attempt and moves the endpoint on — unless it changed meanwhile (a replay, a pause, another
    /// instance): then its new state decides what comes next. True when the endpoint moved.
    /// </summary>
    private async Task<bool> FinishAsync(
        GovernanceDbContext db,
        WebhookEndpoint endpoint,
        GovernanceEvent? logged,
        WebhookRedelivery? redelivery,
        WebhookAttempt attempt,
        string? disable,
        CancellationToken stop)
    {
        using var gate = await EnterWritesAsync(stop);
        await using var transaction = await db.Database.BeginTransactionAsync(stop);
        var row = Conditional(db, endpoint);
        int moved;
        if (disable is not null)
        {
            moved = await row.ExecuteUpdateAsync(
                s =>
                    s.SetProperty(e => e.Status, WebhookEndpointStatus.Disabled)
                        .SetProperty(e => e.DisabledReason, disable)
                        .SetProperty(e => e.NextAttemptAt, (DateTimeOffset?)null),
                stop
            );
        }
        else if (!attempt.Succeeded)
        {
            moved = await row.ExecuteUpdateAsync(
                s =>
                    s.SetProperty(e => e.Failures, e => e.Failures + 1)
                        .SetProperty(e => e.NextAttemptAt, attempt.NextAttemptAt),
                stop
            );
        }
        else
        {
            var position = redelivery is null ? logged!.Sequence : endpoint.Position;
            moved = await row.ExecuteUpdateAsync(
                s =>
                    s.SetProperty(e => e.Position, position)
                        .SetProperty(e => e.Failures, 0)
                        .SetProperty(e => e.NextAttemptAt, (DateTimeOffset?)null),
                stop
            );
            if (redelivery is not null)
            {
                await db.WebhookRedeliveries.Where(r => r.Id == redelivery.Id).ExecuteDeleteAsync(stop);
            }
        }

        if (logged is not null)
        {
            db.WebhookAttempts.Add(attempt);
            await db.SaveChangesAsync(stop);
        }

        await transaction.CommitAsync(stop);
        return moved == 1;
    }

    public override void Dispose()
    {
        base.Dispose();
        _http.Dispose();
        _lanes.Dispose();
        _writes.Dispose();
        _meter.Dispose();
    }
}
