namespace InterAssociatif.Meetings.Attendance;

/// <summary>Invitations, attendance and the distribution list of a meeting.</summary>
internal sealed class AttendanceService(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Meeting>> InviteAsync(
        InviteToMeetingInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (meetingId, organizationIds, personIds) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var meeting = await change.FindAsync(db.Meetings, meetingId, "meetingId", MeetingsTypeNames.Meeting, "meeting");
        var existing = await db.Invitations.Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        var ids = new SequentialIds(time.GetUtcNow());
        db.Invitations.AddRange(organizationIds.Distinct().Where(o => existing.All(i => i.OrganizationId != o))
            .Select(o => new Invitation { Id = ids.Next(), MeetingId = meetingId, OrganizationId = o }));
        db.Invitations.AddRange(personIds.Distinct().Where(p => existing.All(i => i.PersonId != p))
            .Select(p => new Invitation { Id = ids.Next(), MeetingId = meetingId, PersonId = p }));
        return await change.CommitAsync(meeting, "meeting");
    }

    /// <summary>Attendance is recorded only once a meeting has started, and once per person.</summary>
    public async Task<MutationResult<AttendanceRecord>> RecordAsync(
        RecordAttendanceInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var meeting = await change.FindAsync(
            db.Meetings, command.MeetingId, "meetingId", MeetingsTypeNames.Meeting, "meeting");
        if (meeting is null)
        {
            return change.Fail<AttendanceRecord>();
        }

        if (!meeting.HasStarted(time.GetUtcNow()))
        {
            errors.Add(new ConflictError("meetingId", "Attendance is recorded only for a meeting that has started."));
        }
        else if (meeting.Status == MeetingStatus.Cancelled)
        {
            errors.Add(new ConflictError("meetingId", "This meeting was cancelled."));
        }

        if (await db.Attendance.AnyAsync(
            a => a.MeetingId == command.MeetingId && a.PersonId == command.PersonId, cancellationToken))
        {
            errors.Add(
                new ConflictError(
                    "personId",
                    "This person's attendance is already recorded for this meeting; change it with "
                    + "`changeAttendance`."));
        }

        var now = time.GetUtcNow();
        var record = command.Adapt(
            new AttendanceRecord { Id = Guid.CreateVersion7(now), RecordedAt = now, Version = 1 });
        db.Attendance.Add(record);
        return await change.CommitAsync(
            record, "attendance", "personId", "This person's attendance is already recorded for this meeting.");
    }

    public async Task<MutationResult<AttendanceRecord>> ChangeAsync(
        ChangeAttendanceInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, expectedVersion, status) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var record = await change.FindAsync(
            change.Db.Attendance, id, "id", MeetingsTypeNames.Attendance, "attendance", expectedVersion);
        if (record is not null)
        {
            record.Status = status;
            record.Version++;
        }

        return await change.CommitAsync(record, "attendance");
    }

    /// <summary>
    /// Replaces the distribution list; an empty list brings back the default (participants and excused).
    /// </summary>
    public async Task<MutationResult<Meeting>> SetDistributionAsync(
        SetDistributionListInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (meetingId, organizationIds, personIds) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var meeting = await change.FindAsync(db.Meetings, meetingId, "meetingId", MeetingsTypeNames.Meeting, "meeting");
        await db.DistributionRecipients.Where(d => d.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
        var ids = new SequentialIds(time.GetUtcNow());
        db.DistributionRecipients.AddRange(
            organizationIds.Distinct()
                .Select(o => new DistributionRecipient { Id = ids.Next(), MeetingId = meetingId, OrganizationId = o }));
        db.DistributionRecipients.AddRange(
            personIds.Distinct()
                .Select(p => new DistributionRecipient { Id = ids.Next(), MeetingId = meetingId, PersonId = p }));
        return await change.CommitAsync(meeting, "meeting");
    }
}
