namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// The results' CSV export serves and refuses exactly as GraphQL's <c>Survey.results</c> does, for every role × a
/// survey in every status (the demo's published one and three made here: a draft, an open and a closed one): served
/// to both or to neither, and refused with the same code (<c>NOT_FOUND</c> where the survey is not visible).
/// </summary>
public sealed class ResultsExportConsistencyTests(InterAssociatifFactory factory)
    : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task The_csv_export_serves_and_refuses_as_the_results_field_does()
    {
        var coordinator = factory.GraphQL("coordinator");
        var surveys = new Dictionary<string, string>
        {
            ["RESULTS_PUBLISHED"] = (await coordinator.QueryAsync(
                    "{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { id } } }"))
                .EnsureNoErrors().String("surveys.nodes[0].id")!,
        };
        foreach (var (status, steps) in new[] { ("DRAFT", 0), ("OPEN", 1), ("CLOSED", 2) })
        {
            var id = (await coordinator.MutateAsync(
                    "createSurvey",
                    "CreateSurveyInput",
                    new { title = $"Enquête {status}", opensOn = "2017-07-25", closesOn = "2017-09-08" },
                    "survey { id }"))
                .String("createSurvey.survey.id")!;
            await coordinator.MutateAsync(
                "addSurveyQuestion",
                "AddSurveyQuestionInput",
                new { surveyId = id, text = "Une question", kind = "FREE_TEXT" },
                "question { id }");
            foreach (var step in new[] { "openSurvey", "closeSurvey" }.Take(steps))
            {
                var moved = await coordinator.MutateAsync(
                    step, "SurveyStepInput", new { surveyId = id }, "survey { id }");
                Assert.Empty(moved.At($"{step}.errors")!.AsArray());
            }

            surveys[status] = id;
        }

        var failures = new List<string>();
        foreach (var role in new[] { "anonymous", "partner", "member", "analyst", "coordinator" })
        {
            var token = role == "anonymous" ? null : factory.Token(role);
            var graph = token is null ? factory.GraphQL() : factory.GraphQL(role);
            foreach (var (status, id) in surveys)
            {
                var read = await graph.QueryAsync(
                    "query($id: ID!) { survey(id: $id) { results { respondents } } }", new { id });
                var expected = read.Errors.Count > 0
                    ? read.Errors[0]!["extensions"]?["code"]?.GetValue<string>()
                    : read.At("survey") is null ? "NOT_FOUND" : "served";
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/surveys/{id}/results.csv");
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await factory.CreateClient().SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var actual = response.IsSuccessStatusCode ? "served"
                    : response.Content.Headers.ContentType?.MediaType == "application/json"
                        ? JsonNode.Parse(text)?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>()
                        : "untyped";
                if (actual != expected)
                {
                    failures.Add($"{role}, {status}: GraphQL {expected}, CSV {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
