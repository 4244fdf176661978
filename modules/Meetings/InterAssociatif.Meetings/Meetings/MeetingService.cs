namespace InterAssociatif.Meetings.Meetings;

/// <summary>Schedules and changes meetings. One transaction per call; on any error nothing is written.</summary>
internal sealed class MeetingService(IDbContextFactory<MeetingsDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public async Task<MutationResult<Meeting>> ScheduleAsync(ScheduleMeetingInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var meeting = new Meeting { Status = MeetingStatus.Planned, Version = 1 };
        await ApplyAsync(meeting, command.Title, command.Description, command.StartsAt, command.EndsAt, command.Place ?? new MeetingPlaceInput(null, null, null), command.OrganizerId, errors, cancellationToken);
        if (errors.Any)
        {
            return MutationResult<Meeting>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        meeting.Id = Guid.CreateVersion7(now);
        meeting.CreatedAt = now;
        meeting.UpdatedAt = now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Meetings.Add(meeting);
        return await db.CommitAsync(transaction, meeting, "meeting", cancellationToken);
    }

    public async Task<MutationResult<Meeting>> ChangeAsync(UpdateMeetingInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.Meetings.AsTracking().SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken);
        if (meeting is null)
        {
            return MutationResult<Meeting>.Fail(NotFound("id", command.Id));
        }

        if (command.Version is { } expected && expected != meeting.Version)
        {
            errors.Add(new ConflictError("version", $"The meeting is at version {meeting.Version}, not {expected}: reload it and try again."));
        }

        var place = command.Place.IsSet ? command.Place.Value ?? new MeetingPlaceInput(null, null, null) : new MeetingPlaceInput(meeting.PlaceName, meeting.PlaceAddress, meeting.PlaceNeighbourhood);
        await ApplyAsync(
            meeting,
            command.Title.IsSet ? command.Title.Value : meeting.Title,
            command.Description.IsSet ? command.Description.Value : meeting.Description,
            command.StartsAt.Or(meeting.StartsAt),
            command.EndsAt.Or(meeting.EndsAt),
            place,
            command.OrganizerId.IsSet ? command.OrganizerId.Value : meeting.OrganizerId,
            errors,
            cancellationToken);
        if (command.Status.IsSet)
        {
            MeetingRules.StatusChangeIsAllowed(errors, meeting, command.Status.Value, time.GetUtcNow());
        }

        if (errors.Any)
        {
            return MutationResult<Meeting>.Fail(errors.Items);
        }

        meeting.Status = command.Status.Or(meeting.Status);
        meeting.UpdatedAt = time.GetUtcNow();
        meeting.Version++;
        return await db.CommitAsync(transaction, meeting, "meeting", cancellationToken);
    }

    public static NotFoundError NotFound(string field, Guid id) =>
        new(field, "No meeting has this id.", GlobalId.Encode(MeetingsTypeNames.Meeting, id));

    private async Task ApplyAsync(Meeting meeting, string? title, string? description, DateTimeOffset startsAt, DateTimeOffset endsAt, MeetingPlaceInput place, Guid? organizerId, ErrorList errors, CancellationToken cancellationToken)
    {
        var checkedTitle = errors.Text("title", title, Meeting.TitleMaxLength, required: true);
        var checkedDescription = errors.Text("description", description, Meeting.DescriptionMaxLength, required: false);
        var placeName = errors.Text("place.name", place.Name, Meeting.PlaceMaxLength, required: false);
        var placeAddress = errors.Text("place.address", place.Address, Meeting.PlaceMaxLength, required: false);
        var neighbourhood = errors.Text("place.neighbourhood", place.Neighbourhood, Meeting.PlaceMaxLength, required: false);
        MeetingRules.EndsAfterItStarts(errors, startsAt, endsAt);
        if (organizerId is { } id && !(await directory.GetOrganizationsAsync([id], cancellationToken)).ContainsKey(id))
        {
            errors.Add(new NotFoundError("organizerId", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, id)));
        }

        meeting.Title = checkedTitle ?? meeting.Title;
        meeting.Description = checkedDescription;
        meeting.StartsAt = startsAt.ToUniversalTime();
        meeting.EndsAt = endsAt.ToUniversalTime();
        meeting.PlaceName = placeName;
        meeting.PlaceAddress = placeAddress;
        meeting.PlaceNeighbourhood = neighbourhood;
        meeting.PlaceNeighbourhoodKey = neighbourhood is null ? null : SearchText.Key(neighbourhood);
        meeting.OrganizerId = organizerId;
    }
}
