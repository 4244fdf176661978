namespace InterAssociatif.Meetings.Meetings;

/// <summary>The rules of a meeting's dates and status.</summary>
internal static class MeetingRules
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    public static void EndsAfterItStarts(ErrorList errors, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        if (endsAt <= startsAt)
        {
            errors.Add(new InputValidationError("endsAt", "`endsAt` must be after `startsAt`."));
        }
        else if (endsAt - startsAt > MaxDuration)
        {
            errors.Add(new InputValidationError("endsAt", "A meeting lasts at most 7 days."));
        }
    }

    /// <summary>A meeting is held only once it has started; a held meeting cannot be cancelled.</summary>
    public static void StatusChangeIsAllowed(
        ErrorList errors, Meeting meeting, MeetingStatus status, DateTimeOffset now)
    {
        if (status == MeetingStatus.Held && !meeting.HasStarted(now))
        {
            errors.Add(new ConflictError("status", "A meeting that has not started cannot be marked held."));
        }

        if (status == MeetingStatus.Cancelled && meeting.Status == MeetingStatus.Held)
        {
            errors.Add(new ConflictError("status", "A meeting that was held cannot be cancelled."));
        }
    }
}
