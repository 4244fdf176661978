namespace InterAssociatif.Meetings.Milestones;

/// <summary>The steps meetings announce (« les étapes ») and the meetings that fulfil them.</summary>
internal sealed class MilestoneService(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Milestone>> AnnounceAsync(
        AnnounceMilestoneInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Line("title", command.Title, Milestone.TitleMaxLength, required: true);
        var date = command.Date;
        if (command.EndDate is { } end && end < date)
        {
            errors.Add(new InputValidationError("endDate", "`endDate` must not be before `date`."));
        }

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var milestone = command.Adapt(new Milestone { Id = Guid.CreateVersion7(time.GetUtcNow()), Version = 1 });
        (milestone.Title, milestone.Precision) = (title ?? "", command.Precision ?? DatePrecision.Day);
        change.Db.Milestones.Add(milestone);
        return await change.CommitAsync(milestone, "milestone");
    }

    /// <summary>Records which meeting fulfilled a step (or clears it with null).</summary>
    public async Task<MutationResult<Milestone>> FulfilAsync(
        FulfilMilestoneInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, meetingId) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var milestone = await change.FindAsync(
            change.Db.Milestones, id, "id", MeetingsTypeNames.Milestone, "milestone");
        if (milestone is not null)
        {
            milestone.FulfilledByMeetingId = meetingId;
            milestone.Version++;
        }

        return await change.CommitAsync(milestone, "milestone");
    }
}
