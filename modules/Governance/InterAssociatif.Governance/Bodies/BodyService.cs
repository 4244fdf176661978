namespace InterAssociatif.Governance.Bodies;

/// <summary>
/// Creates bodies and links them to the meetings they hold. The ids of a command are known to exist
/// (the mutation convention checks every declared reference before the handler runs).
/// </summary>
internal sealed class BodyService(IDbContextFactory<GovernanceDbContext> factory, TimeProvider time)
{
    private const string Taken = "A body with this name already exists.";

    public async Task<MutationResult<Body>> CreateAsync(
        CreateBodyInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Line("name", command.Name, Body.NameMaxLength, required: true);
        var description = errors.Text("description", command.Description, Body.DescriptionMaxLength, required: false);
        errors.Range("meetingsPerYear", command.MeetingsPerYear, 1, Body.MaxMeetingsPerYear);
        errors.Range("associationSeats", command.AssociationSeats, 1, Body.MaxAssociationSeats);
        if (command.ThemeId is not null && command.Kind != BodyKind.ThematicGroup)
        {
            errors.Add(new InputValidationError("themeId", "Only a thematic group has a theme."));
        }

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var key = SearchText.Key(name);
        if (name is not null && await change.Db.Bodies.AnyAsync(b => b.NameKey == key, cancellationToken))
        {
            errors.Add(new ConflictError("name", Taken));
        }

        var body = command.Adapt(new Body { Id = Guid.CreateVersion7(time.GetUtcNow()), Version = 1 });
        (body.Name, body.NameKey, body.Description) = (name ?? "", key, description);
        change.Db.Bodies.Add(body);
        return await change.CommitAsync(body, "body", "name", Taken);
    }

    /// <summary>Records that a meeting is a session of a body (a meeting belongs to one body).</summary>
    public async Task<MutationResult<Body>> HoldMeetingAsync(
        AddBodySessionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        const string held = "This meeting is already a session of a body.";
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var body = await change.FindAsync(change.Db.Bodies, command.BodyId, "bodyId", GovernanceTypeNames.Body, "body");
        if (await change.Db.BodyMeetings.AnyAsync(m => m.MeetingId == command.MeetingId, cancellationToken))
        {
            errors.Add(new ConflictError("meetingId", held));
        }

        change.Db.BodyMeetings.Add(command.Adapt<BodyMeeting>());
        return await change.CommitAsync(body, "body", "meetingId", held);
    }

    /// <summary>
    /// An organisation joins a body from a day; it cannot hold two open participations in the same body.
    /// </summary>
    public async Task<MutationResult<Body>> JoinAsync(
        JoinBodyInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var body = await change.FindAsync(change.Db.Bodies, command.BodyId, "bodyId", GovernanceTypeNames.Body, "body");
        var open = change.Db.Participations.Where(p =>
            p.BodyId == command.BodyId && p.OrganizationId == command.OrganizationId);
        if (await open.AnyAsync(p => p.Until == null, cancellationToken))
        {
            errors.Add(new ConflictError("organizationId", "This organisation already takes part in this body."));
        }

        change.Db.Participations.Add(command.Adapt<Participation>());
        return await change.CommitAsync(
            body, "body", "since", "This organisation already joined this body on that day.");
    }
}
