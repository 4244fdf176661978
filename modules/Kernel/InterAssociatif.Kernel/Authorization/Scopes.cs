namespace InterAssociatif.Kernel.Authorization;

/// <summary>
/// What a partner credential (an API key) may reach, on top of its role. A type or field declares
/// the scope it belongs to; a caller whose identity carries <c>scope</c> claims (an API key) reaches
/// it only with that scope. People (JWT) carry no scope claims and are held to their roles alone.
/// </summary>
public static class Scopes
{
    /// <summary>The decision register: decisions, follow-ups, escalated requests.</summary>
    public const string ReadDecisions = "decisions:read";

    /// <summary>The decision and follow-up feeds (subscriptions).</summary>
    public const string SubscribeDecisions = "decisions:subscribe";

    /// <summary>The directory: organisations, people, themes.</summary>
    public const string ReadDirectory = "directory:read";

    public static readonly IReadOnlyList<string> All = [ReadDecisions, SubscribeDecisions, ReadDirectory];

    /// <summary>
    /// A scope as the API names it (the <c>ApiKeyScope</c> enum value), e.g. <c>SUBSCRIBE_DECISIONS</c>.
    /// </summary>
    public static string ApiName(string scope) => scope switch
    {
        ReadDecisions => "READ_DECISIONS",
        SubscribeDecisions => "SUBSCRIBE_DECISIONS",
        ReadDirectory => "READ_DIRECTORY",
        _ => scope,
    };

    /// <summary>Claim type carrying one scope of the caller's credential.</summary>
    public const string ClaimType = "scope";

    /// <summary>Claim type carrying the id of the caller's credential (an API key).</summary>
    public const string CredentialClaimType = "credential";

    internal const string MetadataKey = "InterAssociatif.Scope";

    /// <summary>Declares the scope a partner credential needs to reach this type or field.</summary>
    public static TMetadataWriter RequireScope<TMetadataWriter>(this TMetadataWriter provider, string scope)
        where TMetadataWriter : IMetadataWriter
    {
        provider.Metadata[MetadataKey] = scope;
        return provider;
    }

    /// <summary>
    /// Whether the caller reaches what <paramref name="scope"/> covers: a person always, an API key when it holds it.
    /// </summary>
    public static bool Allows(ClaimsPrincipal? user, string scope) =>
        user?.HasClaim(c => c.Type == CredentialClaimType) != true || user.HasClaim(ClaimType, scope);

    /// <summary>
    /// Whether the caller is held to scopes (an API key) and lacks the one <paramref name="metadata"/> declares.
    /// </summary>
    public static string? MissingScope(IMetadataReader metadata, ClaimsPrincipal? user)
    {
        var required = metadata.GetMetadata(MetadataKey, (string?)null);
        if (required is null || user is null || !user.HasClaim(c => c.Type == CredentialClaimType))
        {
            return null;
        }

        return user.HasClaim(ClaimType, required) ? null : required;
    }
}
