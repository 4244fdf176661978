using InterAssociatif.Meetings.Milestones;

namespace InterAssociatif.Meetings.Tests;

/// <summary>
/// The milestone timeline is compiled once per pair of bounds given (<c>MilestoneQueries.Timeline</c>): each of
/// the 4 shapes, with three different days each, reads compiled what the same query translated afresh reads,
/// steps spanning several days included.
/// </summary>
public sealed class MilestoneTimelineShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private static readonly DateOnly First = new(2032, 1, 5);

    [Fact]
    public async Task Every_pair_of_bounds_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MeetingsDbContext>>();
        await RecordVariedMilestonesAsync(contexts);
        var selecting = 0;
        for (var bounds = 0; bounds < 4; bounds++)
        {
            for (var pick = 0; pick < 3; pick++)
            {
                var args = new MilestoneListArgs(
                    (bounds & 1) != 0 ? First.AddDays(10 + (9 * pick)) : null,
                    (bounds & 2) != 0 ? First.AddDays(40 + (9 * pick)) : null);
                var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    contexts, MilestoneQueries.Timeline, MilestoneQueries.Apply, args, 0, 100);
                selecting += count > 0 ? 1 : 0;
            }
        }

        Assert.Equal(12, selecting);
    }

    /// <summary>Twelve steps of one meeting a week apart, every third spanning ten days.</summary>
    private static async Task RecordVariedMilestonesAsync(IDbContextFactory<MeetingsDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var start = new DateTimeOffset(2032, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(),
            Title = "Étapes",
            StartsAt = start,
            EndsAt = start.AddHours(2),
        };
        db.Meetings.Add(meeting);
        for (var i = 0; i < 12; i++)
        {
            db.Milestones.Add(new Milestone
            {
                Id = Guid.NewGuid(),
                MeetingId = meeting.Id,
                Title = $"Étape {i}",
                Date = First.AddDays(7 * i),
                EndDate = i % 3 == 0 ? First.AddDays((7 * i) + 10) : null,
            });
        }

        await db.SaveChangesAsync();
    }
}
