using System.Net;
using CsvHelper;

namespace InterAssociatif.Surveys.Tests;

/// <summary>The Surveys matrix, small-group protection, cross-tabulations and the CSV exports.</summary>
public sealed class SurveyAccessTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Anonymous = "anonymous";

    private GraphQLTestClient As(string role, Guid? organization = null) =>
        role == Anonymous ? factory.GraphQL() : factory.GraphQL(role, organizationId: organization);

    [Fact]
    public async Task Each_member_reads_its_own_organisations_response_whoever_asked_first()
    {
        // The loader of `myResponse` captures the caller's organisation: it must be translated for each
        // caller, never compiled once with the first caller's organisation in it.
        const string Responses = "{ surveys(statuses: [RESULTS_PUBLISHED]) "
            + "{ nodes { responses(first: 2) { nodes { organization { id } } } } } }";
        var respondents = (await As("coordinator").QueryAsync(Responses)).EnsureNoErrors();
        foreach (var index in new[] { 0, 1, 0 })
        {
            var organization = respondents.String($"surveys.nodes[0].responses.nodes[{index}].organization.id")!;
            Assert.True(Kernel.Relay.GlobalId.TryDecode(organization, out _, out var raw));
            var mine = await As("member", raw).QueryAsync(
                "{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { myResponse { organization { id } } } } }");
            Assert.Equal(organization, mine.EnsureNoErrors().String("surveys.nodes[0].myResponse.organization.id"));
        }
    }

    [Theory]
    [InlineData(Anonymous, true, true)]
    [InlineData("partner", true, true)]
    [InlineData("member", true, true)]
    [InlineData("analyst", true, true)]
    [InlineData("coordinator", true, true)]
    public async Task Published_results_are_read_by_everyone_partners_included(
        string role, bool seesSurvey, bool readsResults)
    {
        var survey = await As(role)
            .QueryAsync("{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { title questions { text } } } }");
        Assert.Equal(seesSurvey, survey.EnsureNoErrors().At("surveys.nodes")!.AsArray().Count == 1);

        factory.SqlCommands.Reset();
        var results = await As(role).QueryAsync(
            "{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { results { asOf respondents } } } }");
        if (readsResults)
        {
            // Coordinators read now (the late response included); everyone else as of the close.
            var asOf = DateTimeOffset.Parse(
                results.EnsureNoErrors().String("surveys.nodes[0].results.asOf")!, CultureInfo.InvariantCulture);
            var close = new DateTimeOffset(2017, 9, 8, 22, 0, 0, TimeSpan.Zero);
            Assert.Equal(role == "coordinator" ? 20 : 19, results.Int("surveys.nodes[0].results.respondents"));
            Assert.True(role == "coordinator" ? asOf > close : asOf == close, $"{role}: as of {asOf:O}");
        }
        else
        {
            Assert.Equal(["ACCESS_DENIED"], results.ErrorCodes);
            Assert.Equal(0, factory.SqlCommands.Count);
        }
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData("partner")]
    [InlineData("analyst")]
    [InlineData("member")]
    public async Task Who_answered_what_is_for_coordinators_and_the_members_own_organization(string role)
    {
        var result = await As(role)
            .QueryAsync("{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { responses { totalCount } } } }");
        Assert.Equal(["ACCESS_DENIED"], result.ErrorCodes);
        var coordinator = (await As("coordinator")
            .QueryAsync(
                "{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { responses(first: 1) { totalCount nodes { "
                + "organization { name } late answers { text } } } } } }"))
            .EnsureNoErrors();
        Assert.Equal(20, coordinator.Int("surveys.nodes[0].responses.totalCount"));
    }

    [Fact]
    public async Task Unpublished_results_are_read_by_coordinators_only_respondents_members_and_analysts_included()
    {
        var coordinator = As("coordinator");
        var respondent = await coordinator.OrganizationAsync("badauds");
        var silent = await coordinator.OrganizationAsync("nouvelles voies");
        var survey = await coordinator.CreateSurveyAsync("Enquête non publiée", [respondent, silent]);
        await coordinator.MutateAsync(
            "respondToSurvey",
            "RespondToSurveyInput",
            new
            {
                surveyId = survey.Id,
                organizationId = respondent,
                submit = true,
                answers = new object[]
                {
                    new { questionId = survey.Required, optionIds = new[] { survey.RequiredOptions[0] } }
                }
            },
            "response { id }");
        Assert.True(Kernel.Relay.GlobalId.TryDecode(respondent, out _, out var respondentRaw));
        Assert.True(Kernel.Relay.GlobalId.TryDecode(silent, out _, out var silentRaw));
        const string query = "query($id: ID!) { survey(id: $id) { title results { respondents } } }";

        var variables = new { id = survey.Id };
        var coordinators = await coordinator.QueryAsync(query, variables);
        Assert.Equal(1, coordinators.EnsureNoErrors().Int("survey.results.respondents"));
        foreach (var reader in new[] { As("member", respondentRaw), As("member", silentRaw), As("analyst") })
        {
            Assert.Equal(["ACCESS_DENIED"], (await reader.QueryAsync(query, variables)).ErrorCodes);
        }

        Assert.Null((await As(Anonymous).QueryAsync(query, new { id = survey.Id })).EnsureNoErrors().At("survey"));
    }

    [Fact]
    public async Task Analysts_see_small_groups_suppressed_and_coordinators_see_every_count()
    {
        const string query = """
            { surveys(statuses: [RESULTS_PUBLISHED]) { nodes { results(asOf: "2017-09-08T22:00:00Z") {
            smallGroupProtection questions { question { kind } priorityLevels { level options { option { label } count
            share suppressed } } } } } } }
            """;
        static System.Text.Json.Nodes.JsonNode Secondary(GraphQLResult r, string label) =>
            r.At("surveys.nodes[0].results.questions")!.AsArray().Single(q =>
                q!["question"]!["kind"]!.GetValue<string>() == "PRIORITY_MATRIX")!["priorityLevels"]![1]!["options"]!.AsArray()
                .Single(o => o!["option"]!["label"]!.GetValue<string>() == label)!;

        var analyst = (await As("analyst").QueryAsync(query)).EnsureNoErrors();
        Assert.True(analyst.At("surveys.nodes[0].results.smallGroupProtection")!.GetValue<bool>());
        var suppressed = Secondary(analyst, "Réussite éducative, éducation jeunesse"); // one respondent
        Assert.True(suppressed["suppressed"]!.GetValue<bool>());
        Assert.Null(suppressed["count"]);
        Assert.Null(suppressed["share"]);
        Assert.Equal(9, Secondary(analyst, "Tranquillité publique")["count"]!.GetValue<int>());

        var coordinator = (await As("coordinator").QueryAsync(query)).EnsureNoErrors();
        Assert.False(coordinator.At("surveys.nodes[0].results.smallGroupProtection")!.GetValue<bool>());
        Assert.Equal(1, Secondary(coordinator, "Réussite éducative, éducation jeunesse")["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cross_tabulations_split_a_question_by_another_and_by_organization_kind()
    {
        var ids = (await As("coordinator")
            .QueryAsync(
                "{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { id results { questions { question { id text } } } "
                + "} } }"))
            .EnsureNoErrors();
        var questions = ids.At("surveys.nodes[0].results.questions")!.AsArray();
        string QuestionId(string startsWith) =>
            questions.Single(q =>
                q!["question"]!["text"]!.GetValue<string>().StartsWith(startsWith, StringComparison.Ordinal))![
                    "question"]!["id"]!
                .GetValue<string>();
        var place = QuestionId("Quels modes d'organisation favoriseraient votre participation ? Lieu");
        var frequency = QuestionId("Quels modes d'organisation favoriseraient votre participation ? Fréquence");
        var query = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "operations", "SurveyCrossTab.graphql"));

        var byQuestion = (await As("coordinator")
            .QueryAsync(
                query,
                new { surveyId = ids.String("surveys.nodes[0].id"), questionId = place, byQuestionId = frequency }))
            .EnsureNoErrors();
        var cells = byQuestion.At("survey.results.questions[0].crossTab")!.AsArray();
        Assert.Equal(20, cells.Sum(c => c!["count"]!.GetValue<int>())); // every respondent answered both, once each
        Assert.Equal(3 * 3, cells.Count);

        var byKind = (await As("coordinator")
            .QueryAsync(
                query, new { surveyId = ids.String("surveys.nodes[0].id"), questionId = place, byAttribute = "KIND" }))
            .EnsureNoErrors();
        var kinds = byKind.At("survey.results.questions[0].crossTab")!.AsArray();
        Assert.All(kinds, c => Assert.Equal("ASSOCIATION", c!["column"]!.GetValue<string>()));
        Assert.Equal(
            13,
            kinds.Single(c => c!["option"]!["label"]!.GetValue<string>() == "Lieu tournant dans un quartier")!["count"]!
                .GetValue<int>());

        var neither = await As("coordinator")
            .QueryAsync(query, new { surveyId = ids.String("surveys.nodes[0].id"), questionId = place });
        Assert.Equal(["INVALID_ARGUMENT"], neither.ErrorCodes);
    }

    [Fact]
    public async Task The_results_csv_round_trips_through_a_csv_parser_with_accents_intact()
    {
        var id = (await As(Anonymous).QueryAsync("{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("surveys.nodes[0].id");
        using var response = await factory.CreateClient()
            .GetAsync($"/surveys/{id}/results.csv?asOf=2017-09-08T22:00:00Z");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var rows = new List<(string Question, string Option, string Level, string Count)>();
        while (await csv.ReadAsync())
        {
            rows.Add(
                (csv.GetField("questionText")!, csv.GetField("option")!, csv.GetField("level")!, csv.GetField("count")!));
        }

        Assert.Contains(rows, r => r.Option == "Lieu tournant dans un quartier" && r.Count == "12");
        Assert.Contains(rows, r => r.Option == "Tranquillité publique" && r.Level == "SECONDARY" && r.Count == "9");
        Assert.Contains(
            rows,
            r =>
                r.Question.StartsWith("Qu'attendez-vous, en priorité", StringComparison.Ordinal)
                && r.Option == "Être informé et en veille sur le contrat de ville");
    }

    [Fact]
    public async Task The_responses_csv_is_for_coordinators_and_holds_the_texts_verbatim()
    {
        var id = (await As(Anonymous).QueryAsync("{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("surveys.nodes[0].id");
        var analyst = factory.CreateClient();
        analyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token("analyst"));
        using (var denied = await analyst.GetAsync($"/surveys/{id}/responses.csv"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var coordinator = factory.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", factory.Token("coordinator"));
        using var response = await coordinator.GetAsync($"/surveys/{id}/responses.csv");
        using var csv = new CsvReader(
            new StreamReader(await response.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture);
        var texts = new List<(string Organization, string Text)>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            texts.Add((csv.GetField("organization")!, csv.GetField("text")!));
        }

        Assert.Contains(
            texts,
            t =>
                t.Organization == "ARPEJ"
                && t.Text.StartsWith("L'ARPEJ considère les temps de loisirs", StringComparison.Ordinal));
        Assert.Contains(
            texts,
            t =>
                t.Organization == "PULSART"
                && t.Text.Contains("expérience nationale de pulsart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partners_export_published_results_as_anonymous_callers_do()
    {
        var id = (await As(Anonymous).QueryAsync("{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("surveys.nodes[0].id");
        var partner = factory.CreateClient();
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token("partner"));
        using var response = await partner.GetAsync($"/surveys/{id}/results.csv");
        using var anonymous = await factory.CreateClient()
            .GetAsync($"/surveys/{id}/results.csv?asOf=2017-09-08T22:00:00Z");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await anonymous.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());

        // Another instant than the close is refused, naming the argument; a coordinator picks any.
        foreach (var client in new[] { partner, factory.CreateClient() })
        {
            using var meeting = await client.GetAsync($"/surveys/{id}/results.csv?asOf=2017-09-18T10:00:00Z");
            Assert.Equal(HttpStatusCode.BadRequest, meeting.StatusCode);
            var error = JsonNode.Parse(await meeting.Content.ReadAsStringAsync())!["errors"]![0]!;
            Assert.Equal("asOf", error["extensions"]!["field"]!.GetValue<string>());
            Assert.StartsWith(
                "`asOf`: published results are given as of the survey's close, 2017-09-08T22:00:00Z,",
                error["message"]!.GetValue<string>());

            // Not an instant at all: the same field named, whoever asks.
            using var malformed = await client.GetAsync($"/surveys/{id}/results.csv?asOf=18-09-2017%2010h");
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            var invalid = JsonNode.Parse(await malformed.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!;
            Assert.Equal("VALIDATION", invalid["code"]!.GetValue<string>());
            Assert.Equal("asOf", invalid["field"]!.GetValue<string>());
        }

        var coordinator = factory.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", factory.Token("coordinator"));
        using var atMeeting = await coordinator.GetAsync($"/surveys/{id}/results.csv?asOf=2017-09-18T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, atMeeting.StatusCode);
    }
}
