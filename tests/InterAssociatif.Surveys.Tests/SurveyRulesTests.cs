namespace InterAssociatif.Surveys.Tests;

public sealed class SurveyRulesTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    private const string Respond = "respondToSurvey";
    private const string Selection = "response { id status late version answers { optionId rank text } }";

    private async Task<(TestSurvey Survey, string Organization, Guid OrganizationRaw)> OpenSurveyAsync(
        string title, string organizationSearch)
    {
        var organization = await Coordinator.OrganizationAsync(organizationSearch);
        var survey = await Coordinator.CreateSurveyAsync(title, [organization]);
        Assert.True(Kernel.Relay.GlobalId.TryDecode(organization, out _, out var raw));
        return (survey, organization, raw);
    }

    private static object Answers(
        TestSurvey s, object? single = null, object? multiple = null, object? ranking = null, bool withRequired = true)
    {
        var answers = new List<object>();
        if (single is not null)
        {
            answers.Add(new { questionId = s.Single, optionIds = single });
        }

        if (multiple is not null)
        {
            answers.Add(new { questionId = s.Multiple, optionIds = multiple });
        }

        if (ranking is not null)
        {
            answers.Add(new { questionId = s.Ranking, ranking });
        }

        if (withRequired)
        {
            answers.Add(new { questionId = s.Required, optionIds = new[] { s.RequiredOptions[0] } });
        }

        return answers;
    }

    [Fact]
    public async Task A_member_answers_for_their_organization_edits_until_the_close_and_the_response_counts_once_submitted()
    {
        var (survey, organization, raw) = await OpenSurveyAsync("Enquête membre", "ecopole");
        var member = factory.GraphQL("member", organizationId: raw);
        var yesNo = (await Coordinator.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Question { options { id label } } } }",
            new { id = survey.Required }))
            .EnsureNoErrors()
            .String("node.options[0].id");

        var draft = await member.MutateAsync(
            Respond,
            "RespondToSurveyInput",
            new
            {
                surveyId = survey.Id,
                answers = new object[]
                {
                    new { questionId = survey.Single, optionIds = new[] { survey.SingleOptions[1] } }
                }
            },
            Selection);
        Assert.Equal(("", "DRAFT"), (draft.ErrorsOf(Respond), draft.String("respondToSurvey.response.status")));
        var before = (await Coordinator.QueryAsync(
            "query($id: ID!) { survey(id: $id) { results { respondents } } }", new { id = survey.Id }))
            .EnsureNoErrors();
        Assert.Equal(0, before.Int("survey.results.respondents"));

        var submitted = await member.MutateAsync("updateSurveyResponse", "UpdateSurveyResponseInput", new
        {
            id = draft.String("respondToSurvey.response.id"),
            version = 1,
            submit = true,
            answers = new object[]
            {
                new { questionId = survey.Single, optionIds = new[] { survey.SingleOptions[2] } },
                new
                {
                    questionId = survey.Multiple,
                    optionIds = new[] { survey.MultipleOptions[0], survey.MultipleOptions[3] },
                    otherText = "Une autre attente"
                },
                new
                {
                    questionId = survey.Ranking,
                    ranking = new[] { survey.RankingOptions[2], survey.RankingOptions[0] }
                },
                new { questionId = survey.Text, text = "Très bien." },
                new { questionId = survey.Required, optionIds = new[] { yesNo } },
            },
        }, Selection);
        Assert.Equal(
            ("", "SUBMITTED", false),
            (submitted.ErrorsOf("updateSurveyResponse"), submitted.String("updateSurveyResponse.response.status"), submitted.At("updateSurveyResponse.response.late")!
                .GetValue<bool>()));

        var results = (await Coordinator.QueryAsync(
            "query($id: ID!) { survey(id: $id) { results { respondents questions { question { text } options { option "
            + "{ label } count share } ranking { option { label } firstChoiceCount } freeText { nodes { text } } } } } "
            + "}",
            new { id = survey.Id })).EnsureNoErrors();
        Assert.Equal(1, results.Int("survey.results.respondents"));
        var multiple = results.At("survey.results.questions[1].options")!.AsArray();
        Assert.Equal([1, 0, 0, 1], multiple.Select(o => o!["count"]!.GetValue<int>()));
        Assert.Equal(1.0, multiple[0]!["share"]!.GetValue<double>()); // a share of respondents, not of selections
        Assert.Equal("R", results.String("survey.results.questions[2].ranking[0].option.label"));
        Assert.Equal(
            ["Une autre attente"],
            results.At("survey.results.questions[1].freeText.nodes")!
                .AsArray()
                .Select(n => n!["text"]!.GetValue<string>()));
        _ = organization;
    }

    [Fact]
    public async Task Bad_answers_are_refused_one_by_one_naming_the_answer_and_nothing_is_written()
    {
        var (survey, organization, _) = await OpenSurveyAsync("Enquête des erreurs", "ocean");
        var other = await Coordinator.CreateSurveyAsync("Autre enquête", [organization]);
        async Task<string> Try(object answers, bool submit = false) =>
            (await Coordinator.MutateAsync(
                Respond,
                "RespondToSurveyInput",
                new { surveyId = survey.Id, organizationId = organization, answers, submit },
                Selection))
                .ErrorsOf(Respond);

        Assert.Equal(
            "NotFoundError NOT_FOUND input.answers[0].optionIds[0]",
            await Try(Answers(survey, single: new[] { other.SingleOptions[0] })));
        Assert.Equal(
            "ValidationError VALIDATION input.answers[0].optionIds",
            await Try(Answers(survey, single: new[] { survey.SingleOptions[0], survey.SingleOptions[1] })));
        Assert.Equal(
            "ValidationError VALIDATION input.answers[0].optionIds",
            await Try(
                Answers(
                    survey,
                    multiple: new[] { survey.MultipleOptions[0], survey.MultipleOptions[1], survey.MultipleOptions[2] })));
        Assert.Equal(
            "ValidationError VALIDATION input.answers[0].ranking",
            await Try(Answers(survey, ranking: new[] { survey.RankingOptions[0], survey.RankingOptions[0] })));
        Assert.Equal(
            "ValidationError VALIDATION input.answers[0].otherText",
            await Try(Answers(survey, multiple: new[] { survey.MultipleOptions[3] })));
        Assert.Equal(
            "ValidationError VALIDATION input.answers",
            await Try(Answers(survey, single: new[] { survey.SingleOptions[0] }, withRequired: false), submit: true));
        Assert.Equal(
            "NotFoundError NOT_FOUND input.answers[0].questionId",
            await Try(new object[] { new { questionId = other.Single, optionIds = new[] { other.SingleOptions[0] } } }));

        var responses = (await Coordinator.QueryAsync(
            "query($id: ID!) { survey(id: $id) { responses { totalCount } } }", new { id = survey.Id }))
            .EnsureNoErrors();
        Assert.Equal(0, responses.Int("survey.responses.totalCount"));

        Assert.Equal("", await Try(Answers(survey, single: new[] { survey.SingleOptions[0] })));
        Assert.Equal(
            "ConflictError CONFLICT input.organizationId",
            await Try(Answers(survey, single: new[] { survey.SingleOptions[1] })));
    }

    [Fact]
    public async Task A_draft_or_closed_survey_takes_no_member_answer_and_a_coordinators_late_answer_is_flagged()
    {
        var organization = await Coordinator.OrganizationAsync("trajet");
        Assert.True(Kernel.Relay.GlobalId.TryDecode(organization, out _, out var raw));
        var draft = await Coordinator.CreateSurveyAsync("Enquête en brouillon", [organization], open: false);
        var member = factory.GraphQL("member", organizationId: raw);
        var onDraft = await member.MutateAsync(
            Respond, "RespondToSurveyInput", new { surveyId = draft.Id, answers = Array.Empty<object>() }, Selection);
        // A member does not see a draft (`survey(id:)` answers null), so it is not found, not in conflict.
        Assert.Equal("NotFoundError NOT_FOUND input.surveyId", onDraft.ErrorsOf(Respond));

        var past = await Coordinator.CreateSurveyAsync(
            "Enquête close", [organization], opensOn: "2020-01-01", closesOn: "2020-02-01");
        var late = await member.MutateAsync(
            Respond, "RespondToSurveyInput", new { surveyId = past.Id, answers = Array.Empty<object>() }, Selection);
        Assert.Equal("ConflictError CONFLICT input.surveyId", late.ErrorsOf(Respond));
        var byCoordinator = await Coordinator.MutateAsync(
            Respond,
            "RespondToSurveyInput",
            new { surveyId = past.Id, organizationId = organization, submit = true, answers = Answers(past) },
            Selection);
        Assert.Equal("", byCoordinator.ErrorsOf(Respond));
        Assert.True(byCoordinator.At("respondToSurvey.response.late")!.GetValue<bool>());
    }

    [Fact]
    public async Task A_member_cannot_answer_for_another_organization()
    {
        var (survey, _, _) = await OpenSurveyAsync("Enquête usurpation", "pulsart");
        Assert.True(
            Kernel.Relay.GlobalId.TryDecode(await Coordinator.OrganizationAsync("regarts"), out _, out var otherRaw));
        var result = await factory.GraphQL("member", organizationId: otherRaw).QueryAsync(
            "mutation($input: RespondToSurveyInput!) { respondToSurvey(input: $input) { errors { code } } }",
            new
            {
                input = new
                {
                    surveyId = survey.Id,
                    organizationId = await Coordinator.OrganizationAsync("pulsart"),
                    answers = Array.Empty<object>()
                }
            });
        Assert.Equal(["ACCESS_DENIED"], result.ErrorCodes);
    }

    [Fact]
    public async Task Questions_change_only_in_draft_and_a_window_cannot_close_before_it_opens()
    {
        var (survey, organization, _) = await OpenSurveyAsync("Enquête figée", "adie");
        var add = await Coordinator.MutateAsync(
            "addSurveyQuestion",
            "AddSurveyQuestionInput",
            new { surveyId = survey.Id, text = "Trop tard", kind = "FREE_TEXT" },
            "question { id }");
        Assert.Equal("ConflictError CONFLICT input.surveyId", add.ErrorsOf("addSurveyQuestion"));
        var remove = await Coordinator.MutateAsync(
            "removeSurveyQuestion", "RemoveSurveyQuestionInput", new { questionId = survey.Text }, "survey { id }");
        Assert.Equal("ConflictError CONFLICT input.surveyId", remove.ErrorsOf("removeSurveyQuestion"));

        var inverted = await Coordinator.MutateAsync(
            "createSurvey",
            "CreateSurveyInput",
            new
            {
                title = "À l'envers",
                opensOn = "2030-05-01",
                closesOn = "2030-04-01",
                audienceIds = new[] { organization }
            },
            "survey { id }");
        Assert.Equal("ValidationError VALIDATION input.closesOn", inverted.ErrorsOf("createSurvey"));

        var publishOpen = await Coordinator.MutateAsync(
            "publishSurveyResults", "SurveyStepInput", new { surveyId = survey.Id }, "survey { status }");
        Assert.Equal("ConflictError CONFLICT input.surveyId", publishOpen.ErrorsOf("publishSurveyResults"));
        var badQuestion = await Coordinator.CreateSurveyAsync("Enquête à questions", [organization], open: false);
        var oneOption = await Coordinator.MutateAsync(
            "addSurveyQuestion",
            "AddSurveyQuestionInput",
            new
            {
                surveyId = badQuestion.Id,
                text = "Un seul choix ?",
                kind = "SINGLE_CHOICE",
                options = new[] { "Seul" }
            },
            "question { id }");
        Assert.Equal("ValidationError VALIDATION input.options", oneOption.ErrorsOf("addSurveyQuestion"));
    }
}

public sealed class DefaultAudienceTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Without_an_audience_a_survey_goes_to_the_members_and_candidates_on_its_opening_day()
    {
        var coordinator = factory.GraphQL("coordinator");
        var created = await coordinator.MutateAsync(
            "createSurvey",
            "CreateSurveyInput",
            new { title = "Enquête de juillet 2017", opensOn = "2017-07-25", closesOn = "2017-09-08" },
            "survey { id audienceSize }");
        var id = created.String("createSurvey.survey.id");
        Assert.Equal(0, created.Int("createSurvey.survey.audienceSize"));
        await coordinator.MutateAsync(
            "addSurveyQuestion",
            "AddSurveyQuestionInput",
            new { surveyId = id, text = "Une question", kind = "FREE_TEXT" },
            "question { id }");
        var opened = await coordinator.MutateAsync(
            "openSurvey", "SurveyStepInput", new { surveyId = id }, "survey { status audienceSize }");

        // On 25 July 2017, 26 of the 27 candidates were still in: MOZAÏK RH had withdrawn after 13 June.
        Assert.Equal(
            ("OPEN", 26), (opened.String("openSurvey.survey.status"), opened.Int("openSurvey.survey.audienceSize")));
    }
}
