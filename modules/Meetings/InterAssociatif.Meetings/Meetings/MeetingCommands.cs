namespace InterAssociatif.Meetings.Meetings;

[Description("Where a meeting takes place.")]
internal sealed record MeetingPlaceInput(
    [Description("The venue."), Line(Meeting.PlaceMaxLength)] string? Name,
    [Description("Its address."), Line(Meeting.PlaceMaxLength)] string? Address,
    [Description("The neighbourhood (QPV) it is in."), Line(Meeting.PlaceMaxLength)] string? Neighbourhood);

[CoordinatorMutation(MeetingsTypeNames.Meeting, "Schedules a meeting.")]
[Description("A new meeting.")]
internal sealed record ScheduleMeetingInput(
    [Line(Meeting.TitleMaxLength)] string Title,
    [Description("What it is about."), Text(Meeting.DescriptionMaxLength)] string? Description,
    [Description("When it starts.")] DateTimeOffset StartsAt,
    [Description("When it ends: after it starts, within 7 days.")] DateTimeOffset EndsAt,
    [Description("Where it takes place.")] MeetingPlaceInput? Place,
    [Description("The organisation that convenes it."), References(DirectoryTypeNames.Organization)] Guid? OrganizerId);

[CoordinatorMutation(MeetingsTypeNames.Meeting, "Changes a meeting: title, times, place, organiser, status.")]
[Description("Changes to a meeting; omitted fields stay as they are.")]
internal sealed record UpdateMeetingInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid Id,
    [Description("The `version` you read, to detect a concurrent change.")] int? Version,
    [Description("The title."), Line(Meeting.TitleMaxLength, NotEmpty = true)] Optional<string?> Title,
    [Description("What it is about."), Text(Meeting.DescriptionMaxLength)] Optional<string?> Description,
    [Description("When it starts.")] Optional<DateTimeOffset> StartsAt,
    [Description("When it ends.")] Optional<DateTimeOffset> EndsAt,
    [Description("Where it takes place (replaces the place; null clears it).")] Optional<MeetingPlaceInput?> Place,
    [Description("The organisation that convenes it."), References(DirectoryTypeNames.Organization)]
    Optional<Guid?> OrganizerId,
    [Description("HELD once it has started; CANCELLED unless it was held.")] Optional<MeetingStatus> Status);

[Description("Narrows a list of meetings (calendar queries). All given conditions must hold.")]
internal sealed record MeetingFilter(
    [Description("Upcoming or past meetings.")] MeetingWhen? When,
    [Description("Meetings ending at or after this instant.")] DateTimeOffset? From,
    [Description("Meetings starting before this instant.")] DateTimeOffset? To,
    [Description("Meetings convened by this organisation."), References(DirectoryTypeNames.Organization)]
    Guid? OrganizerId,
    [Description("Meetings convened by or inviting this organisation."), References(DirectoryTypeNames.Organization)]
    Guid? OrganizationId,
    [Description("Meetings held in this neighbourhood (compared without case or accents).")] string? Neighbourhood,
    [Description("Only these statuses.")] IReadOnlyList<MeetingStatus> Statuses)
{
    public static MeetingFilter None { get; } = new(null, null, null, null, null, null, []);
}

[Description("Upcoming or past, relative to now.")]
internal enum MeetingWhen
{
    [Description("Meetings that have not ended yet.")]
    Upcoming,

    [Description("Meetings that have ended.")]
    Past,
}
