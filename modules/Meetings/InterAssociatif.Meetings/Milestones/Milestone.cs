namespace InterAssociatif.Meetings.Milestones;

[Description("How precise a date is: a day, or only a month.")]
internal enum DatePrecision
{
    [Description("A known day.")]
    Day,

    [Description(
        "A month only (« courant octobre », « novembre », « début décembre »): show the month; the day only places the "
        + "step in the timeline.")]
    Month,
}

/// <summary>A step a meeting announces (« les étapes »), optionally fulfilled later by a meeting.</summary>
internal sealed class Milestone : IHasId
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; set; }

    /// <summary>The meeting that announced it.</summary>
    public Guid MeetingId { get; set; }

    [MaxLength(TitleMaxLength)] public string Title { get; set; } = "";

    /// <summary>
    /// Its day; with MONTH precision only the month is meaningful and the day is its place in the timeline.
    /// </summary>
    public DateOnly Date { get; set; }

    /// <summary>The last day, for a step that spans days (a call for applications).</summary>
    public DateOnly? EndDate { get; set; }

    [MaxLength(10)] public DatePrecision Precision { get; set; }

    /// <summary>The meeting that fulfilled it, once known.</summary>
    public Guid? FulfilledByMeetingId { get; set; }

    public int Version { get; set; }
}
