namespace InterAssociatif.Meetings.Minutes;

/// <summary>
/// The minutes' lifecycle: a draft (with an author and a "written on" day) is edited, then published;
/// the published text is immutable, and a correction publishes a new revision.
/// </summary>
internal sealed class MinutesService(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<MinutesRecord>> DraftAsync(
        DraftMinutesInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (meetingId, authorId, day, text) = command;
        var writtenOn = day ?? time.Today();
        var draft = errors.Text("text", text, MinutesRecord.TextMaxLength, required: true);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var meeting = await change.FindAsync(db.Meetings, meetingId, "meetingId", MeetingsTypeNames.Meeting, "meeting");
        if (meeting is null)
        {
            return change.Fail<MinutesRecord>();
        }

        if (await db.Minutes.AnyAsync(m => m.MeetingId == meetingId, cancellationToken))
        {
            errors.Add(
                new ConflictError(
                    "meetingId", "This meeting already has minutes; edit the draft or publish a correction."));
        }

        if (writtenOn < DateOnly.FromDateTime(meeting.StartsAt.UtcDateTime))
        {
            errors.Add(new InputValidationError("writtenOn", "Minutes cannot be written before the meeting."));
        }

        var minutes = new MinutesRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            MeetingId = meetingId,
            Status = MinutesStatus.Draft,
            AuthorId = authorId,
            WrittenOn = writtenOn,
            DraftText = draft ?? "",
            Version = 1
        };
        db.Minutes.Add(minutes);
        return await change.CommitAsync(minutes, "minutes", "meetingId", "This meeting already has minutes.");
    }

    /// <summary>Edits the draft. Published minutes are never edited in place.</summary>
    public async Task<MutationResult<MinutesRecord>> EditDraftAsync(
        EditMinutesDraftInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (meetingId, expectedVersion, text, writtenOn, authorId) = command;
        var draft = text.IsSet ? errors.Text("text", text.Value, MinutesRecord.TextMaxLength, required: true) : null;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var minutes = await change.Db.Minutes.AsTracking()
            .SingleOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken);
        if (minutes is null)
        {
            return MutationResult<MinutesRecord>.Fail(NoMinutes(meetingId));
        }

        if (minutes.Status != MinutesStatus.Draft)
        {
            errors.Add(
                new ConflictError(
                    "meetingId",
                    "Published minutes cannot be edited in place: publish a correction (`correctMinutes`), which adds "
                    + "a revision."));
        }

        errors.VersionMatches(expectedVersion, minutes.Version);
        minutes.DraftText = draft ?? minutes.DraftText;
        minutes.WrittenOn = writtenOn.Or(null) ?? minutes.WrittenOn;
        minutes.AuthorId = authorId.Or(minutes.AuthorId);
        minutes.Version++;
        return await change.CommitAsync(minutes, "minutes");
    }

    public Task<MutationResult<MinutesRecord>> PublishAsync(
        PublishMinutesInput command, ErrorList errors, CancellationToken cancellationToken) =>
        AddRevisionAsync(command.MeetingId, MinutesStatus.Draft, text: null, note: null, errors, cancellationToken);

    public Task<MutationResult<MinutesRecord>> CorrectAsync(
        CorrectMinutesInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (meetingId, text, note) = command;
        var corrected = errors.Text("text", text, MinutesRecord.TextMaxLength, required: true);
        var why = errors.Text("note", note, MinutesRevision.NoteMaxLength, required: true);
        return AddRevisionAsync(meetingId, MinutesStatus.Published, corrected, why, errors, cancellationToken);
    }

    private async Task<MutationResult<MinutesRecord>> AddRevisionAsync(
        Guid meetingId,
        MinutesStatus expectedStatus,
        string? text,
        string? note,
        ErrorList errors,
        CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var minutes = await change.Db.Minutes.AsTracking()
            .Include(m => m.Revisions)
            .SingleOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken);
        if (minutes is null)
        {
            return MutationResult<MinutesRecord>.Fail(NoMinutes(meetingId));
        }

        if (minutes.Status != expectedStatus)
        {
            errors.Add(new ConflictError("meetingId", expectedStatus == MinutesStatus.Draft
                ? "These minutes are already published: publish a correction instead."
                : "These minutes are still a draft: edit the draft, then publish it."));
        }

        var revision = new MinutesRevision
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            MinutesId = minutes.Id,
            Number = minutes.Revisions.Count + 1,
            Text = text ?? minutes.DraftText,
            Note = note,
            PublishedAt = time.GetUtcNow(),
        };
        change.Db.MinutesRevisions.Add(revision);
        minutes.Revisions.Add(revision);
        minutes.Status = MinutesStatus.Published;
        minutes.Version++;
        return await change.CommitAsync(minutes, "minutes");
    }

    private static NotFoundError NoMinutes(Guid meetingId) =>
        new(
            "meetingId",
            "This meeting has no minutes yet: start a draft with `draftMinutes`.",
            GlobalId.Encode(MeetingsTypeNames.Meeting, meetingId));
}
