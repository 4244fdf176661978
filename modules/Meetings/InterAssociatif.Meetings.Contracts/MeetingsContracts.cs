namespace InterAssociatif.Meetings.Contracts;

/// <summary>GraphQL type names of Meetings, for modules that add fields to them or return them.</summary>
public static class MeetingsTypeNames
{
    public const string Meeting = "Meeting";
    public const string AgendaItem = "AgendaItem";
    public const string Attendance = "Attendance";
    public const string Attachment = "Attachment";
    public const string Milestone = "Milestone";
    public const string Minutes = "Minutes";
}

public sealed record MeetingSummary(
    Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid? OrganizerId);

/// <summary>
/// Read-only access to meetings for other modules (Governance links decisions and bodies to meetings).
/// </summary>
public interface IMeetingsReader
{
    Task<IReadOnlyDictionary<Guid, MeetingSummary>> GetMeetingsAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The meeting an agenda item belongs to, for each known item.</summary>
    Task<IReadOnlyDictionary<Guid, Guid>> GetAgendaItemMeetingsAsync(
        IReadOnlyCollection<Guid> agendaItemIds, CancellationToken cancellationToken);

    Task<Guid?> FindMeetingIdAsync(string title, DateOnly day, CancellationToken cancellationToken);

    /// <summary>The top-level agenda item of a meeting with this title, if any.</summary>
    Task<Guid?> FindAgendaItemIdAsync(Guid meetingId, string title, CancellationToken cancellationToken);
}

/// <summary>
/// What a <c>Minutes</c> object resolves from: other modules that add fields to the type (Governance's downloads)
/// read the meeting it belongs to from it.
/// </summary>
public interface IMeetingMinutes
{
    Guid MeetingId { get; }
}
