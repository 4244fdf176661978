namespace InterAssociatif.Directory.Themes;

/// <summary>A theme of the contrat de ville (thématique), from the catalogue coordinators keep.</summary>
internal sealed class Theme : IHasId, IVersioned
{
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2000;
    public const int MaxPosition = 10_000;

    public Guid Id { get; set; }

    [MaxLength(NameMaxLength)] public string Name { get; set; } = "";

    [MaxLength(NameMaxLength)] public string NameKey { get; set; } = "";

    [MaxLength(DescriptionMaxLength)] public string? Description { get; set; }

    /// <summary>Order in the catalogue.</summary>
    public int Position { get; set; }

    public int Version { get; set; }
}
