namespace InterAssociatif.Meetings.Meetings;

/// <summary>Schedules and changes meetings. One transaction per call; on any error nothing is written.</summary>
internal sealed class MeetingService(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Meeting>> ScheduleAsync(
        ScheduleMeetingInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var meeting = new Meeting { Status = MeetingStatus.Planned, Version = 1 };
        Apply(
            meeting,
            command.Title,
            command.Description,
            command.StartsAt,
            command.EndsAt,
            command.Place ?? new MeetingPlaceInput(null, null, null),
            command.OrganizerId,
            errors);
        var now = time.GetUtcNow();
        meeting.Id = Guid.CreateVersion7(now);
        meeting.CreatedAt = now;
        meeting.UpdatedAt = now;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        change.Db.Meetings.Add(meeting);
        return await change.CommitAsync(meeting, "meeting");
    }

    public async Task<MutationResult<Meeting>> ChangeAsync(
        UpdateMeetingInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var meeting = await change.FindAsync(
            change.Db.Meetings, command.Id, "id", MeetingsTypeNames.Meeting, "meeting", command.Version);
        if (meeting is null)
        {
            return change.Fail<Meeting>();
        }

        var place = command.Place.IsSet
            ? command.Place.Value ?? new MeetingPlaceInput(null, null, null)
            : new MeetingPlaceInput(meeting.PlaceName, meeting.PlaceAddress, meeting.PlaceNeighbourhood);
        Apply(
            meeting,
            command.Title.Or(meeting.Title),
            command.Description.Or(meeting.Description),
            command.StartsAt.Or(meeting.StartsAt),
            command.EndsAt.Or(meeting.EndsAt),
            place,
            command.OrganizerId.Or(meeting.OrganizerId),
            errors);
        if (command.Status.IsSet)
        {
            MeetingRules.StatusChangeIsAllowed(errors, meeting, command.Status.Value, time.GetUtcNow());
        }

        meeting.Status = command.Status.Or(meeting.Status);
        meeting.UpdatedAt = time.GetUtcNow();
        meeting.Version++;
        return await change.CommitAsync(meeting, "meeting");
    }

    private static void Apply(
        Meeting meeting,
        string? title,
        string? description,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        MeetingPlaceInput place,
        Guid? organizerId,
        ErrorList errors)
    {
        var checkedTitle = errors.Line("title", title, Meeting.TitleMaxLength, required: true);
        var checkedDescription = errors.Text("description", description, Meeting.DescriptionMaxLength, required: false);
        var placeName = errors.Line("place.name", place.Name, Meeting.PlaceMaxLength, required: false);
        var placeAddress = errors.Line("place.address", place.Address, Meeting.PlaceMaxLength, required: false);
        var neighbourhood = errors.Line(
            "place.neighbourhood", place.Neighbourhood, Meeting.PlaceMaxLength, required: false);
        MeetingRules.EndsAfterItStarts(errors, startsAt, endsAt);
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
