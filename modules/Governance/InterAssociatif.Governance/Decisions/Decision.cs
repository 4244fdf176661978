namespace InterAssociatif.Governance.Decisions;

[Description("A decision's lifecycle: ADOPTED, then AMENDED (possibly again), or REVOKED.")]
internal enum DecisionStatus
{
    [Description("Adopted (actée).")]
    Adopted,

    [Description("Amended after its adoption.")]
    Amended,

    [Description("Revoked: it no longer applies.")]
    Revoked,
}

[Description("A follow-up is OPEN until DONE or CANCELLED.")]
internal enum FollowUpStatus
{
    [Description("To do.")]
    Open,

    [Description("Done.")]
    Done,

    [Description("Cancelled.")]
    Cancelled,
}

[Description("How precise a due date is: a day, or only a month.")]
internal enum DuePrecision
{
    [Description("A known day.")]
    Day,

    [Description("A month only (« novembre »): show the month; the day places it in lists.")]
    Month,
}

/// <summary>A decision of the register (relevé de décision), with where it came from.</summary>
internal sealed class Decision : IHasId
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 8000;

    public Guid Id { get; set; }

    public Guid BodyId { get; set; }

    /// <summary>The meeting it was taken in (Meetings id), if any.</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>The agenda item it came from (Meetings id), if any.</summary>
    public Guid? AgendaItemId { get; set; }

    [MaxLength(TitleMaxLength)] public string Title { get; set; } = "";

    [MaxLength(TextMaxLength)] public string? Text { get; set; }

    public DateOnly DecidedOn { get; set; }

    public DecisionStatus Status { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }

    public List<DecisionTheme> Themes { get; set; } = [];

    public List<DecisionStatusChange> History { get; set; } = [];

    public List<FollowUp> FollowUps { get; set; } = [];
}

internal sealed class DecisionTheme
{
    public Guid DecisionId { get; set; }

    public Guid ThemeId { get; set; }
}

/// <summary>One step of a decision's life: its adoption, an amendment, its revocation.</summary>
internal sealed class DecisionStatusChange
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid DecisionId { get; set; }

    public DecisionStatus Status { get; set; }

    public DateOnly On { get; set; }

    [MaxLength(NoteMaxLength)] public string? Note { get; set; }
}

/// <summary>A follow-up action of a decision (suivi / échéance): an owner, a due date, a status.</summary>
internal sealed class FollowUp : IHasId
{
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid DecisionId { get; set; }

    [MaxLength(DescriptionMaxLength)] public string Description { get; set; } = "";

    public Guid? OwnerOrganizationId { get; set; }

    public Guid? OwnerPersonId { get; set; }

    public DateOnly DueOn { get; set; }

    [MaxLength(10)] public DuePrecision DuePrecision { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateOnly? DoneOn { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// The durable log of governance events, written in the same transaction as the change it records.
/// Its sequence is the cursor a subscriber resumes from, so no committed event is ever missed.
/// </summary>
internal sealed class GovernanceEvent
{
    public const string DecisionRecorded = "DecisionRecorded";
    public const string FollowUpChanged = "FollowUpChanged";
    public const string DecisionStatusChanged = "DecisionStatusChanged";

    public long Sequence { get; set; }

    [MaxLength(40)] public string Kind { get; set; } = "";

    public Guid SubjectId { get; set; }

    public Guid BodyId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
