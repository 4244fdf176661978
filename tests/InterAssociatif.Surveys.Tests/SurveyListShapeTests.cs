namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// The surveys list is compiled once per visibility and status condition (<c>SurveyQueries.Pages</c>): for each
/// visibility, every set of statuses reads compiled what the same query translated afresh reads, and a caller
/// never reads a survey its visibility hides.
/// </summary>
public sealed class SurveyListShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Every_visibility_and_set_of_statuses_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<SurveysDbContext>>();
        await RecordSurveysInEveryStatusAsync(contexts);
        var statuses = Enum.GetValues<SurveyStatus>();
        foreach (var visibility in Enum.GetValues<SurveyVisibility>())
        {
            for (var set = 0; set < 1 << statuses.Length; set++)
            {
                var args = new SurveyListArgs(visibility, statuses.Where((_, i) => (set & (1 << i)) != 0).ToList());
                await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    contexts, SurveyQueries.Pages, SurveyQueries.Apply, args, 0, 100);
            }

            await using var db = await contexts.CreateDbContextAsync();
            var seen = await SurveyQueries.Pages.For(db, new SurveyListArgs(visibility, [])).ReadAsync(0, 100, default);
            Assert.Equal(
                visibility switch
                {
                    SurveyVisibility.All => statuses,
                    SurveyVisibility.AllButDrafts => statuses.Where(s => s != SurveyStatus.Draft).ToArray(),
                    _ => [SurveyStatus.ResultsPublished],
                },
                seen.Select(s => s.Status).Distinct().Order());
        }
    }

    /// <summary>Two surveys in each status, a month apart.</summary>
    private static async Task RecordSurveysInEveryStatusAsync(IDbContextFactory<SurveysDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var statuses = Enum.GetValues<SurveyStatus>();
        for (var i = 0; i < 2 * statuses.Length; i++)
        {
            db.Surveys.Add(new Survey
            {
                Id = Guid.NewGuid(),
                Title = $"Forme {i}",
                OpensOn = new DateOnly(2033, 1 + i, 1),
                ClosesOn = new DateOnly(2033, 1 + i, 20),
                Status = statuses[i % statuses.Length],
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }
}
