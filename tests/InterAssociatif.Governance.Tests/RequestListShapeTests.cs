using InterAssociatif.Governance.Requests;

namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The escalated requests are compiled once with a status condition and once without
/// (<c>RequestQueries.Pages</c>): every set of statuses reads compiled what the same query translated afresh reads.
/// </summary>
public sealed class RequestListShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Every_set_of_statuses_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        await RecordVariedRequestsAsync(contexts);
        var statuses = Enum.GetValues<RequestStatus>();
        var selecting = 0;
        for (var set = 0; set < 1 << statuses.Length; set++)
        {
            var args = new RequestListArgs(statuses.Where((_, i) => (set & (1 << i)) != 0).ToList());
            var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                contexts, RequestQueries.Pages, RequestQueries.Apply, args, 1, 5);
            selecting += count > 0 ? 1 : 0;
        }

        Assert.Equal(1 << statuses.Length, selecting);
    }

    /// <summary>Twelve requests of one body, raised a week apart, in every status.</summary>
    private static async Task RecordVariedRequestsAsync(IDbContextFactory<GovernanceDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var body = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var statuses = Enum.GetValues<RequestStatus>();
        for (var i = 0; i < 12; i++)
        {
            db.Requests.Add(new EscalatedRequest
            {
                Id = Guid.NewGuid(),
                BodyId = body,
                Text = $"Demande {i}",
                RaisedOn = new DateOnly(2030, 1, 2).AddDays(7 * i),
                Status = statuses[i % statuses.Length],
            });
        }

        await db.SaveChangesAsync();
    }
}
