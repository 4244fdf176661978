using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace InterAssociatif.Host.Subscriptions;

/// <summary>
/// The credentials a graphql-transport-ws client may send in its <c>connection_init</c> payload:
/// <c>Authorization</c> (a bearer token, validated like on HTTP, with the same claim mapping) or
/// <c>apiKey</c> / <c>X-Api-Key</c>.
/// </summary>
internal sealed class WebSocketCredentials(
    IOptionsMonitor<JwtBearerOptions> jwt, ApiKeyService keys, IConfiguration configuration)
{
    /// <summary>
    /// Whether the payload presents a credential, and the caller it proves (null when it does not hold).
    /// </summary>
    public async Task<(bool Presented, ClaimsPrincipal? Principal)> AuthenticateAsync(
        JsonElement payload, CancellationToken cancellation)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return (false, null);
        }

        if ((Property(payload, "apiKey") ?? Property(payload, ApiKeyService.HeaderName)) is { } key)
        {
            return (true, (await keys.AuthenticateAsync(key, cancellation)).Principal);
        }

        if (Property(payload, "authorization") is { } authorization)
        {
            var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? authorization[7..]
                : authorization;
            return (true, await ValidateTokenAsync(token, cancellation));
        }

        return (false, null);
    }

    private static string? Property(JsonElement payload, string name) =>
        payload.EnumerateObject()
            .Where(p =>
                p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();

    private async Task<ClaimsPrincipal?> ValidateTokenAsync(string token, CancellationToken cancellation)
    {
        var options = jwt.Get("Bearer");
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } manager)
        {
            var configurationFromIssuer = await manager.GetConfigurationAsync(cancellation);
            parameters.ValidIssuer ??= configurationFromIssuer.Issuer;
            parameters.IssuerSigningKeys = configurationFromIssuer.SigningKeys;
        }

        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return null;
        }

        // The same claim mapping as for HTTP requests (Authentication:OrganizationClaim, PersonClaim).
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        Authentication.AuthenticationSetup.MapClaims(principal, configuration.GetSection("Authentication"));
        return principal;
    }
}

/// <summary>Opens a <see cref="CredentialWatch"/> for a long-lived connection (WebSocket, SSE stream).</summary>
internal sealed class CredentialWatches(IEventBus bus, TimeProvider time, ApiKeyService keys)
{
    public CredentialWatch Watch(ClaimsPrincipal user, Func<string, Task> expired) =>
        new(user, bus, time, keys, expired);
}

/// <summary>
/// Watches the credential a connection was opened with and calls <c>expired</c> once it stops
/// holding: a token or key reaching its expiry (on the host's clock), or the key being revoked — on
/// any instance: the revocation comes through the bus, or, while the bus cannot bring other instances'
/// events (<see cref="IEventBus.PollInterval"/>), from the keys table read on that interval.
/// </summary>
internal sealed class CredentialWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IEventBus _bus;
    private readonly TimeProvider _time;
    private readonly Func<string, Task> _expired;
    private int _ended;
    private int _polling;

    public CredentialWatch(
        ClaimsPrincipal user, IEventBus bus, TimeProvider time, ApiKeyService keys, Func<string, Task> expired)
    {
        (_bus, _time, _expired) = (bus, time, expired);
        var stop = _stop.Token;
        if (long.TryParse(
            user.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp))
        {
            // The timer is set here, on the host's clock, before the connection is acknowledged: a clock
            // moved after the acknowledgement always finds it (set later, it would count from the moved clock).
            var remaining = DateTimeOffset.FromUnixTimeSeconds(exp) - time.GetUtcNow();
            _ = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, stop).ContinueWith(
                delay =>
                {
                    if (delay.IsCompletedSuccessfully)
                    {
                        End("Forbidden: the credential has expired");
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        if (Guid.TryParse(user.FindFirst(Scopes.CredentialClaimType)?.Value, out var keyId))
        {
            const string revoked = "Forbidden: the API key has been revoked";
            _subscriptions.Add(bus.Subscribe<ApiKeyRevoked>((revocation, unused) =>
            {
                if (revocation.KeyId == keyId)
                {
                    End(revoked);
                }

                return ValueTask.CompletedTask;
            }));
            _subscriptions.Add(bus.Subscribe<EventLogCheck>((unused, ignored) =>
            {
                PollWhileNotPushed(keyId, keys, revoked);
                return ValueTask.CompletedTask;
            }));
            PollWhileNotPushed(keyId, keys, revoked);
        }
    }

    /// <summary>
    /// While other instances' revocations cannot arrive by the bus, reads the key on the poll interval.
    /// </summary>
    private void PollWhileNotPushed(Guid keyId, ApiKeyService keys, string revoked)
    {
        if (_bus.PollInterval is null || Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        var stop = _stop.Token;
        _ = Task.Run(
            async () =>
            {
                // A watch of the connection, not a request: its reads are not counted as the request's that began it.
                Kernel.Persistence.SqlCommandCounter.CountAsBackground();
                try
                {
                    while (_bus.PollInterval is { } interval)
                    {
                        await Task.Delay(interval, _time, stop);
                        if (await keys.RefusalAsync(keyId, stop) == "API_KEY_REVOKED")
                        {
                            End(revoked);
                            return;
                        }
                    }
                }
                finally
                {
                    Volatile.Write(ref _polling, 0);
                }
            },
            CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    // Closing waits for the client's close frame: done aside, so the revoking request is not held up.
    private void End(string reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _ = Task.Run(() => _expired(reason), CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
