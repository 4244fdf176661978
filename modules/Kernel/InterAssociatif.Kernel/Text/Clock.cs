namespace InterAssociatif.Kernel.Text;

/// <summary>Calendar dates as the network lives them: in Paris time.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>Today's date in Europe/Paris.</summary>
    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);

    /// <summary>
    /// The Paris calendar day of an instant (a meeting starting at 23:30 UTC in summer is on the next day).
    /// </summary>
    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    /// <summary>The instant a day ends in Paris (the first instant of the next day).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
