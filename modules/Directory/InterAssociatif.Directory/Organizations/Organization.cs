namespace InterAssociatif.Directory.Organizations;

/// <summary>An association or an institution (structure, collectivité, État).</summary>
internal sealed class Organization : IHasId, IVersioned
{
    public const int NameMaxLength = 200;
    public const int AcronymMaxLength = 40;
    public const int DescriptionMaxLength = 4000;
    public const int WebsiteMaxLength = 300;

    public Guid Id { get; set; }

    public OrganizationKind Kind { get; set; }

    [MaxLength(NameMaxLength)] public string Name { get; set; } = "";

    /// <summary>The name without case, accents or punctuation: unique, and the sort key.</summary>
    [MaxLength(NameMaxLength)] public string NameKey { get; set; } = "";

    /// <summary>Name and acronym without case, accents or punctuation: what search compares in SQL.</summary>
    [MaxLength(Organization.NameMaxLength + Organization.AcronymMaxLength)] public string SearchKey { get; set; } = "";

    [MaxLength(AcronymMaxLength)] public string? Acronym { get; set; }

    [MaxLength(DescriptionMaxLength)] public string? Description { get; set; }

    [MaxLength(WebsiteMaxLength)] public string? Website { get; set; }

    /// <summary>
    /// The organisation this one is a unit of (a mission of Nantes Métropole, a bureau of the préfecture).
    /// </summary>
    public Guid? ParentId { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token: incremented by every change.</summary>
    public int Version { get; set; }

    public List<OrganizationNeighbourhood> Neighbourhoods { get; set; } = [];

    public List<OrganizationTheme> Themes { get; set; } = [];

    public List<Membership> Memberships { get; set; } = [];

    public List<Affiliation> Affiliations { get; set; } = [];

    public void SetName(string name)
    {
        Name = name;
        NameKey = Kernel.Text.SearchText.Key(name);
        SearchKey = Kernel.Text.SearchText.Key($"{name} {Acronym}");
    }

    public void SetAcronym(string? acronym)
    {
        Acronym = acronym;
        SearchKey = Kernel.Text.SearchText.Key($"{Name} {acronym}");
    }
}

/// <summary>A priority neighbourhood (QPV) an organisation serves.</summary>
internal sealed class OrganizationNeighbourhood
{
    public const int NameMaxLength = 120;

    public Guid OrganizationId { get; set; }

    [MaxLength(NameMaxLength)] public string Name { get; set; } = "";

    [MaxLength(NameMaxLength)] public string NameKey { get; set; } = "";
}

/// <summary>A theme an organisation is interested in.</summary>
internal sealed class OrganizationTheme
{
    public Guid OrganizationId { get; set; }

    public Guid ThemeId { get; set; }

    public Theme? Theme { get; set; }
}
