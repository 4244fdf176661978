using System.Data;

namespace InterAssociatif.Governance.Seats;

/// <summary>
/// Seats at the sessions of a body. Only an organisation that is a member of the network on the
/// session's day sits, once per session, within the body's association seats; its delegate, when named, works
/// for it on that day (an affiliation in the Directory). A seat stays valid
/// while its holder was a member on that day: a withdrawal keeps the seats of sessions before it and
/// drops the seats of the sessions from the withdrawal on (<see cref="EffectiveAsync"/>).
/// </summary>
internal sealed class SeatService(
    IDbContextFactory<GovernanceDbContext> factory,
    IMeetingsReader meetings,
    IDirectoryReader directory,
    TimeProvider time)
{
    public async Task<MutationResult<Seat>> AssignAsync(
        AssignSeatInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var meeting = (await meetings.GetMeetingsAsync([command.MeetingId], cancellationToken))[command.MeetingId];
        var day = Clock.DayOf(meeting.StartsAt);
        var status = (await directory.GetMembershipStatusAsync([command.OrganizationId], day, cancellationToken))[
            command.OrganizationId];
        if (status != MembershipStatus.Member)
        {
            errors.Add(
                new InputValidationError(
                    "organizationId",
                    $"Only a member of the network sits: on {day:yyyy-MM-dd} this organisation is "
                    + $"{Describe(status)}."));
        }

        if (command.DelegatePersonId is { } delegatePerson
            && !await directory.IsAffiliatedAsync(delegatePerson, command.OrganizationId, day, cancellationToken))
        {
            errors.Add(new InputValidationError(
                "delegatePersonId",
                $"The delegate must work for the seated organisation on {day:yyyy-MM-dd}: "
                + "record the affiliation first (addAffiliation)."));
        }

        // Serializable: two coordinators filling the last seat at once cannot both succeed.
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken, IsolationLevel.Serializable);
        var db = change.Db;
        var body = await db.BodyMeetings.Where(m => m.MeetingId == command.MeetingId)
            .Join(db.Bodies, m => m.BodyId, b => b.Id, (_, b) => b).SingleOrDefaultAsync(cancellationToken);
        if (body is null)
        {
            errors.Add(
                new InputValidationError(
                    "meetingId", "This meeting is not a session of a body: add it to one first (addBodySession)."));
            return change.Fail<Seat>();
        }

        var seats = body.AssociationSeats ?? 0;
        var taken = await EffectiveAsync(db.Seats.Where(s => s.MeetingId == command.MeetingId), cancellationToken);
        if (seats == 0)
        {
            errors.Add(new InputValidationError("meetingId", $"« {body.Name} » has no seats for associations."));
        }
        else if (taken.Any(s => s.OrganizationId == command.OrganizationId))
        {
            errors.Add(new ConflictError("organizationId", "This organisation already has a seat at this session."));
        }
        else if (taken.Count >= seats)
        {
            errors.Add(
                new InputValidationError(
                    "meetingId", $"All {seats} seats for associations at this session are taken."));
        }

        if (change.Failed)
        {
            return change.Fail<Seat>();
        }

        var added = await SeatAsync(db, body.Id, command.MeetingId, [command.OrganizationId], cancellationToken);
        var seat = command.Adapt(added[0]); // and its delegate
        return await change.CommitAsync(
            seat, "seat", "organizationId", "This organisation already has a seat at this session.");
    }

    public async Task<MutationResult<Body>> SeatRotationSessionAsync(
        SeatRotationSessionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (bodyId, number, meetingId) = command;
        var day = Clock.DayOf((await meetings.GetMeetingsAsync([meetingId], cancellationToken))[meetingId].StartsAt);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken, IsolationLevel.Serializable);
        var db = change.Db;
        var body = await change.FindAsync(db.Bodies, bodyId, "bodyId", GovernanceTypeNames.Body, "body");
        if (body is null)
        {
            return change.Fail<Body>();
        }

        var session = await db.RotationSessions.Include(s => s.Entries)
            .SingleOrDefaultAsync(s => s.BodyId == bodyId && s.Number == number, cancellationToken);
        if (session is not { Status: RotationSessionStatus.Confirmed })
        {
            errors.Add(new InputValidationError("session", session is null
                ? $"« {body.Name} » has no session {number} in its rotation."
                : $"Session {number} of the rotation is a draft: confirm it first (confirmRotation)."));
        }

        if (!await db.BodyMeetings.AnyAsync(m => m.BodyId == bodyId && m.MeetingId == meetingId, cancellationToken))
        {
            errors.Add(new InputValidationError(
                "meetingId", $"This meeting is not a session of « {body.Name} »: add it first (addBodySession)."));
        }

        if (change.Failed)
        {
            return change.Fail<Body>();
        }

        var seated = session!.Entries.Where(e => !e.OptedOut).Select(e => e.OrganizationId).ToList();
        var statuses = await directory.GetMembershipStatusAsync(seated, day, cancellationToken);
        if (seated.Any(o => statuses[o] != MembershipStatus.Member))
        {
            errors.Add(new ConflictError(
                "session",
                $"The session seats an organisation that is not a member on {day:yyyy-MM-dd}: recompute the rotation"
                + " (proposeRotation) or assign the seats one by one (assignSeat)."));
        }

        var taken = await EffectiveAsync(db.Seats.Where(s => s.MeetingId == meetingId), cancellationToken);
        var newcomers = seated.Where(o => taken.All(s => s.OrganizationId != o)).ToList();
        if (taken.Count + newcomers.Count > (body.AssociationSeats ?? 0))
        {
            errors.Add(new InputValidationError(
                "meetingId",
                $"« {body.Name} » has {body.AssociationSeats ?? 0} seats for associations; {taken.Count} are taken"
                + $" at this meeting and the session seats {newcomers.Count} more."));
        }

        if (change.Failed)
        {
            return change.Fail<Body>();
        }

        await SeatAsync(db, bodyId, meetingId, newcomers, cancellationToken);
        return await change.CommitAsync(
            body, "body", "session", "An organisation of the session was seated meanwhile.");
    }

    /// <summary>
    /// New seats at <paramref name="meetingId"/> for <paramref name="organizations"/>, added to the change; a seat an
    /// organisation kept from before its withdrawal (no longer effective) is replaced, not duplicated.
    /// </summary>
    private async Task<List<Seat>> SeatAsync(
        GovernanceDbContext db,
        Guid bodyId,
        Guid meetingId,
        IReadOnlyCollection<Guid> organizations,
        CancellationToken cancellationToken)
    {
        await db.Seats.Where(s => s.MeetingId == meetingId && organizations.Contains(s.OrganizationId))
            .ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        var seats = organizations.Select(organizationId => new Seat
        {
            Id = Guid.CreateVersion7(now),
            BodyId = bodyId,
            MeetingId = meetingId,
            OrganizationId = organizationId,
            AssignedAt = now,
        }).ToList();
        db.Seats.AddRange(seats);
        return seats;
    }

    public async Task<MutationResult<Seat>> ReleaseAsync(
        ReleaseSeatInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var seat = await change.FindAsync(change.Db.Seats, command.Id, "id", GovernanceTypeNames.Seat, "seat");
        if (seat is not null)
        {
            change.Db.Seats.Remove(seat);
        }

        return await change.CommitAsync(seat, "seat");
    }

    /// <summary>
    /// The seats of <paramref name="query"/> whose holder was a member on the session's day — three SQL
    /// commands however many sessions (seats, the sessions' days, the holders' memberships).
    /// </summary>
    public async Task<List<Seat>> EffectiveAsync(IQueryable<Seat> query, CancellationToken cancellationToken)
    {
        var seats = await query.ToListAsync(cancellationToken);
        if (seats.Count == 0)
        {
            return seats;
        }

        var sessions = await meetings.GetMeetingsAsync(
            seats.Select(s => s.MeetingId).Distinct().ToList(), cancellationToken);
        var pairs = seats.Where(s => sessions.ContainsKey(s.MeetingId))
            .Select(s => (s.OrganizationId, Clock.DayOf(sessions[s.MeetingId].StartsAt)))
            .Distinct()
            .ToList();
        var statuses = await directory.GetMembershipStatusesAsync(pairs, cancellationToken);
        return seats.Where(s =>
            sessions.TryGetValue(s.MeetingId, out var m)
            && statuses.GetValueOrDefault((s.OrganizationId, Clock.DayOf(m.StartsAt))) == MembershipStatus.Member)
            .ToList();
    }

    private static string Describe(MembershipStatus status) => status switch
    {
        MembershipStatus.Candidate => "a candidate, not yet admitted",
        MembershipStatus.Withdrawn => "withdrawn",
        _ => "not in the network",
    };
}
