namespace InterAssociatif.Governance.Seats;

/// <summary>A seat for associations at one session (a meeting) of a body, held by a member organisation.</summary>
internal sealed class Seat : IHasId
{
    public Guid Id { get; set; }

    public Guid BodyId { get; set; }

    /// <summary>The session (Meetings module id).</summary>
    public Guid MeetingId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The person the organisation delegates (Directory id), when known.</summary>
    public Guid? DelegatePersonId { get; set; }

    public DateTimeOffset AssignedAt { get; set; }
}

[Description("A planned session is a DRAFT until a coordinator CONFIRMS it.")]
internal enum RotationSessionStatus
{
    [Description("Proposed by the planner; recomputing the plan replaces it.")]
    Draft,

    [Description("Confirmed by a coordinator; recomputing the plan keeps it as it is.")]
    Confirmed,
}

/// <summary>A planned session of a body's seat rotation, numbered from 1 in the order the sessions come.</summary>
internal sealed class RotationSession
{
    public Guid BodyId { get; set; }

    public int Number { get; set; }

    public RotationSessionStatus Status { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public List<RotationEntry> Entries { get; set; } = [];
}

/// <summary>An organisation seated in, or opted out of, a planned session.</summary>
internal sealed class RotationEntry
{
    public Guid BodyId { get; set; }

    public int Number { get; set; }

    public Guid OrganizationId { get; set; }

    public bool OptedOut { get; set; }
}
