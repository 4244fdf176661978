namespace InterAssociatif.Meetings.Minutes;

[Description("Draft (projet de compte rendu) or published.")]
internal enum MinutesStatus
{
    [Description("A draft (projet de compte rendu): only coordinators read it.")]
    Draft,

    [Description("Published: the text is fixed; corrections add revisions.")]
    Published,
}

/// <summary>The minutes (compte rendu) of a meeting: a draft, then published revisions.</summary>
internal sealed class MinutesRecord : IHasId, IMeetingMinutes
{
    public const int TextMaxLength = 200_000;

    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public MinutesStatus Status { get; set; }

    /// <summary>The person who wrote it (Directory id).</summary>
    public Guid? AuthorId { get; set; }

    public DateOnly WrittenOn { get; set; }

    /// <summary>The draft's text (Markdown); after publication, the latest revision holds the text.</summary>
    [MaxLength(TextMaxLength)] public string DraftText { get; set; } = "";

    public int Version { get; set; }

    public List<MinutesRevision> Revisions { get; set; } = [];

    /// <summary>
    /// The latest revision as a card, when the minutes were read as a card (with it, in the same command); not
    /// mapped. Null for a draft, or when <see cref="CurrentCardRead"/> is false.
    /// </summary>
    public MinutesRevision? CurrentCard { get; set; }

    /// <summary>Whether <see cref="CurrentCard"/> was read with the minutes.</summary>
    public bool CurrentCardRead { get; set; }
}

/// <summary>A published text of the minutes; never changed once written.</summary>
internal sealed class MinutesRevision : IHasId
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid MinutesId { get; set; }

    /// <summary>1 for the first publication, then one more per correction.</summary>
    public int Number { get; set; }

    [MaxLength(MinutesRecord.TextMaxLength)] public string Text { get; set; } = "";

    /// <summary>What the correction changed; null for the first publication.</summary>
    [MaxLength(NoteMaxLength)] public string? Note { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
