using System.ComponentModel;

namespace InterAssociatif.Host.Access;

[Description("What a partner's API key may reach.")]
internal enum ApiKeyScope
{
    [Description("Read the decision register: decisions, follow-ups, escalated requests.")]
    ReadDecisions,

    [Description("Subscribe to decisionRecorded and followUpChanged, and manage its own webhook endpoints.")]
    SubscribeDecisions,

    [Description("Read the directory's organisations, people (their public fields) and themes.")]
    ReadDirectory,
}

/// <summary>The scopes as the API names them and as tokens and keys carry them.</summary>
internal static class ApiKeyScopes
{
    public static string Claim(ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.ReadDecisions => Scopes.ReadDecisions,
        ApiKeyScope.SubscribeDecisions => Scopes.SubscribeDecisions,
        _ => Scopes.ReadDirectory,
    };

    public static ApiKeyScope FromClaim(string claim) => Enum.GetValues<ApiKeyScope>().Single(s => Claim(s) == claim);
}

[Description("A new key for a partner tool.")]
internal sealed record IssueApiKeyInput(
    [Description("Who it is for."), Line(ApiKey.NameMaxLength)] string Name,
    [Description("What it may reach (at least one)."), Required] IReadOnlyList<ApiKeyScope> Scopes,
    [Description("When it stops working; default never.")] DateTimeOffset? ExpiresAt);

[Description("Revokes a key: refused from the next request on, its open subscriptions closed.")]
internal sealed record RevokeApiKeyInput([Description("The key."), References(ApiKeyService.TypeName)] Guid Id);

[Description("Narrows the audit trail; all given conditions hold.")]
internal sealed record AuditFilter(
    [Description("Mutations that changed or named this object.")][property: GraphQL.Id] string? ObjectId,
    [Description("Mutations by this subject.")] string? Subject,
    [Description("At or after this instant.")] DateTimeOffset? From,
    [Description("Before this instant.")] DateTimeOffset? To);
