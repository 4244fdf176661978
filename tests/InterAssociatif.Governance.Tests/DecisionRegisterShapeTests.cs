using InterAssociatif.Governance.Decisions;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The decision register is compiled once per set of conditions given (<c>DecisionQueries.Register</c>): each of
/// the 64 sets, with two different values each, reads compiled what the same query translated afresh reads. A set
/// compiled first with one value and read with another shows a condition bound as a constant; a shape blind to a
/// condition would run another set's SQL for it.
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
                await using var db = await contexts.CreateDbContextAsync();
                var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    DecisionQueries.Apply(db, filter), DecisionQueries.Register.For(db, filter), 0, 100);
                Assert.True(
                    DecisionQueries.Register.IsCompiled(filter), $"set {conditions} is translated at each read");
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
}
