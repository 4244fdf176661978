using System.Net.WebSockets;

namespace InterAssociatif.Host.Subscriptions;

/// <summary>
/// One client of the graphql-transport-ws protocol: <c>connection_init</c> (with an optional
/// <c>Authorization</c> in its payload) within the init timeout, then any number of
/// <c>subscribe</c>/<c>complete</c>, <c>ping</c>/<c>pong</c>. Protocol violations close the socket
/// with the protocol's codes: 4400 invalid message (a member given twice too), 4401 subscribe before acknowledgement,
/// 4403 bad credentials, 4408 no init in time, 4409 duplicate operation id, 4429 second init.
/// </summary>
internal sealed class WebSocketSession(WebSocket socket, HttpContext http, WebSocketTransport transport)
{
    public const string Protocol = "graphql-transport-ws";

    private readonly IGraphQLTextSerializer _serializer = transport.Serializer;
    private readonly ILogger _logger = transport.Logger;
    private readonly TimeSpan _sendTimeout = transport.Limits.SendTimeout;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<string, IDisposable> _operations = new(StringComparer.Ordinal);
    private ClaimsPrincipal _user = http.User;
    private bool _initialized;
    private bool _acknowledged;
    private CredentialWatch? _watch;

    public async Task RunAsync()
    {
        var cancellation = http.RequestAborted;
        using var initTimer = new CancellationTokenSource(transport.InitTimeout, transport.Time);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, initTimer.Token);
            }
            catch (OperationCanceledException)
            {
                if (!_initialized && !cancellation.IsCancellationRequested && initTimer.IsCancellationRequested)
                {
                    await CloseAsync(4408, "Connection initialisation timeout");
                }
            }
        }, CancellationToken.None);

        if (_user.Identity?.IsAuthenticated == true)
        {
            Watch(_user);
        }

        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(cancellation);
                if (message is null)
                {
                    break;
                }

                await HandleAsync(message, initTimer, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _watch?.Dispose();
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }
        }
    }

    /// <summary>Closes the connection with 4403 once the caller's credential stops holding.</summary>
    private void Watch(ClaimsPrincipal user)
    {
        _watch?.Dispose();
        _watch = transport.Watches.Watch(user, reason => CloseAsync(4403, reason));
    }

    private async Task HandleAsync(string text, CancellationTokenSource initTimer, CancellationToken cancellation)
    {
        // One parse of the message, refusing a member given twice; only a message that fails it is read again,
        // to tell a repeated member (named in the close reason) from text that is not JSON.
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(text, RepeatedMembers.Strict);
        }
        catch (JsonException) when (RepeatedMembers.Find(text) is { } repeated)
        {
            // A close reason holds 123 bytes: a path too long for it is left out.
            var reason = $"Invalid message: `{repeated}` is given more than once";
            var fits = Encoding.UTF8.GetByteCount(reason) <= 123;
            await CloseAsync(4400, fits ? reason : "Invalid message: a member is given more than once");
            return;
        }
        catch (JsonException)
        {
        }

        using var parsed = document;
        var message = document?.RootElement ?? default;
        var type = message.ValueKind == JsonValueKind.Object
            && message.TryGetProperty("type", out var t)
            && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;

        switch (type)
        {
            case "connection_init":
                if (_initialized)
                {
                    await CloseAsync(4429, "Too many initialisation requests");
                    return;
                }

                _initialized = true;
                if (message.TryGetProperty("payload", out var payload)
                    && await transport.Credentials.AuthenticateAsync(payload, cancellation) is (true, var principal))
                {
                    if (principal is null)
                    {
                        await CloseAsync(4403, "Forbidden");
                        return;
                    }

                    _user = principal;
                    Watch(principal);
                }

                _acknowledged = true;
                await initTimer.CancelAsync();
                await SendAsync("""{"type":"connection_ack"}""", cancellation);
                break;
            case "ping":
                await SendAsync("""{"type":"pong"}""", cancellation);
                break;
            case "pong":
                break;
            case "subscribe" when message.TryGetProperty("id", out var idElement)
                && idElement.ValueKind == JsonValueKind.String
                && message.TryGetProperty("payload", out var request)
                && request.ValueKind == JsonValueKind.Object:
                if (!_acknowledged)
                {
                    await CloseAsync(4401, "Unauthorized");
                    return;
                }

                var id = idElement.GetString()!;
                if (_operations.ContainsKey(id))
                {
                    await CloseAsync(4409, $"Subscriber for {id} already exists");
                    return;
                }

                if (_operations.Count >= transport.Limits.MaxSubscriptionsPerConnection)
                {
                    var refusal = new[]
                    {
                        new
                        {
                            message = $"At most {transport.Limits.MaxSubscriptionsPerConnection} subscriptions may be "
                                + "open on one connection; complete one first.",
                            extensions = new { code = "TOO_MANY_SUBSCRIPTIONS" }
                        }
                    };
                    await SendAsync(Envelope(id, "error", JsonSerializer.Serialize(refusal)), cancellation);
                    return;
                }

                GraphQLRequest? graphQLRequest;
                try
                {
                    graphQLRequest = _serializer.ReadNode<GraphQLRequest>(request);
                }
                catch (Exception exception) when (GraphQLRequestReader.IsMalformed(exception))
                {
                    graphQLRequest = null;
                }

                if (graphQLRequest is not null && transport.Trusted.Resolve(graphQLRequest, _user) is { } untrusted)
                {
                    await SendAsync(Envelope(id, "error", _serializer.Serialize(new[] { untrusted })), cancellation);
                    return;
                }

                if (graphQLRequest?.Query is null)
                {
                    await CloseAsync(4400, "Invalid message");
                    return;
                }

                try
                {
                    await SubscribeAsync(id, graphQLRequest, cancellation);
                }
                catch (Exception exception)
                    when (exception is not OperationCanceledException and not WebSocketException)
                {
                    _operations.TryRemove(id, out _);
                    await FaultAsync(id, exception, cancellation);
                }

                break;
            case "complete" when message.TryGetProperty("id", out var completed)
                && completed.ValueKind == JsonValueKind.String:
                if (_operations.TryRemove(completed.GetString()!, out var operation))
                {
                    operation.Dispose();
                }

                break;
            default:
                await CloseAsync(4400, "Invalid message");
                break;
        }
    }

    private async Task SubscribeAsync(string id, GraphQLRequest request, CancellationToken cancellation)
    {
        var scope = http.RequestServices.CreateAsyncScope();
        _operations[id] = scope;
        var outcome = await transport.Executor.ExecuteAsync(
            request, _user, scope.ServiceProvider, GraphQLExecutor.TraceId(http), timeLimited: false, cancellation);
        var result = outcome.Result;

        if (result.Streams is { Count: > 0 } streams)
        {
            var stream = streams.Values.First();
            var subscription = stream.Subscribe(new Observer(this, id));
            _operations[id] = new Both(subscription, scope);
            return;
        }

        // A result with errors and no data (a subscription refused while it was being set up, e.g. an
        // unknown body) is the protocol's `error`, which also ends the operation.
        if (result.Executed && !(result.Data is null && result.Errors is { Count: > 0 }))
        {
            await SendAsync(Envelope(id, "next", _serializer.Serialize(result)), cancellation);
            await SendAsync(Envelope(id, "complete", null), cancellation);
        }
        else
        {
            await SendAsync(Envelope(id, "error", _serializer.Serialize(result.Errors)), cancellation);
        }

        if (_operations.TryRemove(id, out var done))
        {
            done.Dispose();
        }
    }

    private static string Envelope(string id, string type, string? payload) =>
        payload is null
            ? $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"{{type}}"}"""
            : $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"{{type}}","payload":{{payload}}}""";

    private async Task<string?> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellation);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(
                    (int)(received.CloseStatus ?? WebSocketCloseStatus.NormalClosure),
                    received.CloseStatusDescription ?? "");
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > 1024 * 1024)
            {
                await CloseAsync(4400, "Invalid message");
                return null;
            }

            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private Task SendAsync(string text, CancellationToken cancellation) =>
        SendAsync(Encoding.UTF8.GetBytes(text), cancellation);

    /// <summary>
    /// Sends one message. A client that stops reading would hold a subscription's pump (and its
    /// buffers) forever: past the send timeout the connection is aborted. A send the socket takes at
    /// once (the usual case) needs no timer.
    /// </summary>
    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation)
    {
        await _send.WaitAsync(cancellation);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                var sending = socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellation);
                if (!sending.IsCompletedSuccessfully)
                {
                    await sending.AsTask().WaitAsync(_sendTimeout, cancellation);
                }
            }
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("A WebSocket client read nothing for {Timeout}: connection aborted", _sendTimeout);
            socket.Abort();
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// A server fault ends the operation with the protocol's <c>error</c>: masked, with the trace id that is in the
    /// log, as over HTTP.
    /// </summary>
    private Task FaultAsync(string id, Exception exception, CancellationToken cancellation)
    {
        var traceId = GraphQLExecutor.TraceId(http);
        _logger.LogError(
            exception, "Operation {Id} of a WebSocket connection failed (trace id {TraceId})", id, traceId);
        return SendAsync(
            Envelope(
                id, "error", _serializer.Serialize(new ExecutionErrors { new GraphQLHttp.ServerFaultError(traceId) })),
            cancellation);
    }

    private async Task CloseAsync(int code, string reason)
    {
        await _send.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _send.Release();
        }
    }

    private sealed class Observer(WebSocketSession session, string id) : IObserver<ExecutionResult>
    {
        private readonly byte[] _next = Encoding.UTF8.GetBytes(Envelope(id, "next", "")[..^1]);

        public void OnNext(ExecutionResult value) => NextAsync(value).GetAwaiter().GetResult();

        private async Task NextAsync(ExecutionResult value)
        {
            var json = await ResultJson.WriteAsync(session._serializer, value);
            await session.SendAsync(ResultJson.Frame(_next, json.Span, "}"u8), CancellationToken.None);
        }

        public void OnError(Exception error) =>
            session.FaultAsync(id, error, CancellationToken.None).GetAwaiter().GetResult();

        public void OnCompleted() =>
            session.SendAsync(Envelope(id, "complete", null), CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A live subscription (counted in the metrics while it lives) and its service scope.</summary>
    private sealed class Both : IDisposable
    {
        private readonly IDisposable first;
        private readonly IAsyncDisposable second;
        private int _disposed;

        public Both(IDisposable first, IAsyncDisposable second)
        {
            (this.first, this.second) = (first, second);
            Telemetry.Observability.Subscriptions.Add(1);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            Telemetry.Observability.Subscriptions.Add(-1);
            first.Dispose();
            second.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>What every WebSocket session shares: the executor, the credentials, the limits and the clock.</summary>
internal sealed class WebSocketTransport(
    GraphQLExecutor executor,
    IGraphQLTextSerializer serializer,
    WebSocketCredentials credentials,
    GraphQLHttp.RequestLimitsOptions limits,
    Microsoft.Extensions.Options.IOptions<GraphQLHttp.GraphQLHttpOptions> options,
    CredentialWatches watches,
    TrustedDocuments trusted,
    TimeProvider time,
    ILogger<WebSocketSession> logger)
{
    public GraphQLExecutor Executor => executor;

    public IGraphQLTextSerializer Serializer => serializer;

    public WebSocketCredentials Credentials => credentials;

    public GraphQLHttp.RequestLimitsOptions Limits => limits;

    public TimeSpan InitTimeout => options.Value.ConnectionInitTimeout;

    public CredentialWatches Watches => watches;

    public TrustedDocuments Trusted => trusted;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>
    /// Accepts the graphql-transport-ws upgrade (400 for another subprotocol) and runs the session to its end.
    /// </summary>
    public async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(WebSocketSession.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the {WebSocketSession.Protocol} subprotocol.");
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(WebSocketSession.Protocol);
        Telemetry.Observability.WebSockets.Add(1);
        try
        {
            await new WebSocketSession(socket, http, this).RunAsync();
        }
        finally
        {
            Telemetry.Observability.WebSockets.Add(-1);
        }
    }
}
