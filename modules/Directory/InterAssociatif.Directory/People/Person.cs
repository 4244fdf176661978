namespace InterAssociatif.Directory.People;

/// <summary>A person: personal data (name, email, phone), read only by those the rules allow.</summary>
internal sealed class Person : IHasId, IVersioned
{
    public const int NameMaxLength = 100;
    public const int TitleMaxLength = 150;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;

    public Guid Id { get; set; }

    [MaxLength(NameMaxLength)] public string GivenName { get; set; } = "";

    [MaxLength(NameMaxLength)] public string FamilyName { get; set; } = "";

    [MaxLength(2 * Person.NameMaxLength)] public string SearchKey { get; set; } = "";

    [MaxLength(TitleMaxLength)] public string? Title { get; set; }

    [MaxLength(EmailMaxLength)] public string? Email { get; set; }

    [MaxLength(PhoneMaxLength)] public string? Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<Affiliation> Affiliations { get; set; } = [];

    public void SetNames(string givenName, string familyName)
    {
        GivenName = givenName;
        FamilyName = familyName;
        SearchKey = Kernel.Text.SearchText.Key($"{givenName} {familyName}");
    }
}

/// <summary>The role a person holds in an organisation.</summary>
[Description("The role a person holds in an organisation.")]
internal enum AffiliationRole
{
    Representative,
    Director,
    Staff,
    ElectedOfficial,
    CivilServant,
}

/// <summary>A person's tie to an organisation, with a role and dates.</summary>
internal sealed class Affiliation : IHasId
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid OrganizationId { get; set; }

    [MaxLength(30)] public AffiliationRole Role { get; set; }

    /// <summary>The person's title in this organisation (e.g. "Chef du Bureau Politique de la Ville").</summary>
    [MaxLength(Person.TitleMaxLength)] public string? Title { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public Person? Person { get; set; }

    public Organization? Organization { get; set; }

    public bool IsCurrentOn(DateOnly day) => (StartsOn is null || StartsOn <= day) && (EndsOn is null || EndsOn >= day);
}
