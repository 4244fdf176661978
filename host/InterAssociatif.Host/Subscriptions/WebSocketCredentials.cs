using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using InterAssociatif.Host.Access;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Events;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InterAssociatif.Host.Subscriptions;

/// <summary>
/// The credentials a graphql-transport-ws client may send in its <c>connection_init</c> payload:
/// <c>Authorization</c> (a bearer token, validated like on HTTP, with the same claim mapping) or
/// <c>apiKey</c> / <c>X-Api-Key</c>.
/// </summary>
internal sealed class WebSocketCredentials(IOptionsMonitor<JwtBearerOptions> jwt, ApiKeyService keys, IConfiguration configuration)
{
    /// <summary>Whether the payload presents a credential, and the caller it proves (null when it does not hold).</summary>
    public async Task<(bool Presented, ClaimsPrincipal? Principal)> AuthenticateAsync(JsonElement payload, CancellationToken cancellation)
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
            var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..] : authorization;
            return (true, await ValidateTokenAsync(token, cancellation));
        }

        return (false, null);
    }

    private static string? Property(JsonElement payload, string name) =>
        payload.EnumerateObject()
            .Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
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

/// <summary>
/// Watches the credential a connection was opened with and calls <c>expired</c> once it stops
/// holding: a token or key reaching its expiry (on the host's clock), or the key being revoked.
/// </summary>
internal sealed class CredentialWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable? _revocations;

    public CredentialWatch(ClaimsPrincipal user, IEventBus bus, TimeProvider time, Func<string, Task> expired)
    {
        var stop = _stop.Token;
        if (long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp))
        {
            var remaining = DateTimeOffset.FromUnixTimeSeconds(exp) - time.GetUtcNow();
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, stop);
                        await expired("Forbidden: the credential has expired");
                    }
                    catch (OperationCanceledException)
                    {
                    }
                },
                CancellationToken.None);
        }

        if (Guid.TryParse(user.FindFirst(Scopes.CredentialClaimType)?.Value, out var keyId))
        {
            // Closing waits for the client's close frame: done aside, so the revoking request is not held up.
            _revocations = bus.Subscribe<ApiKeyRevoked>((revoked, unused) =>
            {
                if (revoked.KeyId == keyId)
                {
                    _ = Task.Run(() => expired("Forbidden: the API key has been revoked"), CancellationToken.None);
                }

                return ValueTask.CompletedTask;
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _revocations?.Dispose();
    }
}
