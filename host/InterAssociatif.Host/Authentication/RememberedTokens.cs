namespace InterAssociatif.Host.Authentication;

/// <summary>
/// Remembers which bearer tokens passed validation, until each one expires, so that a client sending the same token
/// with every request (a front end's pages, the IDE, a partner's poll) has its signature checked and its claims read
/// once, not at each request. Only valid tokens are remembered: a refused one is validated again (and refused again)
/// each time. Bearer tokens cannot be revoked before they expire here (API keys can, and do not pass this way).
/// Each request gets its own copy of the claims, so that what one request adds (<c>OnTokenValidated</c>) is not seen
/// by another. The host gives it the system's clock, which the validator reads too.
/// At most <see cref="Capacity"/> tokens are kept; past it the memory starts afresh.
/// </summary>
internal sealed class RememberedTokens(TokenHandler validator, TimeProvider time) : TokenHandler
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(
        string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out var remembered))
        {
            if (now < remembered.Until)
            {
                return Copy(remembered.Result);
            }

            _valid.TryRemove(token, out _);
        }

        var result = await validator.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > now)
        {
            if (_valid.Count >= Capacity)
            {
                _valid.Clear();
            }

            // A token is remembered until its own expiry, without the clock skew the validator allows past it.
            _valid[token] = new Remembered(Copy(result), validTo);
        }

        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(
        SecurityToken token, TokenValidationParameters validationParameters) =>
        validator.ValidateTokenAsync(token, validationParameters);

    public override SecurityToken ReadToken(string token) => validator.ReadToken(token);

    /// <summary>How many tokens are remembered now.</summary>
    internal int Count => _valid.Count;

    private static TokenValidationResult Copy(TokenValidationResult result) =>
        new()
        {
            IsValid = true,
            SecurityToken = result.SecurityToken,
            ClaimsIdentity = result.ClaimsIdentity.Clone(),
            Issuer = result.Issuer,
            TokenType = result.TokenType,
        };

    private sealed record Remembered(TokenValidationResult Result, DateTime Until);
}
