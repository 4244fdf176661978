namespace InterAssociatif.Host.Authentication;

/// <summary>
/// Why the credentials a request carries are refused, said the same way by the GraphQL endpoint and by the modules'
/// plain endpoints (downloads, uploads): another scheme than Bearer, a token that does not hold or has expired, an API
/// key revoked or expired. Null when the request carries no credentials or they hold.
/// </summary>
internal sealed class CredentialRefusals : ICredentialRefusals
{
    public async Task<CredentialRefusal?> RefusalAsync(HttpContext http)
    {
        var request = http.Request;
        if (OtherScheme(request.Headers.Authorization) is { } scheme)
        {
            return new CredentialRefusal(
                "INVALID_TOKEN",
                $"The Authorization header must be 'Bearer <token>'; {scheme} is not accepted "
                    + $"(an API key goes in the {Access.ApiKeyService.HeaderName} header).",
                "Bearer"
            );
        }

        var sent = request.Headers.Authorization.Count > 0
            || request.Headers.ContainsKey(Access.ApiKeyService.HeaderName);
        if (!sent || (await http.AuthenticateAsync()).Failure is not { } failure)
        {
            return null;
        }

        if (failure is Access.ApiKeyRefusedException refusedKey)
        {
            return new CredentialRefusal(refusedKey.Code, refusedKey.Message, "ApiKey");
        }

        static bool Expired(Exception e) => e is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException;
        var expired = Expired(failure)
            || (failure is AggregateException aggregate && aggregate.InnerExceptions.Any(Expired));
        return expired
            ? new CredentialRefusal("TOKEN_EXPIRED", "The bearer token has expired.", "Bearer error=\"invalid_token\"")
            : new CredentialRefusal(
                "INVALID_TOKEN",
                "The bearer token is not valid (signature, issuer or audience).",
                "Bearer error=\"invalid_token\""
            );
    }

    /// <summary>
    /// Null for no Authorization header or a <c>Bearer</c> one; else what it is, for the error: "the 'Basic' scheme",
    /// or "a value without a scheme" (never echoing what may be a secret sent bare).
    /// </summary>
    private static string? OtherScheme(Microsoft.Extensions.Primitives.StringValues authorization)
    {
        if (authorization.Count == 0)
        {
            return null;
        }

        var value = (authorization[0] ?? "").Trim();
        var scheme = value.Split(' ', 2)[0];
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value.Length > scheme.Length ? null : "'Bearer' without a token";
        }

        return value.Length > scheme.Length && scheme.Length <= 20 && scheme.All(char.IsAsciiLetter)
            ? $"the '{scheme}' scheme"
            : "a value without a scheme";
    }
}
