namespace InterAssociatif.Meetings.Meetings;

/// <summary>
/// The calendar (<c>meetings</c>) filtered and sorted in SQL, compiled once per shape: which conditions are given,
/// upcoming or past, the sort.
/// </summary>
internal static class MeetingList
{
    public static PagedQuery<MeetingsDbContext, MeetingListArgs, Meeting> Pages { get; } = new(
        a => (a.When, a.From is null, a.To is null, a.OrganizerId is null, a.OrganizationId is null,
            a.NeighbourhoodKey.Length == 0, a.Statuses.Count == 0, a.NewestFirst),
        Apply);

    /// <summary>A filter's arguments as the query reads them, at <paramref name="now"/>.</summary>
    public static MeetingListArgs Args(MeetingFilter filter, bool newestFirst, DateTimeOffset now) => new(
        filter.When,
        now,
        filter.From,
        filter.To,
        filter.OrganizerId,
        filter.OrganizationId,
        SearchText.Key(filter.Neighbourhood),
        filter.Statuses ?? [],
        newestFirst);

    public static IQueryable<Meeting> Apply(MeetingsDbContext db, MeetingListArgs a)
    {
        IQueryable<Meeting> meetings = db.Meetings;
        meetings = a.When switch
        {
            MeetingWhen.Upcoming => meetings.Where(m => m.EndsAt >= a.Now && m.StartsAt >= a.NowLessMaxDuration),
            MeetingWhen.Past => meetings.Where(m => m.EndsAt < a.Now && m.StartsAt < a.Now),
            _ => meetings,
        };
        meetings = a.From is null
            ? meetings
            : meetings.Where(m => m.EndsAt >= a.From && m.StartsAt >= a.FromLessMaxDuration);
        meetings = a.To is null ? meetings : meetings.Where(m => m.StartsAt < a.To);
        meetings = a.OrganizerId is null ? meetings : meetings.Where(m => m.OrganizerId == a.OrganizerId);
        meetings = a.OrganizationId is null
            ? meetings
            : meetings.Where(m => m.OrganizerId == a.OrganizationId
                || db.Invitations.Any(i => i.MeetingId == m.Id && i.OrganizationId == a.OrganizationId));
        meetings = a.NeighbourhoodKey.Length == 0
            ? meetings
            : meetings.Where(m => m.PlaceNeighbourhoodKey == a.NeighbourhoodKey);
        meetings = a.Statuses.Count == 0 ? meetings : meetings.Where(m => a.Statuses.Contains(m.Status));
        return a.NewestFirst
            ? meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
    }
}

/// <summary>
/// What the calendar's query reads: the filter, the instant it is asked at, the sort. A condition on the end
/// (<c>EndsAt &gt;= Now</c>) is also written on the start, which the list's index is in the order of: a meeting ends
/// after it starts and lasts at most <see cref="MeetingRules.MaxDuration"/>, so one that ends after an instant starts
/// after that instant less the longest duration. The page is then a range of the index, not a walk from the oldest.
/// </summary>
internal sealed record MeetingListArgs(
    MeetingWhen? When,
    DateTimeOffset Now,
    DateTimeOffset? From,
    DateTimeOffset? To,
    Guid? OrganizerId,
    Guid? OrganizationId,
    string NeighbourhoodKey,
    IReadOnlyList<MeetingStatus> Statuses,
    bool NewestFirst)
{
    public DateTimeOffset NowLessMaxDuration => LessMaxDuration(Now);

    public DateTimeOffset? FromLessMaxDuration => From is { } from ? LessMaxDuration(from) : null;

    /// <summary>The instant the longest meeting before <paramref name="at"/>, or the earliest one (year 1).</summary>
    private static DateTimeOffset LessMaxDuration(DateTimeOffset at) =>
        at.UtcTicks - DateTimeOffset.MinValue.UtcTicks > MeetingRules.MaxDuration.Ticks
            ? at - MeetingRules.MaxDuration
            : DateTimeOffset.MinValue;
}
