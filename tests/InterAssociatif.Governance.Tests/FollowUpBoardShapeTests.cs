using InterAssociatif.Governance.Decisions;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The follow-up board is compiled once per set of conditions given (<c>DecisionQueries.Board</c>): each of the 8
/// sets, with two different values each, reads compiled what the same query translated afresh reads, and is
/// compiled. The overdue day is picked in two months, on follow-ups due on a day or only in a month.
/// </summary>
public sealed class FollowUpBoardShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Every_set_of_conditions_reads_compiled_what_the_query_translated_afresh_reads()
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
                await using var db = await contexts.CreateDbContextAsync();
                var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    DecisionQueries.ApplyBoard(db, args), DecisionQueries.Board.For(db, args), 0, 100);
                Assert.True(DecisionQueries.Board.IsCompiled(args), $"set {conditions} is translated at each read");
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
