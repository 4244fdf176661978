using InterAssociatif.Meetings.Attendance;

namespace InterAssociatif.Meetings.Tests;

/// <summary>
/// The calendar is compiled once per shape (<c>MeetingList.Pages</c>): every shape — upcoming, past or either, each
/// of the six conditions given or not, either sort — with two different values each reads compiled what the same
/// query translated afresh reads. A shape compiled with one value and read with another shows a value bound as a
/// constant; a shape blind to a condition would run another shape's SQL for it. The organisation condition reads
/// the invitations inside the query, through the context the compiled query binds.
/// </summary>
public sealed class MeetingListShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private static readonly DateTimeOffset Start = new(2031, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_shape_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MeetingsDbContext>>();
        var organizations = await RecordVariedMeetingsAsync(contexts);
        MeetingWhen?[] whens = [null, MeetingWhen.Upcoming, MeetingWhen.Past];
        var statuses = Enum.GetValues<MeetingStatus>();
        var selecting = 0;
        var shapes = 0;
        foreach (var when in whens)
        {
            for (var conditions = 0; conditions < 128; conditions++, shapes++)
            {
                for (var pick = 0; pick < 2; pick++)
                {
                    bool Given(int condition) => (conditions & (1 << condition)) != 0;
                    var args = new MeetingListArgs(
                        when,
                        Start.AddDays(6 + (4 * pick)),
                        Given(0) ? Start.AddDays(3 + (5 * pick)) : null,
                        Given(1) ? Start.AddDays(9 + (5 * pick)) : null,
                        Given(2) ? organizations[pick] : null,
                        Given(3) ? organizations[1 - pick] : null,
                        Given(4) ? $"quartier{pick}" : "",
                        Given(5) ? [statuses[pick]] : [],
                        Given(6));
                    var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                        contexts, MeetingList.Pages, MeetingList.Apply, args, 1, 7);
                    selecting += count > 0 ? 1 : 0;
                }
            }
        }

        Assert.Equal(384, shapes);

        // The comparisons are not all of empty lists.
        Assert.True(selecting > 192, $"{selecting} of 768 filters select something");
    }

    /// <summary>
    /// Upcoming, past and "from" also bound the start (the list's index is in its order) by the longest a meeting
    /// lasts: for meetings of every length up to the longest, ending on either side of each instant asked, the
    /// calendar holds exactly the meetings whose end says so.
    /// </summary>
    [Fact]
    public async Task Upcoming_past_and_from_are_what_the_meetings_ends_say_for_every_length()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MeetingsDbContext>>();
        var origin = new DateTimeOffset(2041, 6, 1, 0, 0, 0, TimeSpan.Zero);
        TimeSpan[] lengths =
            [TimeSpan.FromMinutes(1), TimeSpan.FromHours(3), TimeSpan.FromDays(2), MeetingRules.MaxDuration];
        var meetings = new List<Meeting>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            for (var day = 0; day < 12; day++)
            {
                foreach (var length in lengths)
                {
                    meetings.Add(ListedMeeting(origin.AddDays(day).AddHours(day), length, origin));
                }
            }

            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync();
        }

        var ids = meetings.Select(m => m.Id).ToHashSet();
        var instants = Enumerable.Range(0, 24 * 20 / 7).Select(step => origin.AddHours(step * 7))
            .Append(DateTimeOffset.MinValue).Append(DateTimeOffset.MinValue.AddDays(3)).Append(DateTimeOffset.MaxValue);
        foreach (var at in instants)
        {
            foreach (var (when, from, ends) in new (MeetingWhen?, DateTimeOffset?, Func<Meeting, bool>)[]
            {
                (MeetingWhen.Upcoming, null, m => m.EndsAt >= at),
                (MeetingWhen.Past, null, m => m.EndsAt < at),
                (null, at, m => m.EndsAt >= at),
            })
            {
                await using var db = await contexts.CreateDbContextAsync();
                var args = new MeetingListArgs(when, at, from, null, null, null, "", [], false);
                var listed = await MeetingList.Apply(db, args).Select(m => m.Id).ToListAsync();
                Assert.Equal(
                    meetings.Where(ends).OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Select(m => m.Id),
                    listed.Where(ids.Contains));
            }
        }
    }

    /// <summary>
    /// A page of upcoming or past meetings, or of those from an instant, in either order, is a range of the start's
    /// index in SQLite's plan, not a walk of the whole index from one end.
    /// </summary>
    [Fact]
    public async Task A_page_of_upcoming_or_past_meetings_is_a_range_of_the_start_index()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MeetingsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        foreach (var (when, from) in new (MeetingWhen?, DateTimeOffset?)[]
        {
            (MeetingWhen.Upcoming, null), (MeetingWhen.Past, null), (null, Start),
        })
        {
            foreach (var newestFirst in new[] { false, true })
            {
                var args = new MeetingListArgs(when, Start, from, null, null, null, "", [], newestFirst);
                await using var command = MeetingList.Apply(db, args).Take(20).CreateDbCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                var plan = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        plan.Add(reader.GetString(3));
                    }
                }

                Assert.True(
                    plan.Count == 1 && plan[0].StartsWith(
                        "SEARCH m USING INDEX IX_MeetingsMeetings_StartsAt_Id (StartsAt", StringComparison.Ordinal),
                    $"{when} from {from} newest first {newestFirst}: {string.Join(" / ", plan)}");
            }
        }
    }

    private static Meeting ListedMeeting(DateTimeOffset startsAt, TimeSpan length, DateTimeOffset recordedAt) => new()
    {
        Id = Guid.NewGuid(),
        Title = $"Durée {length}",
        StartsAt = startsAt,
        EndsAt = startsAt + length,
        Status = MeetingStatus.Planned,
        CreatedAt = recordedAt,
        UpdatedAt = recordedAt,
        Version = 1,
    };

    /// <summary>
    /// Twenty meetings a day apart, of two organisers in turn (some with none), in two neighbourhoods, in every
    /// status, each organiser's meetings inviting the other organisation every third day.
    /// </summary>
    private static async Task<Guid[]> RecordVariedMeetingsAsync(IDbContextFactory<MeetingsDbContext> contexts)
    {
        Guid[] organizations = [Guid.NewGuid(), Guid.NewGuid()];
        var statuses = Enum.GetValues<MeetingStatus>();
        await using var db = await contexts.CreateDbContextAsync();
        for (var i = 0; i < 20; i++)
        {
            var meeting = new Meeting
            {
                Id = Guid.NewGuid(),
                Title = $"Forme {i}",
                StartsAt = Start.AddDays(i),
                EndsAt = Start.AddDays(i).AddHours(2),
                OrganizerId = i % 5 == 4 ? null : organizations[i % 2],
                PlaceNeighbourhood = $"Quartier{i % 2}",
                PlaceNeighbourhoodKey = $"quartier{i % 2}",
                Status = statuses[i % statuses.Length],
                CreatedAt = Start,
                UpdatedAt = Start,
                Version = 1,
            };
            db.Meetings.Add(meeting);
            if (i % 3 == 0)
            {
                db.Invitations.Add(new Invitation
                {
                    Id = Guid.NewGuid(),
                    MeetingId = meeting.Id,
                    OrganizationId = organizations[(i + 1) % 2],
                });
            }
        }

        await db.SaveChangesAsync();
        return organizations;
    }
}
