namespace InterAssociatif.Surveys.Tests;

internal sealed record TestSurvey(
    string Id,
    string Single,
    string[] SingleOptions,
    string Multiple,
    string[] MultipleOptions,
    string Ranking,
    string[] RankingOptions,
    string Text,
    string Required,
    string[] RequiredOptions);

internal static class SurveysApi
{
    public static async Task<string> OrganizationAsync(this GraphQLTestClient client, string search) =>
        (await client.QueryAsync(
            "query($s: String) { organizations(first: 1, filter: { search: $s, includeArchived: true }) { nodes { id } "
            + "} }",
            new { s = search })).EnsureNoErrors().String("organizations.nodes[0].id")!;

    /// <summary>
    /// A survey with one question of each main kind, open or still a draft, sent to the given organisations.
    /// </summary>
    public static async Task<TestSurvey> CreateSurveyAsync(
        this GraphQLTestClient coordinator,
        string title,
        string[] audience,
        bool open = true,
        string opensOn = "2020-01-01",
        string closesOn = "2099-12-31")
    {
        var created = await coordinator.MutateAsync(
            "createSurvey",
            "CreateSurveyInput",
            new { title, opensOn, closesOn, audienceIds = audience },
            "survey { id }");
        var id = created.String("createSurvey.survey.id")!;
        async Task<(string Id, string[] Options)> Add(
            string text,
            string kind,
            string[]? options = null,
            int? maxSelections = null,
            bool required = false,
            string? otherLabel = null)
        {
            var added = await coordinator.MutateAsync(
                "addSurveyQuestion",
                "AddSurveyQuestionInput",
                new { surveyId = id, text, kind, options, maxSelections, required, otherLabel },
                "question { id options { id } }");
            Assert.Equal("", added.ErrorsOf("addSurveyQuestion"));
            return (added.String("addSurveyQuestion.question.id")!, added.At("addSurveyQuestion.question.options")!
                .AsArray()
                .Select(o => o!["id"]!.GetValue<string>())
                .ToArray());
        }

        var single = await Add("Une seule réponse", "SINGLE_CHOICE", ["A", "B", "C"]);
        var multiple = await Add(
            "Plusieurs réponses", "MULTIPLE_CHOICE", ["X", "Y", "Z"], maxSelections: 2, otherLabel: "Autre");
        var ranking = await Add("Classez", "RANKING", ["P", "Q", "R"]);
        var text = await Add("Commentaire", "FREE_TEXT");
        var required = await Add("Question obligatoire", "YES_NO", required: true);
        if (open)
        {
            await coordinator.MutateAsync("openSurvey", "SurveyStepInput", new { surveyId = id }, "survey { status }");
        }

        return new TestSurvey(
            id,
            single.Id,
            single.Options,
            multiple.Id,
            multiple.Options,
            ranking.Id,
            ranking.Options,
            text.Id,
            required.Id,
            required.Options);
    }
}
