using InterAssociatif.Meetings.Meetings;

namespace InterAssociatif.Meetings.Attendance;

/// <summary>Invitations, attendance and the distribution list of a meeting.</summary>
internal sealed class AttendanceService(IDbContextFactory<MeetingsDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public async Task<MutationResult<Meeting>> InviteAsync(Guid meetingId, IReadOnlyList<Guid> organizationIds, IReadOnlyList<Guid> personIds, ErrorList errors, CancellationToken cancellationToken)
    {
        await CheckDirectoryAsync(errors, "organizationIds", organizationIds, "personIds", personIds, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            errors.Add(MeetingService.NotFound("meetingId", meetingId));
        }

        if (errors.Any)
        {
            return MutationResult<Meeting>.Fail(errors.Items);
        }

        var existing = await db.Invitations.Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var organizationId in organizationIds.Distinct().Where(o => existing.All(i => i.OrganizationId != o)))
        {
            db.Invitations.Add(new Invitation { Id = Guid.CreateVersion7(now), MeetingId = meetingId, OrganizationId = organizationId });
        }

        foreach (var personId in personIds.Distinct().Where(p => existing.All(i => i.PersonId != p)))
        {
            db.Invitations.Add(new Invitation { Id = Guid.CreateVersion7(now), MeetingId = meetingId, PersonId = personId });
        }

        return await db.CommitAsync(transaction, meeting!, "meeting", cancellationToken);
    }

    /// <summary>Attendance is recorded only once a meeting has started, and once per person.</summary>
    public async Task<MutationResult<AttendanceRecord>> RecordAsync(RecordAttendanceInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await CheckDirectoryAsync(errors, "organizationId", [command.OrganizationId], "personId", [command.PersonId], cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == command.MeetingId, cancellationToken);
        if (meeting is null)
        {
            errors.Add(MeetingService.NotFound("meetingId", command.MeetingId));
        }
        else if (!meeting.HasStarted(time.GetUtcNow()))
        {
            errors.Add(new ConflictError("meetingId", "Attendance is recorded only for a meeting that has started."));
        }
        else if (meeting.Status == MeetingStatus.Cancelled)
        {
            errors.Add(new ConflictError("meetingId", "This meeting was cancelled."));
        }

        if (await db.Attendance.AnyAsync(a => a.MeetingId == command.MeetingId && a.PersonId == command.PersonId, cancellationToken))
        {
            errors.Add(new ConflictError("personId", "This person's attendance is already recorded for this meeting; change it with `changeAttendance`."));
        }

        if (errors.Any)
        {
            return MutationResult<AttendanceRecord>.Fail(errors.Items);
        }

        var record = new AttendanceRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            MeetingId = command.MeetingId,
            PersonId = command.PersonId,
            OrganizationId = command.OrganizationId,
            Status = command.Status,
            RecordedAt = time.GetUtcNow(),
            Version = 1,
        };
        db.Attendance.Add(record);
        return await db.CommitAsync(transaction, record, "attendance", cancellationToken, "personId", "This person's attendance is already recorded for this meeting.");
    }

    public async Task<MutationResult<AttendanceRecord>> ChangeAsync(Guid id, AttendanceStatus status, int? expectedVersion, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Attendance.AsTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record is null)
        {
            return MutationResult<AttendanceRecord>.Fail(new NotFoundError("id", "No attendance has this id.", GlobalId.Encode(MeetingsTypeNames.Attendance, id)));
        }

        if (expectedVersion is { } expected && expected != record.Version)
        {
            return MutationResult<AttendanceRecord>.Fail(new ConflictError("version", "The attendance was changed meanwhile; reload it and try again."));
        }

        record.Status = status;
        record.Version++;
        return await db.CommitAsync(transaction, record, "attendance", cancellationToken);
    }

    /// <summary>Replaces the distribution list; an empty list brings back the default (participants and excused).</summary>
    public async Task<MutationResult<Meeting>> SetDistributionAsync(Guid meetingId, IReadOnlyList<Guid> organizationIds, IReadOnlyList<Guid> personIds, ErrorList errors, CancellationToken cancellationToken)
    {
        await CheckDirectoryAsync(errors, "organizationIds", organizationIds, "personIds", personIds, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            errors.Add(MeetingService.NotFound("meetingId", meetingId));
        }

        if (errors.Any)
        {
            return MutationResult<Meeting>.Fail(errors.Items);
        }

        await db.DistributionRecipients.Where(d => d.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.DistributionRecipients.AddRange(organizationIds.Distinct().Select(o => new DistributionRecipient { Id = Guid.CreateVersion7(now), MeetingId = meetingId, OrganizationId = o }));
        db.DistributionRecipients.AddRange(personIds.Distinct().Select(p => new DistributionRecipient { Id = Guid.CreateVersion7(now), MeetingId = meetingId, PersonId = p }));
        return await db.CommitAsync(transaction, meeting!, "meeting", cancellationToken);
    }

    private async Task CheckDirectoryAsync(ErrorList errors, string organizationsField, IReadOnlyList<Guid> organizationIds, string peopleField, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken)
    {
        var organizations = organizationIds.Count == 0 ? new Dictionary<Guid, OrganizationSummary>() : await directory.GetOrganizationsAsync(organizationIds, cancellationToken);
        var people = personIds.Count == 0 ? new Dictionary<Guid, PersonSummary>() : await directory.GetPeopleAsync(personIds, cancellationToken);
        Report(errors, organizationsField, organizationIds, organizations.ContainsKey, DirectoryTypeNames.Organization, "organisation");
        Report(errors, peopleField, personIds, people.ContainsKey, DirectoryTypeNames.Person, "person");
    }

    private static void Report(ErrorList errors, string field, IReadOnlyList<Guid> ids, Func<Guid, bool> known, string typeName, string what)
    {
        var single = !field.EndsWith("Ids", StringComparison.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] != Guid.Empty && !known(ids[i]))
            {
                errors.Add(new NotFoundError(single ? field : $"{field}[{i}]", $"No {what} has this id.", GlobalId.Encode(typeName, ids[i])));
            }
        }
    }
}
