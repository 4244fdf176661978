namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// Aggregates and free texts cost a fixed number of SQL commands, whatever the number of responses and questions.
/// </summary>
public sealed class SqlCommandCountTests(SqlCommandCountTests.EmptyFactory factory)
    : IClassFixture<SqlCommandCountTests.EmptyFactory>
{
    private const string Query = "query($id: ID!) { survey(id: $id) { results { respondents questions { answered "
        + "options { count share } ranking { bordaScore meanRank firstChoiceCount } priorityLevels { options { count } "
        + "} "
        + "freeText(first: 5) { totalCount nodes { text } } } } } }";

    private async Task<(long Commands, int Respondents)> ResultsAsync(Guid surveyId)
    {
        var id = Kernel.Relay.GlobalId.Encode("Survey", surveyId);
        factory.SqlCommands.Reset();
        var result = (await factory.GraphQL("coordinator").QueryAsync(Query, new { id })).EnsureNoErrors();
        return (factory.SqlCommands.Count, result.Int("survey.results.respondents"));
    }

    [Fact]
    public async Task Ten_thousand_responses_to_twenty_questions_cost_the_same_commands_as_ten_to_ten()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<SurveysDbContext>>();
        Guid small, large;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            small = await SurveyLoad.CreateAsync(db, responses: 10, questions: 10, seed: 1, texts: true);
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            large = await SurveyLoad.CreateAsync(db, responses: 10_000, questions: 20, seed: 2, texts: true);
        }

        var few = await ResultsAsync(small);
        var many = await ResultsAsync(large);
        Assert.Equal((10, 10_000), (few.Respondents, many.Respondents));
        Assert.Equal(few.Commands, many.Commands);
        Assert.Equal(9, many.Commands); // exact: a command more is a decision, made here
    }

    public sealed class EmptyFactory : InterAssociatifFactory
    {
        public EmptyFactory() => With("Database:SeedDemoData", "false");
    }
}
