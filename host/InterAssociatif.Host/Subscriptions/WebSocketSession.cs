using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using InterAssociatif.Kernel.Events;
using InterAssociatif.Kernel.GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InterAssociatif.Host.Subscriptions;

/// <summary>
/// One client of the graphql-transport-ws protocol: <c>connection_init</c> (with an optional
/// <c>Authorization</c> in its payload) within the init timeout, then any number of
/// <c>subscribe</c>/<c>complete</c>, <c>ping</c>/<c>pong</c>. Protocol violations close the socket
/// with the protocol's codes: 4400 invalid message, 4401 subscribe before acknowledgement,
/// 4403 bad credentials, 4408 no init in time, 4409 duplicate operation id, 4429 second init.
/// </summary>
internal sealed class WebSocketSession(
    WebSocket socket,
    HttpContext http,
    IDocumentExecuter<InterAssociatifSchema> executer,
    IGraphQLTextSerializer serializer,
    IOptionsMonitor<JwtBearerOptions> jwt,
    TimeSpan initTimeout,
    int maxOperations,
    TimeSpan sendTimeout,
    Access.ApiKeyService keys,
    IEventBus bus,
    ILogger logger)
{
    public const string Protocol = "graphql-transport-ws";

    private readonly IGraphQLTextSerializer _serializer = serializer;
    private readonly ILogger _logger = logger;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<string, IDisposable> _operations = new(StringComparer.Ordinal);
    private ClaimsPrincipal _user = http.User;
    private bool _initialized;
    private bool _acknowledged;
    private CancellationTokenSource? _watching;
    private IDisposable? _revocations;

    public async Task RunAsync()
    {
        var cancellation = http.RequestAborted;
        using var initTimer = new CancellationTokenSource(initTimeout);
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

        using var watching = new CancellationTokenSource();
        _watching = watching;
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
            await watching.CancelAsync();
            _revocations?.Dispose();
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }
        }
    }

    /// <summary>
    /// Closes the connection with 4403 when the caller's credential stops holding: a token or key
    /// reaching its expiry, or the key being revoked.
    /// </summary>
    private void Watch(ClaimsPrincipal user)
    {
        var watching = _watching!.Token;
        if (long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var exp))
        {
            var remaining = DateTimeOffset.FromUnixTimeSeconds(exp) - DateTimeOffset.UtcNow;
            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, watching);
                    await CloseAsync(4403, "Forbidden: the credential has expired");
                }
                catch (OperationCanceledException)
                {
                }
            }, CancellationToken.None);
        }

        if (Guid.TryParse(user.FindFirst(Kernel.Authorization.Scopes.CredentialClaimType)?.Value, out var keyId))
        {
            // Closing waits for the client's close frame: done aside, so the revoking request is not held up.
            _revocations = bus.Subscribe<Access.ApiKeyRevoked>((revoked, unused) =>
            {
                if (revoked.KeyId == keyId)
                {
                    _ = Task.Run(() => CloseAsync(4403, "Forbidden: the API key has been revoked"), CancellationToken.None);
                }

                return ValueTask.CompletedTask;
            });
        }
    }

    private async Task HandleAsync(string text, CancellationTokenSource initTimer, CancellationToken cancellation)
    {
        JsonElement message;
        string? type;
        try
        {
            message = JsonSerializer.Deserialize<JsonElement>(text);
            type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            type = null;
            message = default;
        }

        switch (type)
        {
            case "connection_init":
                if (_initialized)
                {
                    await CloseAsync(4429, "Too many initialisation requests");
                    return;
                }

                _initialized = true;
                if (message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object && (Token(payload) is not null || ApiKey(payload) is not null))
                {
                    var principal = ApiKey(payload) is { } key
                        ? (await keys.AuthenticateAsync(key, cancellation)).Principal
                        : await AuthenticateAsync(Token(payload)!);
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
            case "subscribe" when message.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && message.TryGetProperty("payload", out var request) && request.ValueKind == JsonValueKind.Object:
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

                if (_operations.Count >= maxOperations)
                {
                    var refusal = new[] { new { message = $"At most {maxOperations} subscriptions may be open on one connection; complete one first.", extensions = new { code = "TOO_MANY_SUBSCRIPTIONS" } } };
                    await SendAsync(Envelope(id, "error", JsonSerializer.Serialize(refusal)), cancellation);
                    return;
                }

                GraphQLRequest? graphQLRequest;
                try
                {
                    graphQLRequest = _serializer.Deserialize<GraphQLRequest>(request.GetRawText());
                }
                catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
                {
                    graphQLRequest = null;
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
                catch (Exception exception) when (exception is not OperationCanceledException and not WebSocketException)
                {
                    _logger.LogError(exception, "Subscription {Id} could not start", id);
                    _operations.TryRemove(id, out _);
                    await SendAsync(Envelope(id, "error", """[{"message":"The subscription could not start.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]"""), cancellation);
                }

                break;
            case "complete" when message.TryGetProperty("id", out var completed) && completed.ValueKind == JsonValueKind.String:
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
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = _user,
            RequestServices = scope.ServiceProvider,
            CancellationToken = cancellation,
        });

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

    private static string? ApiKey(JsonElement payload)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if ((property.Name.Equals("apiKey", StringComparison.OrdinalIgnoreCase) || property.Name.Equals(Access.ApiKeyService.HeaderName, StringComparison.OrdinalIgnoreCase)) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    private static string? Token(JsonElement payload)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                var value = property.Value.GetString()!;
                return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..] : value;
            }
        }

        return null;
    }

    private async Task<ClaimsPrincipal?> AuthenticateAsync(string token)
    {
        var options = jwt.Get("Bearer");
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetConfigurationAsync(http.RequestAborted);
            parameters.ValidIssuer ??= configuration.Issuer;
            parameters.IssuerSigningKeys = configuration.SigningKeys;
        }

        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return null;
        }

        // The same claim mapping as for HTTP requests (Authentication:OrganizationClaim, PersonClaim).
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        Authentication.AuthenticationSetup.MapClaims(principal, http.RequestServices.GetRequiredService<IConfiguration>().GetSection("Authentication"));
        return principal;
    }

    private static string Envelope(string id, string type, string? payload) =>
        $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"{{type}}"{{(payload is null ? "" : $",\"payload\":{payload}")}}}""";

    private async Task<string?> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellation);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync((int)(received.CloseStatus ?? WebSocketCloseStatus.NormalClosure), received.CloseStatusDescription ?? "");
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

    /// <summary>
    /// Sends one message. A client that stops reading would hold a subscription's pump (and its
    /// buffers) forever: past the send timeout the connection is aborted.
    /// </summary>
    private async Task SendAsync(string text, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(sendTimeout);
        try
        {
            await _send.WaitAsync(deadline.Token);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
                }
            }
            finally
            {
                _send.Release();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            _logger.LogWarning("A WebSocket client read nothing for {Timeout}: connection aborted", sendTimeout);
            socket.Abort();
        }
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
        public void OnNext(ExecutionResult value) =>
            session.SendAsync(Envelope(id, "next", session._serializer.Serialize(value)), CancellationToken.None).GetAwaiter().GetResult();

        public void OnError(Exception error)
        {
            session._logger.LogWarning(error, "Subscription {Id} failed", id);
            session.SendAsync(Envelope(id, "error", """[{"message":"The subscription failed on the server.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]"""), CancellationToken.None).GetAwaiter().GetResult();
        }

        public void OnCompleted() => session.SendAsync(Envelope(id, "complete", null), CancellationToken.None).GetAwaiter().GetResult();
    }

    private sealed class Both(IDisposable first, IAsyncDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
