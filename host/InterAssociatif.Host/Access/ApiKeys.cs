using System.Text.Encodings.Web;

namespace InterAssociatif.Host.Access;

/// <summary>Published when a key is revoked: open subscriptions of that key are closed.</summary>
internal sealed record ApiKeyRevoked(Guid KeyId);

/// <summary>A key just issued, with its secret — shown once, never stored.</summary>
internal sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>
/// Partner API keys. A key reads <c>ia_{id}_{secret}</c>; the database keeps the SHA-256 of the
/// secret only. Every request checks the key afresh (one SQL command), so a revocation or an expiry
/// takes effect on the next request.
/// </summary>
internal sealed class ApiKeyService(IDbContextFactory<AccessDbContext> factory, IEventBus events, TimeProvider time)
    : Kernel.Authorization.ICredentialStatus
{
    public const string TypeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string Prefix = "ia_";

    public async Task<MutationResult<IssuedApiKey>> IssueAsync(
        string? name,
        IReadOnlyList<string> scopes,
        DateTimeOffset? expiresAt,
        string? createdBy,
        ErrorList errors,
        CancellationToken cancellationToken)
    {
        var cleanName = errors.Line("name", name, ApiKey.NameMaxLength, required: true);
        if (scopes.Count == 0)
        {
            errors.Add(new InputValidationError("scopes", "Give the key at least one scope."));
        }

        var now = time.GetUtcNow();
        if (expiresAt is { } expiry && expiry <= now)
        {
            errors.Add(new InputValidationError("expiresAt", "`expiresAt` must be in the future."));
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = cleanName ?? "",
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', scopes.Distinct().Order(StringComparer.Ordinal)),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
            Version = 1
        };
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        change.Db.ApiKeys.Add(key);
        var saved = await change.CommitAsync(key, "API key");
        return saved.Value is null
            ? MutationResult<IssuedApiKey>.Fail(saved.Errors)
            : MutationResult<IssuedApiKey>.Ok(new IssuedApiKey(key, $"{Prefix}{key.Id:N}_{secret}"));
    }

    public async Task<MutationResult<ApiKey>> RevokeAsync(
        RevokeApiKeyInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var key = await change.FindAsync(change.Db.ApiKeys, command.Id, "id", TypeName, "API key");
        if (key is { RevokedAt: not null })
        {
            errors.Add(new ConflictError("id", "This key is already revoked."));
        }
        else if (key is not null)
        {
            key.RevokedAt = time.GetUtcNow();
            key.Version++;
        }

        var result = await change.CommitAsync(key, "API key");
        if (result.Value is not null)
        {
            await events.PublishAsync(new ApiKeyRevoked(result.Value.Id), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The partner identity of a valid key, or why it is refused (<c>INVALID_API_KEY</c>, <c>API_KEY_EXPIRED</c>,
    /// <c>API_KEY_REVOKED</c>).
    /// </summary>
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> AuthenticateAsync(
        string? raw, CancellationToken cancellationToken)
    {
        var parts = raw?.Trim().Split('_');
        if (parts is not [_, var idText, var secret]
            || !raw!.StartsWith(Prefix, StringComparison.Ordinal)
            || !Guid.TryParseExact(idText, "N", out var id))
        {
            return (null, "INVALID_API_KEY");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null
            || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(Hash(secret))))
        {
            return (null, "INVALID_API_KEY");
        }

        if (key.RevokedAt is not null)
        {
            return (null, "API_KEY_REVOKED");
        }

        if (key.ExpiresAt <= time.GetUtcNow())
        {
            return (null, "API_KEY_EXPIRED");
        }

        var identity = new ClaimsIdentity(
            ApiKeyAuthentication.SchemeName, InterAssociatifClaims.Subject, InterAssociatifClaims.Role);
        identity.AddClaim(new Claim(InterAssociatifClaims.Subject, $"apikey:{key.Id:N}"));
        identity.AddClaim(new Claim(InterAssociatifClaims.Role, Roles.Partner));
        identity.AddClaim(new Claim(Scopes.CredentialClaimType, key.Id.ToString()));
        foreach (var scope in key.ScopeList)
        {
            identity.AddClaim(new Claim(Scopes.ClaimType, scope));
        }

        if (key.ExpiresAt is { } expiresAt)
        {
            identity.AddClaim(
                new Claim(
                    "exp", expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return (new ClaimsPrincipal(identity), null);
    }

    /// <summary>
    /// Why a key is refused now (<c>API_KEY_REVOKED</c>, <c>API_KEY_EXPIRED</c>, <c>INVALID_API_KEY</c>
    /// when gone), or null.
    /// </summary>
    public async Task<string?> RefusalAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        return key switch
        {
            null => "INVALID_API_KEY",
            { RevokedAt: not null } => "API_KEY_REVOKED",
            { ExpiresAt: { } expiry } when expiry <= time.GetUtcNow() => "API_KEY_EXPIRED",
            _ => null,
        };
    }

    private static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>The <c>X-Api-Key</c> authentication scheme.</summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyService.HeaderName, out var raw))
        {
            return AuthenticateResult.NoResult();
        }

        var (principal, failure) = await keys.AuthenticateAsync(raw.ToString(), Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail(new ApiKeyRefusedException(failure!))
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Why a key was refused, with its stable code.</summary>
internal sealed class ApiKeyRefusedException(string code) : Exception(code switch
{
    "API_KEY_REVOKED" => "The API key has been revoked.",
    "API_KEY_EXPIRED" => "The API key has expired.",
    _ => "The API key is not valid.",
})
{
    public string Code { get; } = code;
}
