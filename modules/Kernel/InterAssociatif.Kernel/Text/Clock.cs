namespace InterAssociatif.Kernel.Text;

/// <summary>Calendar dates as the network lives them: in Paris time.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>Today's date in Europe/Paris.</summary>
    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);

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
