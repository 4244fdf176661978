namespace InterAssociatif.Meetings.Milestones;

[CoordinatorMutation(MeetingsTypeNames.Milestone, "Records a step a meeting announces.")]
[Description("A step a meeting announces.")]
internal sealed record AnnounceMilestoneInput(
    [Description("The meeting that announces it."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("What the step is."), Line(Milestone.TitleMaxLength)] string Title,
    [Description(
        "Its day; with MONTH precision, the day that places it in the timeline (the 1st for « début », the 15th for "
        + "« courant »).")]
    DateOnly Date,
    [Description("Its last day, for a step over several days.")] DateOnly? EndDate,
    [Description("DAY (default) or MONTH.")] DatePrecision? Precision,
    [Description("The meeting that fulfilled it, if already known."), References(MeetingsTypeNames.Meeting)]
    Guid? FulfilledByMeetingId);

[CoordinatorMutation(MeetingsTypeNames.Milestone, "Links a step to the meeting that fulfilled it.")]
[Description("Links a step to the meeting that fulfilled it.")]
internal sealed record FulfilMilestoneInput(
    [Description("The milestone."), References(MeetingsTypeNames.Milestone)] Guid Id,
    [Description("The meeting that fulfilled it; null to unlink."), References(MeetingsTypeNames.Meeting)]
    Guid? MeetingId);
