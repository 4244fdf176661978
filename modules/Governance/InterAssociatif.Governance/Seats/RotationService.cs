namespace InterAssociatif.Governance.Seats;

/// <summary>
/// A body's seat rotation: confirmed sessions stay; the draft sessions after them are proposed by
/// <see cref="RotationPlanner"/> among the members of the network on the planning day, and replaced
/// whenever the plan is recomputed (after a withdrawal, an admission, an opt-out).
/// </summary>
internal sealed class RotationService(
    IDbContextFactory<GovernanceDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public const int MaxSessions = 60;

    public async Task<MutationResult<Body>> ProposeAsync(
        ProposeRotationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        errors.Range("sessions", command.Sessions, 1, MaxSessions);

        var members = await directory.GetNetworkOrganizationIdsAsync(
            command.AsOf ?? time.Today(), [MembershipStatus.Member], cancellationToken);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var body = await SeatedBodyAsync(change, command.BodyId);
        var sessions = await db.RotationSessions.AsTracking()
            .Include(s => s.Entries)
            .Where(s => s.BodyId == command.BodyId)
            .OrderBy(s => s.Number)
            .ToListAsync(cancellationToken);
        var kept = sessions.Where(s => s.Status == RotationSessionStatus.Confirmed).ToList();
        var first = kept.Count == 0 ? 1 : kept[^1].Number + 1;
        var given = command.OptOuts.IsSet ? command.OptOuts.Value : null;
        var optOuts = given ?? sessions.Where(s => s.Status == RotationSessionStatus.Draft && s.Number >= first)
            .SelectMany(s =>
                s.Entries.Where(e => e.OptedOut).Select(e => new RotationOptOutInput(s.Number, e.OrganizationId)))
            .ToList();
        var memberSet = members.ToHashSet();
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            var optOut = given![i];
            if (optOut.Session < first || optOut.Session >= first + command.Sessions)
            {
                errors.Add(
                    new InputValidationError(
                        $"optOuts[{i}].session",
                        $"Only the planned sessions ({first} to {first + command.Sessions - 1}) can be opted out of; "
                        + $"the sessions before are confirmed."));
            }

            if (!memberSet.Contains(optOut.OrganizationId))
            {
                errors.Add(
                    new InputValidationError(
                        $"optOuts[{i}].organizationId",
                        "Only a current member of the network can opt out of a session."));
            }
        }

        if (change.Failed)
        {
            return change.Fail<Body>();
        }

        var optOutsBySession = optOuts.Where(o =>
            memberSet.Contains(o.OrganizationId) && o.Session >= first && o.Session < first + command.Sessions)
            .GroupBy(o => o.Session - first)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(o => o.OrganizationId).ToHashSet());
        var plan = RotationPlanner.Plan(new RotationProblem(
            members,
            body!.AssociationSeats!.Value,
            kept.Select(s =>
                (IReadOnlyCollection<Guid>)s.Entries.Where(e => !e.OptedOut).Select(e => e.OrganizationId).ToList())
                .ToList(),
            command.Sessions,
            optOutsBySession));

        db.RotationSessions.RemoveRange(sessions.Where(s => s.Status == RotationSessionStatus.Draft));
        await db.SaveChangesAsync(cancellationToken);
        var now = time.GetUtcNow();
        for (var i = 0; i < plan.Count; i++)
        {
            var number = first + i;
            var session = new RotationSession
            {
                BodyId = body.Id,
                Number = number,
                Status = RotationSessionStatus.Draft,
                ProposedAt = now
            };
            session.Entries.AddRange(
                plan[i].Select(o => new RotationEntry { BodyId = body.Id, Number = number, OrganizationId = o }));
            session.Entries.AddRange(
                (optOutsBySession.GetValueOrDefault(i) ?? new HashSet<Guid>())
                    .Order()
                    .Select(o =>
                        new RotationEntry { BodyId = body.Id, Number = number, OrganizationId = o, OptedOut = true }));
            db.RotationSessions.Add(session);
        }

        body.Version++;
        return await change.CommitAsync(body, "body");
    }

    /// <summary>Confirms the draft sessions up to `throughSession` (all of them by default).</summary>
    public async Task<MutationResult<Body>> ConfirmAsync(
        ConfirmRotationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (bodyId, throughSession) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var body = await SeatedBodyAsync(change, bodyId);
        var drafts = await db.RotationSessions.AsTracking().Include(s => s.Entries)
            .Where(s =>
                s.BodyId == bodyId
                && s.Status == RotationSessionStatus.Draft
                && (throughSession == null || s.Number <= throughSession))
            .OrderBy(s => s.Number).ToListAsync(cancellationToken);
        if (body is not null && drafts.Count == 0)
        {
            errors.Add(
                new InputValidationError(
                    throughSession is null ? "bodyId" : "throughSession",
                    "There is no draft session to confirm: propose a rotation first."));
        }

        var seated = drafts.SelectMany(s => s.Entries.Where(e => !e.OptedOut).Select(e => e.OrganizationId))
            .Distinct()
            .ToList();
        var statuses = await directory.GetMembershipStatusAsync(seated, time.Today(), cancellationToken);
        if (statuses.Any(s => s.Value != MembershipStatus.Member))
        {
            errors.Add(
                new ConflictError(
                    "bodyId",
                    "The draft seats an organisation that is no longer a member: recompute the rotation "
                    + "(proposeRotation) before confirming."));
        }

        if (change.Failed)
        {
            return change.Fail<Body>();
        }

        var now = time.GetUtcNow();
        foreach (var draft in drafts)
        {
            draft.Status = RotationSessionStatus.Confirmed;
            draft.ConfirmedAt = now;
        }

        body!.Version++;
        return await change.CommitAsync(body, "body");
    }

    private static async Task<Body?> SeatedBodyAsync(Change<GovernanceDbContext> change, Guid bodyId)
    {
        var body = await change.FindAsync(change.Db.Bodies, bodyId, "bodyId", GovernanceTypeNames.Body, "body");
        if (body is { AssociationSeats: null })
        {
            change.Errors.Add(
                new InputValidationError("bodyId", $"« {body.Name} » has no seats for associations to rotate."));
        }

        return body;
    }
}
