namespace InterAssociatif.Governance.Bodies;

/// <summary>Creates bodies and links them to the meetings they hold.</summary>
internal sealed class BodyService(IDbContextFactory<GovernanceDbContext> factory, IMeetingsReader meetings, TimeProvider time)
{

    public async Task<MutationResult<Body>> CreateAsync(CreateBodyInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Text("name", command.Name, Body.NameMaxLength, required: true);
        var description = errors.Text("description", command.Description, Body.DescriptionMaxLength, required: false);
        if (command.MeetingsPerYear is < 1 or > 366)
        {
            errors.Add(new InputValidationError("meetingsPerYear", "`meetingsPerYear` must be between 1 and 366."));
        }

        if (command.AssociationSeats is < 1 or > 200)
        {
            errors.Add(new InputValidationError("associationSeats", "`associationSeats` must be between 1 and 200."));
        }

        if (command.ThemeId is not null && command.Kind != BodyKind.ThematicGroup)
        {
            errors.Add(new InputValidationError("themeId", "Only a thematic group has a theme."));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = SearchText.Key(name);
        if (name is not null && await db.Bodies.AnyAsync(b => b.NameKey == key, cancellationToken))
        {
            errors.Add(new ConflictError("name", "A body with this name already exists."));
        }

        if (errors.Any)
        {
            return MutationResult<Body>.Fail(errors.Items);
        }

        var body = new Body { Id = Guid.CreateVersion7(time.GetUtcNow()), Kind = command.Kind, Name = name!, NameKey = key, Description = description, ThemeId = command.ThemeId, MeetingsPerYear = command.MeetingsPerYear, AssociationSeats = command.AssociationSeats, Version = 1 };
        db.Bodies.Add(body);
        return await db.CommitAsync(transaction, body, "body", cancellationToken, "name", "A body with this name already exists.");
    }

    /// <summary>Records that a meeting is a session of a body (a meeting belongs to one body).</summary>
    public async Task<MutationResult<Body>> HoldMeetingAsync(Guid bodyId, Guid meetingId, ErrorList errors, CancellationToken cancellationToken)
    {
        if (!(await meetings.GetMeetingsAsync([meetingId], cancellationToken)).ContainsKey(meetingId))
        {
            errors.Add(new NotFoundError("meetingId", "No meeting has this id.", GlobalId.Encode(MeetingsTypeNames.Meeting, meetingId)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.Id == bodyId, cancellationToken);
        if (body is null)
        {
            errors.Add(NotFound("bodyId", bodyId));
        }

        if (await db.BodyMeetings.AnyAsync(m => m.MeetingId == meetingId, cancellationToken))
        {
            errors.Add(new ConflictError("meetingId", "This meeting is already a session of a body."));
        }

        if (errors.Any)
        {
            return MutationResult<Body>.Fail(errors.Items);
        }

        db.BodyMeetings.Add(new BodyMeeting { BodyId = bodyId, MeetingId = meetingId });
        return await db.CommitAsync(transaction, body!, "body", cancellationToken, "meetingId", "This meeting is already a session of a body.");
    }

    /// <summary>An organisation joins a body from a day; it cannot hold two open participations in the same body.</summary>
    public async Task<MutationResult<Body>> JoinAsync(Guid bodyId, Guid organizationId, DateOnly since, ErrorList errors, IDirectoryReader directory, CancellationToken cancellationToken)
    {
        if (!(await directory.GetOrganizationsAsync([organizationId], cancellationToken)).ContainsKey(organizationId))
        {
            errors.Add(new NotFoundError("organizationId", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, organizationId)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.Id == bodyId, cancellationToken);
        if (body is null)
        {
            errors.Add(NotFound("bodyId", bodyId));
        }

        if (await db.Participations.AnyAsync(p => p.BodyId == bodyId && p.OrganizationId == organizationId && p.Until == null, cancellationToken))
        {
            errors.Add(new ConflictError("organizationId", "This organisation already takes part in this body."));
        }

        if (errors.Any)
        {
            return MutationResult<Body>.Fail(errors.Items);
        }

        db.Participations.Add(new Participation { BodyId = bodyId, OrganizationId = organizationId, Since = since });
        return await db.CommitAsync(transaction, body!, "body", cancellationToken, "since", "This organisation already joined this body on that day.");
    }

    public static NotFoundError NotFound(string field, Guid id) => new(field, "No body has this id.", GlobalId.Encode(GovernanceTypeNames.Body, id));
}
