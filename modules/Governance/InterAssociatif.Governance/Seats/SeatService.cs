using System.Data;

namespace InterAssociatif.Governance.Seats;

/// <summary>
/// Seats at the sessions of a body. Only an organisation that is a member of the network on the
/// session's day sits, once per session, within the body's association seats. A seat stays valid
/// while its holder was a member on that day: a withdrawal keeps the seats of sessions before it and
/// drops the seats of the sessions from the withdrawal on (<see cref="EffectiveAsync"/>).
/// </summary>
internal sealed class SeatService(IDbContextFactory<GovernanceDbContext> factory, IMeetingsReader meetings, IDirectoryReader directory, TimeProvider time)
{

    public async Task<MutationResult<Seat>> AssignAsync(AssignSeatInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var meeting = (await meetings.GetMeetingsAsync([command.MeetingId], cancellationToken)).GetValueOrDefault(command.MeetingId);
        if (meeting is null)
        {
            errors.Add(new NotFoundError("meetingId", "No meeting has this id.", GlobalId.Encode(MeetingsTypeNames.Meeting, command.MeetingId)));
        }

        if (!(await directory.GetOrganizationsAsync([command.OrganizationId], cancellationToken)).ContainsKey(command.OrganizationId))
        {
            errors.Add(new NotFoundError("organizationId", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, command.OrganizationId)));
        }
        else if (meeting is not null)
        {
            var day = Clock.DayOf(meeting.StartsAt);
            var status = (await directory.GetMembershipStatusAsync([command.OrganizationId], day, cancellationToken))[command.OrganizationId];
            if (status != MembershipStatus.Member)
            {
                errors.Add(new InputValidationError("organizationId", $"Only a member of the network sits: on {day:yyyy-MM-dd} this organisation is {Describe(status)}."));
            }
        }

        if (command.DelegatePersonId is { } person && !(await directory.GetPeopleAsync([person], cancellationToken)).ContainsKey(person))
        {
            errors.Add(new NotFoundError("delegatePersonId", "No person has this id.", GlobalId.Encode(DirectoryTypeNames.Person, person)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Serializable: two coordinators filling the last seat at once cannot both succeed.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var body = meeting is null ? null : await db.BodyMeetings.Where(m => m.MeetingId == command.MeetingId)
            .Join(db.Bodies, m => m.BodyId, b => b.Id, (_, b) => b).SingleOrDefaultAsync(cancellationToken);
        if (meeting is not null && body is null)
        {
            errors.Add(new InputValidationError("meetingId", "This meeting is not a session of a body: add it to one first (addBodySession)."));
        }
        else if (body is { AssociationSeats: null })
        {
            errors.Add(new InputValidationError("meetingId", $"« {body.Name} » has no seats for associations."));
        }
        else if (body is { AssociationSeats: { } seats })
        {
            var taken = await EffectiveAsync(db.Seats.Where(s => s.MeetingId == command.MeetingId), cancellationToken);
            if (taken.Any(s => s.OrganizationId == command.OrganizationId))
            {
                errors.Add(new ConflictError("organizationId", "This organisation already has a seat at this session."));
            }
            else if (taken.Count >= seats)
            {
                errors.Add(new InputValidationError("meetingId", $"All {seats} seats for associations at this session are taken."));
            }
        }

        if (errors.Any)
        {
            return MutationResult<Seat>.Fail(errors.Items);
        }

        // A seat left by a withdrawn member is replaced, not duplicated.
        await db.Seats.Where(s => s.MeetingId == command.MeetingId && s.OrganizationId == command.OrganizationId).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        var seat = new Seat { Id = Guid.CreateVersion7(now), BodyId = body!.Id, MeetingId = command.MeetingId, OrganizationId = command.OrganizationId, DelegatePersonId = command.DelegatePersonId, AssignedAt = now };
        db.Seats.Add(seat);
        return await db.CommitAsync(transaction, seat, "seat", cancellationToken, "organizationId", "This organisation already has a seat at this session.");
    }

    public async Task<MutationResult<Seat>> ReleaseAsync(Guid id, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seat = await db.Seats.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (seat is null)
        {
            errors.Add(new NotFoundError("id", "No seat has this id.", GlobalId.Encode(GovernanceTypeNames.Seat, id)));
            return MutationResult<Seat>.Fail(errors.Items);
        }

        db.Seats.Remove(seat);
        return await db.CommitAsync(transaction, seat, "seat", cancellationToken);
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

        var sessions = await meetings.GetMeetingsAsync(seats.Select(s => s.MeetingId).Distinct().ToList(), cancellationToken);
        var pairs = seats.Where(s => sessions.ContainsKey(s.MeetingId)).Select(s => (s.OrganizationId, Clock.DayOf(sessions[s.MeetingId].StartsAt))).Distinct().ToList();
        var statuses = await directory.GetMembershipStatusesAsync(pairs, cancellationToken);
        return seats.Where(s => sessions.TryGetValue(s.MeetingId, out var m) && statuses.GetValueOrDefault((s.OrganizationId, Clock.DayOf(m.StartsAt))) == MembershipStatus.Member).ToList();
    }

    private static string Describe(MembershipStatus status) => status switch
    {
        MembershipStatus.Candidate => "a candidate, not yet admitted",
        MembershipStatus.Withdrawn => "withdrawn",
        _ => "not in the network",
    };
}
