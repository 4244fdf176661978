namespace InterAssociatif.Meetings.Persistence;

/// <summary>The Meetings module's published read contract; every call is one SQL command.</summary>
internal sealed class MeetingsReader(IDbContextFactory<MeetingsDbContext> factory) : IMeetingsReader
{
    public async Task<IReadOnlyDictionary<Guid, MeetingSummary>> GetMeetingsAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.Where(m => keys.Contains(m.Id))
            .ProjectToType<MeetingSummary>()
            .ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, Guid>> GetAgendaItemMeetingsAsync(
        IReadOnlyCollection<Guid> agendaItemIds, CancellationToken cancellationToken)
    {
        var keys = agendaItemIds.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AgendaItems.Where(a => keys.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.MeetingId, cancellationToken);
    }

    public async Task<Guid?> FindMeetingIdAsync(string title, DateOnly day, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
        var to = from.AddHours(52);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.Where(m => m.Title == title && m.StartsAt >= from && m.StartsAt < to)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Guid?> FindAgendaItemIdAsync(Guid meetingId, string title, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.ParentId == null && i.Title == title)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
