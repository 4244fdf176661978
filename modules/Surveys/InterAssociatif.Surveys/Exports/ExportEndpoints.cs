using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterAssociatif.Surveys.Exports;

/// <summary>
/// CSV exports, UTF-8 with a byte-order mark so a spreadsheet opens French accents correctly:
/// <c>/surveys/{id}/results.csv?asOf=…</c> (the aggregates, with the results' authorization and
/// small-group protection) and <c>/surveys/{id}/responses.csv</c> (who answered what; coordinators).
/// </summary>
internal sealed class ExportEndpoints(
    ResultsService results,
    IDbContextFactory<SurveysDbContext> factory,
    IDirectoryReader directory,
    IOptions<SurveyResultsOptions> options,
    TimeProvider time) : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Partners read published results as anonymous callers do.
        endpoints.MapGet("/surveys/{surveyId}/results.csv", ResultsAsync).OpenToAnyone();
        // Each organisation's own answers, unsuppressed, and who entered them: every export is in the audit trail.
        endpoints.MapGet("/surveys/{surveyId}/responses.csv", ResponsesAsync)
            .OpenTo(Roles.Coordinator)
            .Audited("exportResponses", "surveyId");
    }

    private async Task<IResult> ResultsAsync(HttpContext http, string surveyId, string? asOf)
    {
        var user = http.User;
        if (!EndpointResults.TryInstant(asOf, out var instant))
        {
            return EndpointResults.InvalidInstant("asOf");
        }

        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        var survey = GlobalId.TryDecode(surveyId, SurveysTypeNames.Survey, out var id)
            ? await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted)
            : null;
        if (survey is null || !SurveyAccess.CanSee(survey, user))
        {
            return EndpointResults.NotFound("surveyId", "survey", surveyId);
        }

        var reading = ResultsRules.Reading(user.IsCoordinator(), survey, instant, time.GetUtcNow());
        if (reading.Refusal != ResultsRefusal.None)
        {
            return reading.Refusal == ResultsRefusal.OtherInstant
                ? EndpointResults.Problem(
                    StatusCodes.Status400BadRequest, new InputValidationError("asOf", ResultsRules.Explain(reading)))
                : EndpointResults.AccessDenied(http, ResultsRules.Explain(reading));
        }

        var minimum = user.IsCoordinator() ? 1 : options.Value.MinimumCellSize;
        var computed = (await results.ComputeAsync(survey.Id, reading.AsOf, minimum, http.RequestAborted))!;
        return Csv($"resultats-{survey.OpensOn:yyyy-MM-dd}.csv", csv =>
        {
            csv.WriteField("question");
            csv.WriteField("questionText");
            csv.WriteField("kind");
            csv.WriteField("option");
            csv.WriteField("level");
            csv.WriteField("count");
            csv.WriteField("share");
            csv.WriteField("suppressed");
            csv.WriteField("rankPosition");
            csv.WriteField("firstChoices");
            csv.WriteField("meanRank");
            csv.WriteField("bordaScore");
            csv.WriteField("respondents");
            csv.WriteField("asOf");
            csv.NextRecord();
            foreach (var question in computed.Survey.Questions.OrderBy(q => q.Position)
                .Select(q => new QuestionResult(computed, q)))
            {
                void Row(
                    string option,
                    string level,
                    Cell cell,
                    int? position = null,
                    int? first = null,
                    double? mean = null,
                    int? borda = null)
                {
                    csv.WriteField(question.Question.Position);
                    csv.WriteField(question.Question.Text);
                    csv.WriteField(question.Question.Kind.ToString());
                    csv.WriteField(option);
                    csv.WriteField(level);
                    csv.WriteField(cell.Count);
                    csv.WriteField(cell.Share);
                    csv.WriteField(cell.Suppressed);
                    csv.WriteField(position);
                    csv.WriteField(first);
                    csv.WriteField(mean);
                    csv.WriteField(borda);
                    csv.WriteField(computed.Respondents);
                    csv.WriteField(computed.AsOf.ToString("O", CultureInfo.InvariantCulture));
                    csv.NextRecord();
                }

                switch (question.Question.Kind)
                {
                    case QuestionKind.Ranking:
                        foreach (var r in ResultsService.Ranking(question))
                        {
                            Row(r.Option.Label, "", r.Chosen, r.Position, r.FirstChoiceCount, r.MeanRank, r.BordaScore);
                        }

                        break;
                    case QuestionKind.PriorityMatrix:
                        foreach (var level in ResultsService.Matrix(question))
                        {
                            foreach (var o in level.Options)
                            {
                                Row(o.Option.Label, level.Level.ToString().ToUpperInvariant(), o.Cell, o.Position);
                            }
                        }

                        break;
                    case QuestionKind.FreeText:
                        // As `answered` in GraphQL: the texts themselves are published (verbatim).
                        Row("", "", new Cell(question.Answered, computed.Share(question.Answered), false));
                        break;
                    default:
                        foreach (var o in ResultsService.Options(question))
                        {
                            Row(o.Option.Label, "", o.Cell);
                        }

                        break;
                }
            }
        });
    }

    private async Task<IResult> ResponsesAsync(HttpContext http, string surveyId)
    {
        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        var survey = GlobalId.TryDecode(surveyId, SurveysTypeNames.Survey, out var id)
            ? await db.SurveyWithQuestionsAsync(id, http.RequestAborted)
            : null;
        if (survey is null)
        {
            return EndpointResults.NotFound("surveyId", "survey", surveyId);
        }

        var responses = await db.Responses.Where(r => r.SurveyId == survey.Id)
            .OrderBy(r => r.SubmittedAt)
            .ThenBy(r => r.Id)
            .ToListAsync(http.RequestAborted);
        var answers = (await db.Answers.Where(a =>
            db.Responses.Any(r => r.SurveyId == survey.Id && r.Id == a.ResponseId))
            .ToListAsync(http.RequestAborted))
            .ToLookup(a => a.ResponseId);
        var organizations = await directory.GetOrganizationsAsync(
            responses.Select(r => r.OrganizationId).ToList(), http.RequestAborted);
        var questions = survey.Questions.ToDictionary(q => q.Id);
        var labels = survey.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Label);
        return Csv($"reponses-{survey.OpensOn:yyyy-MM-dd}.csv", csv =>
        {
            foreach (var header in new[]
            {
                "organization",
                "status",
                "submittedAt",
                "late",
                "enteredBy",
                "question",
                "questionText",
                "option",
                "rank",
                "level",
                "text"
            })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var response in responses)
            {
                foreach (var answer in answers[response.Id]
                    .OrderBy(a => questions[a.QuestionId].Position)
                    .ThenBy(a => a.Rank))
                {
                    csv.WriteField(
                        organizations.TryGetValue(response.OrganizationId, out var o)
                            ? o.Name
                            : response.OrganizationId.ToString());
                    csv.WriteField(response.Status.ToString().ToUpperInvariant());
                    csv.WriteField(response.SubmittedAt?.ToString("O", CultureInfo.InvariantCulture));
                    csv.WriteField(response.Late);
                    csv.WriteField(response.EnteredBy);
                    csv.WriteField(questions[answer.QuestionId].Position);
                    csv.WriteField(questions[answer.QuestionId].Text);
                    csv.WriteField(answer.OptionId is { } option ? labels[option] : "");
                    csv.WriteField(answer.Rank);
                    csv.WriteField(answer.Level?.ToString().ToUpperInvariant());
                    csv.WriteField(answer.Text);
                    csv.NextRecord();
                }
            }
        });
    }

    /// <summary>
    /// A CSV file in UTF-8 with a byte-order mark, offered for download as <paramref name="fileName"/>.
    /// </summary>
    private static IResult Csv(string fileName, Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            write(csv);
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
