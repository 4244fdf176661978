namespace InterAssociatif.Directory.Organizations;

/// <summary>Published after an organisation is created, changed, archived or restored.</summary>
internal sealed record OrganizationChanged(Guid OrganizationId, string Change, DateTimeOffset At);

[CoordinatorMutation(DirectoryTypeNames.Organization, "Records a new organisation.")]
[Description("A new organisation.")]
internal sealed record CreateOrganizationInput(
    [Description("Association or institution.")] OrganizationKind Kind,
    [Description("The name; unique once case, accents and punctuation are ignored.")]
    [Line(Organization.NameMaxLength)]
    string Name,
    [Description("The acronym."), Line(Organization.AcronymMaxLength)] string? Acronym,
    [Description("What it does."), Text(Organization.DescriptionMaxLength)] string? Description,
    [Description("An absolute http or https address."), Line(Organization.WebsiteMaxLength)] string? Website,
    [Describe("The priority neighbourhoods (QPV) it serves, at most {0}.", OrganizationRules.MaxNeighbourhoods)]
    [Line(OrganizationNeighbourhood.NameMaxLength)]
    IReadOnlyList<string> Neighbourhoods,
    [Description("Ids of the themes it is interested in."), References(DirectoryTypeNames.Theme)]
    IReadOnlyList<Guid> ThemeIds,
    [Description("The organisation it is a unit of, if any."), References(DirectoryTypeNames.Organization)]
    Guid? ParentId);

[CoordinatorMutation(DirectoryTypeNames.Organization, "Changes an organisation's data.")]
[Description(
    "Changes to an organisation. Omitted fields stay as they are; null clears an optional field; lists replace the "
    + "current list.")]
internal sealed record UpdateOrganizationInput(
    [Description("The organisation to change."), References(DirectoryTypeNames.Organization)] Guid Id,
    [Description("The `version` you read; if it has changed since, nothing is written and a CONFLICT is returned.")]
    int? Version,
    [Description("Association or institution.")] Optional<OrganizationKind> Kind,
    [Description("The new name (cannot be cleared)."), Line(Organization.NameMaxLength, NotEmpty = true)]
    Optional<string?> Name,
    [Description("The acronym."), Line(Organization.AcronymMaxLength)] Optional<string?> Acronym,
    [Description("What it does."), Text(Organization.DescriptionMaxLength)] Optional<string?> Description,
    [Description("An absolute http or https address."), Line(Organization.WebsiteMaxLength)]
    Optional<string?> Website,
    [Description("The neighbourhoods it serves (replaces the list)."), Line(OrganizationNeighbourhood.NameMaxLength)]
    Optional<IReadOnlyList<string>> Neighbourhoods,
    [Description("Its themes (replaces the list)."), References(DirectoryTypeNames.Theme)]
    Optional<IReadOnlyList<Guid>> ThemeIds,
    [Description("The organisation it is a unit of; null to detach it."), References(DirectoryTypeNames.Organization)]
    Optional<Guid?> ParentId);

[CoordinatorMutation(
    DirectoryTypeNames.Organization,
    "Archives an organisation: it stays readable (others refer to it) but leaves lists by default. Nothing is "
        + "ever hard-deleted.",
    Handler = nameof(OrganizationService.ArchiveAsync))]
[CoordinatorMutation(DirectoryTypeNames.Organization, "Brings an archived organisation back into lists.",
    Name = "restoreOrganization", Handler = nameof(OrganizationService.RestoreAsync))]
[Description("The organisation to archive or restore.")]
internal sealed record ArchiveOrganizationInput(
    [Description("The organisation."), References(DirectoryTypeNames.Organization)] Guid Id,
    [Description("The `version` you read, to detect a concurrent change.")] int? Version);

[Description("Narrows a list of organisations. All given conditions must hold.")]
internal sealed record OrganizationFilter(
    [Description(
        "Words found in the name or acronym, ignoring case, accents and punctuation: `mozaik` finds MOZAÏK RH, `paq la "
        + "lune` finds PAQ'LA LUNE.")]
    string? Search,
    [Description("Only these kinds.")] IReadOnlyList<OrganizationKind> Kinds,
    [Description("Only organisations with one of these statuses in the network on `membershipAsOf`.")]
    IReadOnlyList<MembershipStatus> MembershipStatuses,
    [Description("The day `membershipStatuses` is evaluated on; default today.")] DateOnly? MembershipAsOf,
    [Description("Only organisations interested in at least one of these themes.")]
    [References(DirectoryTypeNames.Theme)]
    IReadOnlyList<Guid> ThemeIds,
    [Description("Only organisations serving this neighbourhood (QPV), compared without case or accents.")]
    string? Neighbourhood,
    [Description("Include archived organisations. Default false.")] bool? IncludeArchived)
{
    public static OrganizationFilter None { get; } = new(null, [], [], null, [], null, null);
}

[Description("One sort key of a list of organisations.")]
internal sealed record OrganizationOrder(
    [Description("What to sort by.")] OrganizationOrderField Field,
    [Description("Ascending (default) or descending.")] SortDirection? Direction);

[Description("What a list of organisations can be sorted by.")]
internal enum OrganizationOrderField
{
    [Description("By name, ignoring case, accents and punctuation.")]
    Name,

    [Description("By date of recording.")]
    CreatedAt,

    [Description("Associations first, then institutions.")]
    Kind,
}
