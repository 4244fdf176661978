using InterAssociatif.Surveys.DemoData;

namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// The published figures of 2017, given back by an analyst's query on the demo data (as of the close, the one instant
/// published figures are given at); the response count at the meeting by a coordinator's.
/// </summary>
public sealed class PublishedFiguresTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string AtClose = "2017-09-08T22:00:00Z"; // the end of 8 September 2017, Paris time
    private const string AtMeeting = "2017-09-18T10:00:00Z";

    private async Task<JsonNode> ResultsAsync(string asOf, string role = "analyst")
    {
        var query = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "operations", "AnalystSurveyResults.graphql"));
        return (await factory.GraphQL(role).QueryAsync(query, new { asOf })).EnsureNoErrors().At(
            "surveys.nodes[0].results")!;
    }

    private static JsonNode Question(JsonNode results, string startsWith) =>
        results["questions"]!.AsArray().Single(q =>
            q!["question"]!["text"]!.GetValue<string>().StartsWith(startsWith, StringComparison.Ordinal))!;

    private static Dictionary<string, int?> Counts(JsonNode question) =>
        question["options"]!
            .AsArray()
            .ToDictionary(o => o!["option"]!["label"]!.GetValue<string>(), o => o!["count"]?.GetValue<int>());

    [Fact]
    public async Task Nineteen_responses_by_the_close_and_twenty_of_twenty_seven_by_the_meeting()
    {
        var close = await ResultsAsync(AtClose);
        Assert.Equal((19, 27), (close["respondents"]!.GetValue<int>(), close["audience"]!.GetValue<int>()));
        var meeting = await ResultsAsync(AtMeeting, "coordinator"); // the one late response: coordinators only
        Assert.Equal((20, 27), (meeting["respondents"]!.GetValue<int>(), meeting["audience"]!.GetValue<int>()));
        Assert.Equal(0.7407, meeting["responseRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_rotating_place_in_a_neighbourhood_is_chosen_by_63_percent_as_of_the_close()
    {
        var place = Question(
            await ResultsAsync(AtClose), "Quels modes d'organisation favoriseraient votre participation ? Lieu");
        var option = place["options"]!.AsArray().Single(o =>
            o!["option"]!["label"]!.GetValue<string>() == "Lieu tournant dans un quartier")!;
        Assert.Equal(12, option["count"]!.GetValue<int>());
        Assert.Equal(63, (int)Math.Round(option["share"]!.GetValue<double>() * 100));
        Assert.Equal(
            "Une réunion tous les trimestres",
            Counts(
                Question(
                    await ResultsAsync(AtClose),
                    "Quels modes d'organisation favoriseraient votre participation ? Fréquence"))
                .MaxBy(c => c.Value).Key);
    }

    [Fact]
    public async Task The_four_2020_answers_count_15_11_10_and_9_in_that_order_as_of_the_close()
    {
        var ranking = Question(await ResultsAsync(AtClose), "En 2020, l'inter-associatif c'est quoi")["ranking"]!
            .AsArray();
        Assert.Equal([15, 11, 10, 9], ranking.Select(r => r!["count"]!.GetValue<int>()));
        Assert.Equal([1, 2, 3, 4], ranking.Select(r => r!["position"]!.GetValue<int>()));
        Assert.StartsWith("Un lieu de débat", ranking[0]!["option"]!["label"]!.GetValue<string>());
        Assert.StartsWith(
            "Un lieu qui ressemble à la vie des habitants", ranking[3]!["option"]!["label"]!.GetValue<string>());
        Assert.True(
            ranking.Select(r => r!["bordaScore"]!.GetValue<int>())
                .Zip(ranking.Skip(1).Select(r => r!["bordaScore"]!.GetValue<int>()))
                .All(p => p.First > p.Second));
    }

    [Fact]
    public async Task Primary_themes_rank_as_published_and_public_tranquillity_leads_the_secondary_themes()
    {
        // The whole order of the slides needs every count: a coordinator's view (an analyst's withholds
        // the themes of one or two respondents and what would give them away).
        var levels = Question(await ResultsAsync(AtClose, "coordinator"), "Par quelle thématique")["priorityLevels"]!
            .AsArray();
        var primary = levels.Single(l => l!["level"]!.GetValue<string>() == "PRIMARY")!["options"]!
            .AsArray()
            .Select(o => o!["option"]!["label"]!.GetValue<string>());
        Assert.Equal(
            ["Réussite éducative, éducation jeunesse", "Gouvernance", "Lutte contre les discriminations", "Développement économique, emploi et formation",
             "Culture", "Qualité de service et accès aux droits", "Cadre de vie", "Santé", "Tranquillité publique"],
            primary);
        var secondary = levels.Single(l => l!["level"]!.GetValue<string>() == "SECONDARY")!["options"]!.AsArray();
        Assert.Equal("Tranquillité publique", secondary[0]!["option"]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cooperation_is_near_unanimous_and_two_other_expectations_have_a_majority()
    {
        var counts = Counts(Question(await ResultsAsync(AtClose), "Qu'attendez-vous, en priorité"));
        Assert.True(counts["Des opportunités de coopération avec d'autres associations"] >= 18);
        Assert.True(counts["La possibilité d'infléchir les politiques publiques"] > 19 / 2);
        Assert.True(counts["Une meilleure prise en compte de l'intérêt associatif"] > 19 / 2);
        Assert.True(counts.Values.Max() == counts["Des opportunités de coopération avec d'autres associations"]);
    }

    public static TheoryData<string, string[]> FreeTexts() => new()
    {
        { SurveyDemoTexts.ParticipateForQuestion, SurveyDemoTexts.ParticipateFor },
        { SurveyDemoTexts.OtherThemesQuestion, SurveyDemoTexts.OtherThemes },
        { SurveyDemoTexts.OtherExpectationsQuestion, SurveyDemoTexts.OtherExpectations },
        { SurveyDemoTexts.OtherFunctionsQuestion, SurveyDemoTexts.OtherFunctions },
        { SurveyDemoTexts.OtherPrinciplesQuestion, SurveyDemoTexts.OtherPrinciples },
        { SurveyDemoTexts.FurtherExpectationsQuestion, SurveyDemoTexts.FurtherExpectations },
    };

    /// <summary>
    /// The texts, as of the meeting, are exactly those the results print — checked against the source file itself.
    /// </summary>
    [Theory]
    [MemberData(nameof(FreeTexts))]
    public async Task Free_text_answers_are_exactly_those_printed_in_the_results(string question, string[] printed)
    {
        var source = await File.ReadAllTextAsync(
            RepositoryFiles.Path("docs", "sources", "compte-rendu-inter-associatif-2017-09-18.txt"));
        Assert.All(printed, text => Assert.Contains(text.Split(' ')[0], source, StringComparison.Ordinal));
        // The printed results hold the late response's texts too: a coordinator's reading as of the meeting.
        var answers = Question(await ResultsAsync(AtMeeting, "coordinator"), question)["freeText"]!;
        Assert.Equal(printed.Length, answers["totalCount"]!.GetValue<int>());
        Assert.Equal(
            printed.Order(StringComparer.Ordinal),
            answers["nodes"]!.AsArray().Select(n => n!["text"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_printed_texts_come_from_the_source_document_verbatim()
    {
        // Join the source's wrapped lines the way the extraction did, then look for every text.
        var source = string.Join(
            ' ',
            (await File.ReadAllLinesAsync(
                RepositoryFiles.Path("docs", "sources", "compte-rendu-inter-associatif-2017-09-18.txt")))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0));
        var all = FreeTexts().SelectMany(row => (string[])row[1]);
        Assert.All(all, text => Assert.Contains("● " + text, source, StringComparison.Ordinal));
    }

}
