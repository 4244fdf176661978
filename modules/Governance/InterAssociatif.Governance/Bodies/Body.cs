namespace InterAssociatif.Governance.Bodies;

[Description("What kind of body: the network, the steering committee, a thematic group, or another.")]
internal enum BodyKind
{
    [Description("The network itself (l'inter-associatif).")]
    Network,

    [Description("The steering committee of the contrat de ville (comité de pilotage).")]
    SteeringCommittee,

    [Description("A thematic group or workstream (groupe thématique, chantier).")]
    ThematicGroup,

    [Description("Any other body, e.g. the former group of 7 associations (G7).")]
    Other,
}

/// <summary>A body of the contrat de ville's governance, with its seat rules.</summary>
internal sealed class Body : IHasId
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxMeetingsPerYear = 366;
    public const int MaxAssociationSeats = 200;

    public Guid Id { get; set; }

    [MaxLength(30)] public BodyKind Kind { get; set; }

    [MaxLength(NameMaxLength)] public string Name { get; set; } = "";

    [MaxLength(NameMaxLength)] public string NameKey { get; set; } = "";

    [MaxLength(DescriptionMaxLength)] public string? Description { get; set; }

    /// <summary>The theme of a thematic group (Directory id).</summary>
    public Guid? ThemeId { get; set; }

    /// <summary>How many times a year it meets (the steering committee: 3).</summary>
    public int? MeetingsPerYear { get; set; }

    /// <summary>Seats for associations at each session (the steering committee: 7, held in rotation).</summary>
    public int? AssociationSeats { get; set; }

    public int Version { get; set; }
}

/// <summary>A meeting (Meetings module id) held by a body.</summary>
internal sealed class BodyMeeting
{
    public Guid MeetingId { get; set; }

    public Guid BodyId { get; set; }
}

/// <summary>An organisation taking part in a body (a thematic group), from a day, until a day.</summary>
internal sealed class Participation
{
    public Guid BodyId { get; set; }

    public Guid OrganizationId { get; set; }

    public DateOnly Since { get; set; }

    public DateOnly? Until { get; set; }
}
