namespace InterAssociatif.Governance.Decisions;

/// <summary>
/// Published once a governance event is committed (live delivery; the durable log is the source of truth).
/// </summary>
/// <summary>
/// A governance event appended to the log and committed; <paramref name="TraceParent"/> is the W3C id of
/// the activity that committed it, so that its delivery can be linked to that trace.
/// </summary>
internal sealed record GovernanceEventCommitted(
    long Sequence, string Kind, Guid SubjectId, Guid BodyId, string? TraceParent = null);

/// <summary>
/// Keeps the decision register. Every change writes its event to the durable log in the same
/// transaction, so a committed decision always has its event, even if the process stops right after.
/// </summary>
internal sealed class DecisionService(
    IDbContextFactory<GovernanceDbContext> factory, IMeetingsReader meetings, IEventBus events, TimeProvider time)
{
    public async Task<MutationResult<Decision>> RecordAsync(
        RecordDecisionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Line("title", command.Title, Decision.TitleMaxLength, required: true);
        var text = errors.Text("text", command.Text, Decision.TextMaxLength, required: false);
        await CheckAgendaItemAsync(meetings, command.MeetingId, command.AgendaItemId, errors, cancellationToken);

        var followUps = command.FollowUps.Select((planned, i) =>
            FollowUpOf(errors, $"followUps[{i}]", planned, command.DecidedOn))
            .ToList();
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var now = time.GetUtcNow();
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(now),
            BodyId = command.BodyId,
            MeetingId = command.MeetingId,
            AgendaItemId = command.AgendaItemId,
            Title = title ?? "",
            Text = text,
            DecidedOn = command.DecidedOn,
            Status = DecisionStatus.Adopted,
            RecordedAt = now,
            Version = 1,
            FollowUps = followUps,
        };
        decision.Themes = command.ThemeIds.Distinct()
            .Select(t => new DecisionTheme { DecisionId = decision.Id, ThemeId = t })
            .ToList();
        decision.History = [new DecisionStatusChange
        {
            Id = Guid.CreateVersion7(now),
            DecisionId = decision.Id,
            Status = DecisionStatus.Adopted,
            On = command.DecidedOn
        }];
        followUps.ForEach(f => f.DecisionId = decision.Id);
        change.Db.Decisions.Add(decision);
        return await CommitWithEventAsync(
            change, decision, GovernanceEvent.DecisionRecorded, decision.BodyId, "decision");
    }

    /// <summary>
    /// Reports an agenda item that is not one of <paramref name="meetingId"/>'s (decisions and requests).
    /// </summary>
    public static async Task CheckAgendaItemAsync(
        IMeetingsReader meetings,
        Guid? meetingId,
        Guid? agendaItemId,
        ErrorList errors,
        CancellationToken cancellationToken)
    {
        if (agendaItemId is not { } itemId)
        {
            return;
        }

        var owners = await meetings.GetAgendaItemMeetingsAsync([itemId], cancellationToken);
        if (owners.GetValueOrDefault(itemId) != meetingId)
        {
            errors.Add(new InputValidationError(
                "agendaItemId", "The agenda item belongs to another meeting than `meetingId`."));
        }
    }

    /// <summary>Adopted → amended (again and again) → revoked; a revoked decision changes no more.</summary>
    public async Task<MutationResult<Decision>> ChangeStatusAsync(
        ChangeDecisionStatusInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, status, on, note) = command;
        var checkedNote = errors.Text("note", note, DecisionStatusChange.NoteMaxLength, required: false);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var decision = await change.FindAsync(change.Db.Decisions, id, "id", GovernanceTypeNames.Decision, "decision");
        if (decision is null)
        {
            return change.Fail<Decision>();
        }

        DecisionRules.StatusChangeIsAllowed(errors, decision, status, on);
        decision.Status = status;
        decision.Version++;
        change.Db.DecisionHistory.Add(
            new DecisionStatusChange
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                DecisionId = id,
                Status = status,
                On = on,
                Note = checkedNote
            });
        var kind = GovernanceEvent.DecisionStatusChanged;
        return await CommitWithEventAsync(change, decision, kind, decision.BodyId, "decision");
    }

    /// <summary>Open → done or cancelled, once.</summary>
    public async Task<MutationResult<FollowUp>> SetFollowUpStatusAsync(
        SetFollowUpStatusInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, status, doneOn) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var followUp = await change.FindAsync(change.Db.FollowUps, id, "id", GovernanceTypeNames.FollowUp, "follow-up");
        if (followUp is null)
        {
            return change.Fail<FollowUp>();
        }

        DecisionRules.FollowUpStatusChangeIsAllowed(errors, followUp, status);
        var bodyId = await change.Db.Decisions.Where(d => d.Id == followUp.DecisionId)
            .Select(d => d.BodyId)
            .SingleAsync(cancellationToken);
        followUp.Status = status;
        followUp.DoneOn = status == FollowUpStatus.Done ? doneOn ?? Kernel.Text.Clock.Today(time) : null;
        followUp.Version++;
        return await CommitWithEventAsync(change, followUp, GovernanceEvent.FollowUpChanged, bodyId, "follow-up");
    }

    /// <summary>
    /// Appends the event to the durable log in the change's transaction, commits, then publishes it live.
    /// </summary>
    private async Task<MutationResult<T>> CommitWithEventAsync<T>(
        Change<GovernanceDbContext> change, T subject, string kind, Guid bodyId, string record)
        where T : class, IHasId
    {
        if (change.Failed)
        {
            return change.Fail<T>();
        }

        var logged = new GovernanceEvent
        {
            Kind = kind,
            SubjectId = subject.Id,
            BodyId = bodyId,
            OccurredAt = time.GetUtcNow()
        };
        await change.Db.AppendEventAsync(logged, change.CancellationToken);
        var result = await change.CommitAsync(subject, record);
        if (result.Value is not null)
        {
            var committed = new GovernanceEventCommitted(
                logged.Sequence, logged.Kind, subject.Id, bodyId, System.Diagnostics.Activity.Current?.Id);
            await events.PublishAsync(committed, change.CancellationToken);
        }

        return result;
    }

    private FollowUp FollowUpOf(ErrorList errors, string field, FollowUpInput planned, DateOnly decidedOn)
    {
        var description = errors.Text(
            $"{field}.description", planned.Description, FollowUp.DescriptionMaxLength, required: true);
        DecisionRules.FollowUpIsNotDueBeforeTheDecision(
            errors, $"{field}.dueOn", planned.DueOn, planned.DuePrecision, decidedOn);
        var followUp = planned.Adapt(
            new FollowUp { Id = Guid.CreateVersion7(time.GetUtcNow()), Status = FollowUpStatus.Open, Version = 1 });
        (followUp.Description, followUp.DuePrecision) = (description ?? "", planned.DuePrecision ?? DuePrecision.Day);
        return followUp;
    }
}
