using System.ComponentModel;

namespace InterAssociatif.Directory.Contracts;

/// <summary>GraphQL type names of the Directory, for modules that add fields to them or return them.</summary>
public static class DirectoryTypeNames
{
    public const string Organization = "Organization";
    public const string Person = "Person";
    public const string Theme = "Theme";
    public const string Affiliation = "Affiliation";
    public const string Membership = "Membership";
}

/// <summary>Kinds of organisation.</summary>
[Description("Whether an organisation is an association or an institution.")]
public enum OrganizationKind
{
    /// <summary>An association: a member or candidate of the network.</summary>
    [Description("An association (structure associative): a member or candidate of the network.")]
    Association,

    /// <summary>An institution: the State, the metropolitan authority, a CCAS…</summary>
    [Description("An institution (institution, collectivité, État): the préfecture, Nantes Métropole, a CCAS…")]
    Institution,
}

/// <summary>Where an organisation stands in the network on a given day.</summary>
[Description("Where an organisation stands in the network (l'inter-associatif) on a given day.")]
public enum MembershipStatus
{
    /// <summary>Never applied, or no application on file by that day.</summary>
    [Description("Not in the network on that day: never applied, or no application on file yet.")]
    None,

    /// <summary>Applied and not yet admitted (candidat).</summary>
    [Description("Applied and not yet admitted (candidat).")]
    Candidate,

    /// <summary>Admitted and not withdrawn (membre).</summary>
    [Description("Admitted and not withdrawn (membre).")]
    Member,

    /// <summary>Withdrawn (retrait).</summary>
    [Description("Withdrawn from the network (retrait).")]
    Withdrawn,
}

public sealed record OrganizationSummary(Guid Id, OrganizationKind Kind, string Name, string? Acronym, bool Archived);

public sealed record PersonSummary(Guid Id, string GivenName, string FamilyName);

/// <summary>What analyses split answers by: an organisation's kind, themes and neighbourhoods.</summary>
public sealed record OrganizationProfile(
    Guid Id, OrganizationKind Kind, IReadOnlyList<string> Themes, IReadOnlyList<string> Neighbourhoods);

/// <summary>Read-only access to the directory for other modules: by id only, batched.</summary>
public interface IDirectoryReader
{
    Task<IReadOnlyDictionary<Guid, OrganizationSummary>> GetOrganizationsAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, PersonSummary>> GetPeopleAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Whether the person works for the organisation on that day (an affiliation current on it).</summary>
    Task<bool> IsAffiliatedAsync(Guid personId, Guid organizationId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>The membership status of each organisation on <paramref name="asOf"/>.</summary>
    Task<IReadOnlyDictionary<Guid, MembershipStatus>> GetMembershipStatusAsync(
        IReadOnlyCollection<Guid> organizationIds, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The membership status of each (organisation, day) pair, for many days at once (one SQL command).
    /// </summary>
    Task<IReadOnlyDictionary<(Guid OrganizationId, DateOnly Day), MembershipStatus>> GetMembershipStatusesAsync(
        IReadOnlyCollection<(Guid OrganizationId, DateOnly Day)> pairs, CancellationToken cancellationToken);

    /// <summary>
    /// The organisations whose status in the network on <paramref name="asOf"/> is one of <paramref name="statuses"/>
    /// (one SQL command).
    /// </summary>
    Task<IReadOnlyList<Guid>> GetNetworkOrganizationIdsAsync(
        DateOnly asOf, IReadOnlyCollection<MembershipStatus> statuses, CancellationToken cancellationToken);

    /// <summary>
    /// Finds an organisation by name, insensitive to case, accents and punctuation (for demo data of other modules).
    /// </summary>
    Task<Guid?> FindOrganizationIdByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>The theme with this name (case, accents and punctuation ignored), if any.</summary>
    Task<Guid?> FindThemeIdByNameAsync(string name, CancellationToken cancellationToken);

    Task<Guid?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Kind, theme names and neighbourhoods of each organisation (three SQL commands).</summary>
    Task<IReadOnlyDictionary<Guid, OrganizationProfile>> GetOrganizationProfilesAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
