namespace InterAssociatif.Meetings.Attendance;

[CoordinatorMutation(MeetingsTypeNames.Meeting, "Invites organisations and people to a meeting.")]
[Description("Organisations and people to invite; those already invited are kept once.")]
internal sealed record InviteToMeetingInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("Organisations to invite."), References(DirectoryTypeNames.Organization)]
    IReadOnlyList<Guid> OrganizationIds,
    [Description("People to invite."), References(DirectoryTypeNames.Person)] IReadOnlyList<Guid> PersonIds);

[CoordinatorMutation(
    MeetingsTypeNames.Attendance,
    "Records whether a person attended a meeting that has started. Once per person and meeting.")]
[Description("A person's attendance at a meeting that has started, on behalf of an organisation.")]
internal sealed record RecordAttendanceInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("The person."), References(DirectoryTypeNames.Person)] Guid PersonId,
    [Description("The organisation they represent."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("Present, excused or absent.")] AttendanceStatus Status);

[CoordinatorMutation(MeetingsTypeNames.Attendance, "Corrects a recorded attendance.")]
[Description("Corrects a recorded attendance.")]
internal sealed record ChangeAttendanceInput(
    [Description("The attendance."), References(MeetingsTypeNames.Attendance)] Guid Id,
    [Description("The `version` you read.")] int? Version,
    [Description("The corrected status.")] AttendanceStatus Status);

[CoordinatorMutation(MeetingsTypeNames.Meeting, "Sets who receives the minutes.")]
[Description("Who receives the minutes; empty lists bring back the default (participants and excused).")]
internal sealed record SetDistributionListInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("Organisations that receive the minutes."), References(DirectoryTypeNames.Organization)]
    IReadOnlyList<Guid> OrganizationIds,
    [Description("People who receive the minutes."), References(DirectoryTypeNames.Person)]
    IReadOnlyList<Guid> PersonIds);
