namespace InterAssociatif.Meetings.Meetings;

[Description("Where a meeting stands: planned, held or cancelled.")]
internal enum MeetingStatus
{
    [Description("Scheduled (prévue).")]
    Planned,

    [Description("Took place (tenue).")]
    Held,

    [Description("Cancelled (annulée).")]
    Cancelled,
}

/// <summary>A dated session (réunion, séance) of a body of the network.</summary>
internal sealed class Meeting : IHasId, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceMaxLength = 200;

    public Guid Id { get; set; }

    [MaxLength(TitleMaxLength)] public string Title { get; set; } = "";

    [MaxLength(DescriptionMaxLength)] public string? Description { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    [MaxLength(PlaceMaxLength)] public string? PlaceName { get; set; }

    [MaxLength(PlaceMaxLength)] public string? PlaceAddress { get; set; }

    /// <summary>
    /// The neighbourhood (QPV) of the place: the network wants the place to rotate among neighbourhoods.
    /// </summary>
    [MaxLength(PlaceMaxLength)] public string? PlaceNeighbourhood { get; set; }

    [MaxLength(PlaceMaxLength)] public string? PlaceNeighbourhoodKey { get; set; }

    /// <summary>The organisation that convenes it (Directory id).</summary>
    public Guid? OrganizerId { get; set; }

    public MeetingStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public bool HasStarted(DateTimeOffset now) => StartsAt <= now;
}
