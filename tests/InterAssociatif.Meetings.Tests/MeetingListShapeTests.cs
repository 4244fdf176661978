using InterAssociatif.Meetings.Attendance;
using InterAssociatif.Meetings.Meetings;
using InterAssociatif.Meetings.Persistence;
using InterAssociatif.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
