using InterAssociatif.Governance.Bodies;
using InterAssociatif.Kernel.Events;

namespace InterAssociatif.Governance.Decisions;

/// <summary>Published once a governance event is committed (live delivery; the durable log is the source of truth).</summary>
internal sealed record GovernanceEventCommitted(long Sequence, string Kind, Guid SubjectId, Guid BodyId);

/// <summary>
/// Keeps the decision register. Every change writes its event to the durable log in the same
/// transaction, so a committed decision always has its event, even if the process stops right after.
/// </summary>
internal sealed class DecisionService(IDbContextFactory<GovernanceDbContext> factory, IMeetingsReader meetings, IDirectoryReader directory, IEventBus events, TimeProvider time)
{
    public async Task<MutationResult<Decision>> RecordAsync(RecordDecisionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", command.Title, Decision.TitleMaxLength, required: true);
        var text = errors.Text("text", command.Text, Decision.TextMaxLength, required: false);
        await CheckOriginAsync(errors, command, cancellationToken);
        var followUps = new List<FollowUp>();
        for (var i = 0; i < command.FollowUps.Count; i++)
        {
            followUps.Add(await FollowUpOf(errors, $"followUps[{i}]", command.FollowUps[i], command.DecidedOn, cancellationToken));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Bodies.AnyAsync(b => b.Id == command.BodyId, cancellationToken))
        {
            errors.Add(BodyService.NotFound("bodyId", command.BodyId));
        }

        if (errors.Any)
        {
            return MutationResult<Decision>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(now),
            BodyId = command.BodyId,
            MeetingId = command.MeetingId,
            AgendaItemId = command.AgendaItemId,
            Title = title!,
            Text = text,
            DecidedOn = command.DecidedOn,
            Status = DecisionStatus.Adopted,
            RecordedAt = now,
            Version = 1,
        };
        decision.Themes = command.ThemeIds.Distinct().Select(t => new DecisionTheme { DecisionId = decision.Id, ThemeId = t }).ToList();
        decision.History = [new DecisionStatusChange { Id = Guid.CreateVersion7(now), DecisionId = decision.Id, Status = DecisionStatus.Adopted, On = command.DecidedOn }];
        foreach (var followUp in followUps)
        {
            followUp.DecisionId = decision.Id;
        }

        decision.FollowUps = followUps;
        db.Decisions.Add(decision);
        var logged = new GovernanceEvent { Kind = GovernanceEvent.DecisionRecorded, SubjectId = decision.Id, BodyId = decision.BodyId, OccurredAt = now };
        await db.AppendEventAsync(logged, cancellationToken);
        var result = await db.CommitAsync(transaction, decision, "decision", cancellationToken);
        if (result.Value is not null)
        {
            await events.PublishAsync(new GovernanceEventCommitted(logged.Sequence, logged.Kind, decision.Id, decision.BodyId), cancellationToken);
        }

        return result;
    }

    /// <summary>Adopted → amended (again and again) → revoked; a revoked decision changes no more.</summary>
    public async Task<MutationResult<Decision>> ChangeStatusAsync(Guid id, DecisionStatus status, DateOnly on, string? note, ErrorList errors, CancellationToken cancellationToken)
    {
        var checkedNote = errors.Text("note", note, DecisionStatusChange.NoteMaxLength, required: false);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decision = await db.Decisions.AsTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return MutationResult<Decision>.Fail(new NotFoundError("id", "No decision has this id.", GlobalId.Encode(GovernanceTypeNames.Decision, id)));
        }

        DecisionRules.StatusChangeIsAllowed(errors, decision, status, on);

        if (errors.Any)
        {
            return MutationResult<Decision>.Fail(errors.Items);
        }

        decision.Status = status;
        decision.Version++;
        db.DecisionHistory.Add(new DecisionStatusChange { Id = Guid.CreateVersion7(time.GetUtcNow()), DecisionId = id, Status = status, On = on, Note = checkedNote });
        return await db.CommitAsync(transaction, decision, "decision", cancellationToken);
    }

    /// <summary>Open → done or cancelled, once.</summary>
    public async Task<MutationResult<FollowUp>> SetFollowUpStatusAsync(Guid id, FollowUpStatus status, DateOnly? doneOn, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var followUp = await db.FollowUps.AsTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (followUp is null)
        {
            return MutationResult<FollowUp>.Fail(new NotFoundError("id", "No follow-up has this id.", GlobalId.Encode(GovernanceTypeNames.FollowUp, id)));
        }

        DecisionRules.FollowUpStatusChangeIsAllowed(errors, followUp, status);

        if (errors.Any)
        {
            return MutationResult<FollowUp>.Fail(errors.Items);
        }

        var decision = await db.Decisions.SingleAsync(d => d.Id == followUp.DecisionId, cancellationToken);
        followUp.Status = status;
        followUp.DoneOn = status == FollowUpStatus.Done ? doneOn ?? Kernel.Text.Clock.Today(time) : null;
        followUp.Version++;
        var logged = new GovernanceEvent { Kind = GovernanceEvent.FollowUpChanged, SubjectId = followUp.Id, BodyId = decision.BodyId, OccurredAt = time.GetUtcNow() };
        await db.AppendEventAsync(logged, cancellationToken);
        var result = await db.CommitAsync(transaction, followUp, "follow-up", cancellationToken);
        if (result.Value is not null)
        {
            await events.PublishAsync(new GovernanceEventCommitted(logged.Sequence, logged.Kind, followUp.Id, decision.BodyId), cancellationToken);
        }

        return result;
    }

    private async Task CheckOriginAsync(ErrorList errors, RecordDecisionInput command, CancellationToken cancellationToken)
    {
        if (command.MeetingId is { } meetingId && !(await meetings.GetMeetingsAsync([meetingId], cancellationToken)).ContainsKey(meetingId))
        {
            errors.Add(new NotFoundError("meetingId", "No meeting has this id.", GlobalId.Encode(MeetingsTypeNames.Meeting, meetingId)));
        }

        if (command.AgendaItemId is { } itemId)
        {
            var items = await meetings.GetAgendaItemMeetingsAsync([itemId], cancellationToken);
            if (!items.TryGetValue(itemId, out var itemMeeting))
            {
                errors.Add(new NotFoundError("agendaItemId", "No agenda item has this id.", GlobalId.Encode(MeetingsTypeNames.AgendaItem, itemId)));
            }
            else if (itemMeeting != command.MeetingId)
            {
                errors.Add(new InputValidationError("agendaItemId", "The agenda item belongs to another meeting than `meetingId`."));
            }
        }
    }

    private async Task<FollowUp> FollowUpOf(ErrorList errors, string field, FollowUpInput planned, DateOnly decidedOn, CancellationToken cancellationToken)
    {
        var description = errors.Text($"{field}.description", planned.Description, FollowUp.DescriptionMaxLength, required: true);
        DecisionRules.FollowUpIsNotDueBeforeTheDecision(errors, $"{field}.dueOn", planned.DueOn, planned.DuePrecision, decidedOn);

        if (planned.OwnerOrganizationId is { } organization && !(await directory.GetOrganizationsAsync([organization], cancellationToken)).ContainsKey(organization))
        {
            errors.Add(new NotFoundError($"{field}.ownerOrganizationId", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, organization)));
        }

        if (planned.OwnerPersonId is { } person && !(await directory.GetPeopleAsync([person], cancellationToken)).ContainsKey(person))
        {
            errors.Add(new NotFoundError($"{field}.ownerPersonId", "No person has this id.", GlobalId.Encode(DirectoryTypeNames.Person, person)));
        }

        return new FollowUp
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Description = description ?? "",
            OwnerOrganizationId = planned.OwnerOrganizationId,
            OwnerPersonId = planned.OwnerPersonId,
            DueOn = planned.DueOn,
            DuePrecision = planned.DuePrecision ?? DuePrecision.Day,
            Status = FollowUpStatus.Open,
            Version = 1,
        };
    }
}
