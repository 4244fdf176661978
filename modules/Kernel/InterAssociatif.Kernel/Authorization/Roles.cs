namespace InterAssociatif.Kernel.Authorization;

/// <summary>The roles of the system and the claims that carry them.</summary>
public static class Roles
{
    /// <summary>The Mission Politique de la Ville: may do everything.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>A representative bound to one organisation.</summary>
    public const string Member = "member";

    /// <summary>Reads survey aggregates; no personal data.</summary>
    public const string Analyst = "analyst";

    /// <summary>A partner tool with an API key.</summary>
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Coordinator, Member, Analyst, Partner];

    /// <summary>Every authenticated role.</summary>
    public static readonly string[] Authenticated = [Coordinator, Member, Analyst, Partner];
}

/// <summary>Names of the claims the host puts in (or maps into) a caller's identity.</summary>
public static class InterAssociatifClaims
{
    public const string Role = "role";
    public const string Subject = "sub";

    /// <summary>The organisation a member represents (its raw GUID).</summary>
    public const string Organization = "org";

    /// <summary>The person record of the caller, when the caller is a person of the directory (its raw GUID).</summary>
    public const string Person = "person";
}

/// <summary>Reads the caller's role and bindings from the claims.</summary>
public static class CallerExtensions
{
    public static bool IsCoordinator(this ClaimsPrincipal? user) => user?.IsInRole(Roles.Coordinator) == true;

    public static Guid? PersonId(this ClaimsPrincipal? user) =>
        ParseGuid(user?.FindFirst(InterAssociatifClaims.Person)?.Value);

    public static Guid? OrganizationId(this ClaimsPrincipal? user) =>
        ParseGuid(user?.FindFirst(InterAssociatifClaims.Organization)?.Value);

    /// <summary>
    /// Who the caller is, for records it owns: <c>key:{id}</c> for a partner tool's API key, <c>user:{subject}</c>
    /// for a person's token. Not part of <see cref="AuthorizationKey"/>, so no field a subscription can reach may
    /// read it (owned records — webhook endpoints — are reached by queries and mutations only; a test holds it).
    /// </summary>
    public static string Owner(this ClaimsPrincipal? user) =>
        user?.FindFirst(Scopes.CredentialClaimType)?.Value is { } credential
            ? $"key:{credential}"
            : $"user:{user?.FindFirst(InterAssociatifClaims.Subject)?.Value}";

    /// <summary>
    /// Everything a resolver may read of the caller, as one string: its roles, organisation, person and
    /// scopes, and whether it holds a credential. Callers with the same key see the same data, so a
    /// result computed for one may be given to the other. Resolvers read the caller only through these
    /// extensions, <see cref="ClaimsPrincipal.IsInRole"/> and <see cref="Scopes"/> (an architecture test holds it).
    /// </summary>
    public static string AuthorizationKey(this ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return "";
        }

        var roleTypes = user.Identities.Select(i => i.RoleClaimType).Append(InterAssociatifClaims.Role).ToHashSet();
        var read = user.Claims
            .Where(c => roleTypes.Contains(c.Type) || c.Type is InterAssociatifClaims.Organization
                or InterAssociatifClaims.Person or Scopes.ClaimType)
            .Select(c => $"{(roleTypes.Contains(c.Type) ? InterAssociatifClaims.Role : c.Type)}={c.Value}")
            .Append(user.HasClaim(c => c.Type == Scopes.CredentialClaimType) ? "credential" : "authenticated")
            .Distinct()
            .Order(StringComparer.Ordinal);
        return string.Join('\n', read);
    }

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
