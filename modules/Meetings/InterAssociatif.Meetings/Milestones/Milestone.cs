using System.ComponentModel;
using InterAssociatif.Kernel;

namespace InterAssociatif.Meetings.Milestones;

internal enum DatePrecision
{
    [Description("A known day.")]
    Day,

    [Description("A month only (« courant octobre », « novembre », « début décembre »): the date is the month's first day.")]
    Month,
}

/// <summary>A step a meeting announces (« les étapes »), optionally fulfilled later by a meeting.</summary>
internal sealed class Milestone : IHasId
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; set; }

    /// <summary>The meeting that announced it.</summary>
    public Guid MeetingId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    /// <summary>The last day, for a step that spans days (a call for applications).</summary>
    public DateOnly? EndDate { get; set; }

    public DatePrecision Precision { get; set; }

    /// <summary>Where it sits in a timeline: its day, or the last day of its month when only the month is known.</summary>
    public DateOnly SortDate { get; set; }

    /// <summary>The meeting that fulfilled it, once known.</summary>
    public Guid? FulfilledByMeetingId { get; set; }

    public int Version { get; set; }

    public static DateOnly SortDateOf(DateOnly date, DatePrecision precision) =>
        precision == DatePrecision.Month ? new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)) : date;
}
