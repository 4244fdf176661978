namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The decision register is compiled once per set of conditions given (<c>DecisionQueries.Register</c>): each of
/// the 64 sets, with two different values each, reads compiled what the same query translated afresh reads. A set
/// compiled first with one value and read with another shows a condition bound as a constant; a shape blind to a
/// condition would run another set's SQL for it. The same for the follow-up board's 8 sets
/// (<c>DecisionQueries.Board</c>), the overdue day picked in two months, on follow-ups due on a day or in a month.
/// </summary>
public sealed class DecisionRegisterShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Every_set_of_conditions_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        var (bodies, meetings, themes) = await RecordVariedDecisionsAsync(contexts);
        var statuses = Enum.GetValues<DecisionStatus>();
        var selecting = 0;
        for (var conditions = 0; conditions < 64; conditions++)
        {
            for (var pick = 0; pick < 2; pick++)
            {
                bool Given(int condition) => (conditions & (1 << condition)) != 0;
                var filter = new DecisionFilter(
                    Given(0) ? bodies[pick] : null,
                    Given(1) ? meetings[pick] : null,
                    Given(2) ? themes[pick] : null,
                    Given(3) ? Day(2 + (3 * pick)) : null,
                    Given(4) ? Day(7 + (3 * pick)) : null,
                    Given(5) ? [statuses[pick]] : []);
                var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    contexts, DecisionQueries.Register, DecisionQueries.Apply, filter, 0, 100);
                selecting += count > 0 ? 1 : 0;
            }
        }

        // The comparisons are not all of empty lists.
        Assert.True(selecting > 32, $"{selecting} of 128 filters select something");
    }

    private static DateOnly Day(int day) => new(2030, 1, day);

    /// <summary>Decisions of two bodies, three meetings and two themes, in every status, on twelve days.</summary>
    private static async Task<(Guid[] Bodies, Guid[] Meetings, Guid[] Themes)> RecordVariedDecisionsAsync(
        IDbContextFactory<GovernanceDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var bodies = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).Take(2).ToArrayAsync();
        Assert.Equal(2, bodies.Length);
        Guid[] meetings = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        Guid[] themes = [Guid.NewGuid(), Guid.NewGuid()];
        var statuses = Enum.GetValues<DecisionStatus>();
        for (var i = 0; i < 12; i++)
        {
            var decision = new Decision
            {
                Id = Guid.NewGuid(),
                BodyId = bodies[i % 2],
                MeetingId = meetings[i % 3],
                Title = $"Shape {i}",
                DecidedOn = Day(1 + i),
                Status = statuses[i % statuses.Length],
                RecordedAt = DateTimeOffset.UtcNow,
            };
            if (i % 3 != 2)
            {
                decision.Themes.Add(new DecisionTheme { ThemeId = themes[i % 2] });
            }

            db.Decisions.Add(decision);
        }

        await db.SaveChangesAsync();
        return (bodies, meetings, themes);
    }

    [Fact]
    public async Task Every_set_of_the_boards_conditions_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        var owners = await RecordVariedFollowUpsAsync(contexts);
        var statuses = Enum.GetValues<FollowUpStatus>();
        var selecting = 0;
        for (var conditions = 0; conditions < 8; conditions++)
        {
            for (var pick = 0; pick < 2; pick++)
            {
                bool Given(int condition) => (conditions & (1 << condition)) != 0;
                var args = FollowUpBoardArgs.From(new FollowUpFilter(
                    Given(0) ? [statuses[pick]] : [],
                    Given(1) ? new DateOnly(2030, 2 + pick, 10) : null,
                    Given(2) ? owners[pick] : null));
                var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    contexts, DecisionQueries.Board, DecisionQueries.ApplyBoard, args, 0, 100);
                selecting += count > 0 ? 1 : 0;
            }
        }

        // The comparisons are not all of empty lists.
        Assert.True(selecting > 8, $"{selecting} of 16 filters select something");
    }

    /// <summary>One decision with 18 follow-ups a week apart from January 2030: two owners and none, every status,
    /// due on a day or in a month.</summary>
    private static async Task<Guid[]> RecordVariedFollowUpsAsync(IDbContextFactory<GovernanceDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var body = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        Guid[] owners = [Guid.NewGuid(), Guid.NewGuid()];
        var statuses = Enum.GetValues<FollowUpStatus>();
        var decision = new Decision
        {
            Id = Guid.NewGuid(),
            BodyId = body,
            Title = "Board shapes",
            DecidedOn = new DateOnly(2030, 1, 1),
            Status = DecisionStatus.Adopted,
            RecordedAt = DateTimeOffset.UtcNow,
        };
        for (var i = 0; i < 18; i++)
        {
            decision.FollowUps.Add(new FollowUp
            {
                Id = Guid.NewGuid(),
                Description = $"Suivi {i}",
                OwnerOrganizationId = i % 3 == 2 ? null : owners[i % 2],
                DueOn = new DateOnly(2030, 1, 3).AddDays(7 * i),
                DuePrecision = i % 4 == 3 ? DuePrecision.Month : DuePrecision.Day,
                Status = statuses[i % statuses.Length],
            });
        }

        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return owners;
    }
}
