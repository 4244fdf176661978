using InterAssociatif.Meetings;
using InterAssociatif.Meetings.Meetings;
using InterAssociatif.Meetings.Persistence;

namespace InterAssociatif.Benchmarks;

/// <summary>
/// A page of the calendar on a large network: N meetings three hours apart, half of them past, in a SQLite file made
/// by the Meetings module's migrations. Each shape of the page (upcoming or past, oldest or newest first) is read
/// through the calendar's compiled query, and side by side through the same query with its condition on the end only
/// (as before 5 December): with it, SQLite walks the start's index from one end past every meeting the condition
/// leaves out; with the start bounded by the longest meeting, the page is a range of that index.
/// Usage: <c>dotnet run -c Release --project tests/InterAssociatif.Benchmarks -- calendar [meetings] [reads]</c>.
/// </summary>
internal static class CalendarBenchmark
{
    public static Task RunAsync(int meetings, int reads) =>
        DatabaseFile.RunAsync("calendar", file => RunAsync(file, meetings, reads));

    private static async Task RunAsync(string file, int meetings, int reads)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        var database = new DatabaseOptions { ConnectionString = $"Data Source={file}" };
        new MeetingsModule().ConfigureServices(
            new ModuleServices(services, new ConfigurationBuilder().Build(), database));
        await using var provider = services.BuildServiceProvider();
        foreach (var module in provider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(CancellationToken.None);
        }

        var contexts = provider.GetRequiredService<IDbContextFactory<MeetingsDbContext>>();
        var now = new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
        await RecordAsync(contexts, meetings, now);
        Console.WriteLine($"{meetings:N0} meetings, 3 hours apart, half past; a page of 20, median of {reads} reads");
        foreach (var when in new[] { MeetingWhen.Upcoming, MeetingWhen.Past })
        {
            foreach (var newestFirst in new[] { false, true })
            {
                var args = new MeetingListArgs(when, now, null, null, null, null, "", [], newestFirst);
                var bounded = await MedianAsync(reads, async db =>
                    (await MeetingList.Pages.For(db, args).ReadAsync(0, 20, CancellationToken.None)).Count, contexts);
                var endOnly = await MedianAsync(reads, db => EndOnly(db, args).Take(20).CountAsync(), contexts);
                Console.WriteLine(
                    $"  {when}, {(newestFirst ? "newest" : "oldest")} first: {bounded:F3} ms bounded by the start, "
                    + $"{endOnly:F3} ms on the end only");
            }
        }
    }

    /// <summary>The calendar's condition as it was written before the start was bounded.</summary>
    private static IQueryable<Meeting> EndOnly(MeetingsDbContext db, MeetingListArgs a)
    {
        var meetings = a.When == MeetingWhen.Upcoming
            ? db.Meetings.Where(m => m.EndsAt >= a.Now)
            : db.Meetings.Where(m => m.EndsAt < a.Now);
        return a.NewestFirst
            ? meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
    }

    private static async Task<double> MedianAsync(
        int reads, Func<MeetingsDbContext, Task<int>> read, IDbContextFactory<MeetingsDbContext> contexts)
    {
        var times = new List<double>();
        for (var i = 0; i <= reads; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var watch = Stopwatch.StartNew();
            if (await read(db) != 20)
            {
                throw new InvalidOperationException("A page of the calendar did not hold 20 meetings.");
            }

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first read compiles
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task RecordAsync(IDbContextFactory<MeetingsDbContext> contexts, int count, DateTimeOffset now)
    {
        var first = now.AddHours(-3.0 * count / 2);
        for (var batch = 0; batch < count; batch += 10_000)
        {
            await using var db = await contexts.CreateDbContextAsync();
            for (var i = batch; i < Math.Min(count, batch + 10_000); i++)
            {
                var startsAt = first.AddHours(3.0 * i);
                db.Meetings.Add(new Meeting
                {
                    Id = Guid.NewGuid(),
                    Title = $"Réunion {i}",
                    StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(2),
                    Status = startsAt < now ? MeetingStatus.Held : MeetingStatus.Planned,
                    CreatedAt = first,
                    UpdatedAt = first,
                    Version = 1,
                });
            }

            await db.SaveChangesAsync();
        }
    }
}
