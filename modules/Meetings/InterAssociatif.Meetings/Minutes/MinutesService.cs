using InterAssociatif.Meetings.Meetings;

namespace InterAssociatif.Meetings.Minutes;

/// <summary>
/// The minutes' lifecycle: a draft (with an author and a "written on" day) is edited, then published;
/// the published text is immutable, and a correction publishes a new revision.
/// </summary>
internal sealed class MinutesService(IDbContextFactory<MeetingsDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public async Task<MutationResult<MinutesRecord>> DraftAsync(Guid meetingId, Guid? authorId, DateOnly writtenOn, string? text, ErrorList errors, CancellationToken cancellationToken)
    {
        var draft = errors.Text("text", text, MinutesRecord.TextMaxLength, required: true);
        await AuthorExistsAsync(errors, authorId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return MutationResult<MinutesRecord>.Fail(MeetingService.NotFound("meetingId", meetingId));
        }

        if (await db.Minutes.AnyAsync(m => m.MeetingId == meetingId, cancellationToken))
        {
            errors.Add(new ConflictError("meetingId", "This meeting already has minutes; edit the draft or publish a correction."));
        }

        if (writtenOn < DateOnly.FromDateTime(meeting.StartsAt.UtcDateTime))
        {
            errors.Add(new InputValidationError("writtenOn", "Minutes cannot be written before the meeting."));
        }

        if (errors.Any)
        {
            return MutationResult<MinutesRecord>.Fail(errors.Items);
        }

        var minutes = new MinutesRecord { Id = Guid.CreateVersion7(time.GetUtcNow()), MeetingId = meetingId, Status = MinutesStatus.Draft, AuthorId = authorId, WrittenOn = writtenOn, DraftText = draft!, Version = 1 };
        db.Minutes.Add(minutes);
        return await db.CommitAsync(transaction, minutes, "minutes", cancellationToken, "meetingId", "This meeting already has minutes.");
    }

    /// <summary>Edits the draft. Published minutes are never edited in place.</summary>
    public async Task<MutationResult<MinutesRecord>> EditDraftAsync(Guid meetingId, int? expectedVersion, Optional<string?> text, Optional<DateOnly> writtenOn, Optional<Guid?> authorId, ErrorList errors, CancellationToken cancellationToken)
    {
        var draft = text.IsSet ? errors.Text("text", text.Value, MinutesRecord.TextMaxLength, required: true) : null;
        if (authorId.IsSet)
        {
            await AuthorExistsAsync(errors, authorId.Value, cancellationToken);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var minutes = await db.Minutes.AsTracking().SingleOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken);
        if (minutes is null)
        {
            return MutationResult<MinutesRecord>.Fail(NoMinutes(meetingId));
        }

        if (minutes.Status != MinutesStatus.Draft)
        {
            errors.Add(new ConflictError("meetingId", "Published minutes cannot be edited in place: publish a correction (`correctMinutes`), which adds a revision."));
        }

        if (expectedVersion is { } expected && expected != minutes.Version)
        {
            errors.Add(new ConflictError("version", "The minutes were changed meanwhile; reload them and try again."));
        }

        if (errors.Any)
        {
            return MutationResult<MinutesRecord>.Fail(errors.Items);
        }

        minutes.DraftText = draft ?? minutes.DraftText;
        minutes.WrittenOn = writtenOn.Or(minutes.WrittenOn);
        minutes.AuthorId = authorId.IsSet ? authorId.Value : minutes.AuthorId;
        minutes.Version++;
        return await db.CommitAsync(transaction, minutes, "minutes", cancellationToken);
    }

    public Task<MutationResult<MinutesRecord>> PublishAsync(Guid meetingId, ErrorList errors, CancellationToken cancellationToken) =>
        AddRevisionAsync(meetingId, MinutesStatus.Draft, text: null, note: null, errors, cancellationToken);

    public Task<MutationResult<MinutesRecord>> CorrectAsync(Guid meetingId, string? text, string? note, ErrorList errors, CancellationToken cancellationToken)
    {
        var corrected = errors.Text("text", text, MinutesRecord.TextMaxLength, required: true);
        var why = errors.Text("note", note, MinutesRevision.NoteMaxLength, required: true);
        return AddRevisionAsync(meetingId, MinutesStatus.Published, corrected, why, errors, cancellationToken);
    }

    private async Task<MutationResult<MinutesRecord>> AddRevisionAsync(Guid meetingId, MinutesStatus expectedStatus, string? text, string? note, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var minutes = await db.Minutes.AsTracking().Include(m => m.Revisions).SingleOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken);
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

        if (errors.Any)
        {
            return MutationResult<MinutesRecord>.Fail(errors.Items);
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
        db.MinutesRevisions.Add(revision);
        minutes.Revisions.Add(revision);
        minutes.Status = MinutesStatus.Published;
        minutes.Version++;
        return await db.CommitAsync(transaction, minutes, "minutes", cancellationToken);
    }

    private async Task AuthorExistsAsync(ErrorList errors, Guid? authorId, CancellationToken cancellationToken)
    {
        if (authorId is { } id && !(await directory.GetPeopleAsync([id], cancellationToken)).ContainsKey(id))
        {
            errors.Add(new NotFoundError("authorId", "No person has this id.", GlobalId.Encode(DirectoryTypeNames.Person, id)));
        }
    }

    private static NotFoundError NoMinutes(Guid meetingId) =>
        new("meetingId", "This meeting has no minutes yet: start a draft with `draftMinutes`.", GlobalId.Encode(Contracts.MeetingsTypeNames.Meeting, meetingId));
}
