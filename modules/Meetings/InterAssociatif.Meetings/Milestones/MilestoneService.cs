using InterAssociatif.Meetings.Meetings;

namespace InterAssociatif.Meetings.Milestones;

/// <summary>The steps meetings announce (« les étapes ») and the meetings that fulfil them.</summary>
internal sealed class MilestoneService(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Milestone>> AnnounceAsync(AnnounceMilestoneInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", command.Title, Milestone.TitleMaxLength, required: true);
        var date = command.Date;
        if (command.EndDate is { } end && end < date)
        {
            errors.Add(new InputValidationError("endDate", "`endDate` must not be before `date`."));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await MeetingExistsAsync(db, errors, "meetingId", command.MeetingId, cancellationToken);
        if (command.FulfilledByMeetingId is { } fulfilledBy)
        {
            await MeetingExistsAsync(db, errors, "fulfilledByMeetingId", fulfilledBy, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Milestone>.Fail(errors.Items);
        }

        var milestone = new Milestone
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            MeetingId = command.MeetingId,
            Title = title!,
            Date = date,
            EndDate = command.EndDate,
            Precision = command.Precision ?? DatePrecision.Day,
            FulfilledByMeetingId = command.FulfilledByMeetingId,
            Version = 1,
        };
        db.Milestones.Add(milestone);
        return await db.CommitAsync(transaction, milestone, "milestone", cancellationToken);
    }

    /// <summary>Records which meeting fulfilled a step (or clears it with null).</summary>
    public async Task<MutationResult<Milestone>> FulfilAsync(Guid id, Guid? meetingId, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var milestone = await db.Milestones.AsTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null)
        {
            return MutationResult<Milestone>.Fail(new NotFoundError("id", "No milestone has this id.", GlobalId.Encode(MeetingsTypeNames.Milestone, id)));
        }

        if (meetingId is { } fulfilledBy)
        {
            await MeetingExistsAsync(db, errors, "fulfilledByMeetingId", fulfilledBy, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Milestone>.Fail(errors.Items);
        }

        milestone.FulfilledByMeetingId = meetingId;
        milestone.Version++;
        return await db.CommitAsync(transaction, milestone, "milestone", cancellationToken);
    }

    private static async Task MeetingExistsAsync(MeetingsDbContext db, ErrorList errors, string field, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            errors.Add(MeetingService.NotFound(field, id));
        }
    }
}
