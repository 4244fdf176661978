using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.GraphQL;

namespace InterAssociatif.Directory.Organizations;

internal sealed record CreateOrganization(
    OrganizationKind Kind,
    string? Name,
    string? Acronym,
    string? Description,
    string? Website,
    IReadOnlyList<string> Neighbourhoods,
    IReadOnlyList<Guid> ThemeIds,
    Guid? ParentId);

/// <summary>A partial update: unset fields stay as they are; a null clears an optional field.</summary>
internal sealed record UpdateOrganization(
    Guid Id,
    int? ExpectedVersion,
    Optional<OrganizationKind> Kind,
    Optional<string?> Name,
    Optional<string?> Acronym,
    Optional<string?> Description,
    Optional<string?> Website,
    Optional<IReadOnlyList<string>> Neighbourhoods,
    Optional<IReadOnlyList<Guid>> ThemeIds,
    Optional<Guid?> ParentId);

/// <summary>Published after an organisation is created, changed, archived or restored.</summary>
internal sealed record OrganizationChanged(Guid OrganizationId, string Change, DateTimeOffset At);
