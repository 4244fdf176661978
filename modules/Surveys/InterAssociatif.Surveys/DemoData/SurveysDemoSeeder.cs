namespace InterAssociatif.Surveys.DemoData;

/// <summary>
/// Loads the 2017 questionnaire and its 20 responses through the module's own services: the survey
/// is written as a draft, opened, closed, then the responses are entered as a coordinator with the
/// day each was received, and the results are published. Idempotent: an existing survey of that
/// title is left as it is.
/// </summary>
internal sealed class SurveysDemoSeeder(
    IDbContextFactory<SurveysDbContext> factory,
    IDirectoryReader directory,
    SurveyService surveys,
    ResponseService responses) : IDemoDataSeeder
{
    public int Order => 300;

    public string Module => "Surveys";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Surveys.AnyAsync(s => s.Title == SurveyDemoData.Title, cancellationToken))
        {
            return;
        }

        var audience = new List<Guid>();
        foreach (var name in Candidates)
        {
            if (await directory.FindOrganizationIdByNameAsync(name, cancellationToken) is not { } id)
            {
                return; // the Directory's demo data is not there
            }

            audience.Add(id);
        }

        var survey = Expect(
            await surveys.CreateAsync(
                new CreateSurveyInput(
                    SurveyDemoData.Title,
                    SurveyDemoData.Description,
                    SurveyDemoData.OpensOn,
                    SurveyDemoData.ClosesOn,
                    audience),
                new ErrorList(),
                cancellationToken));
        var questions = new List<Question>();
        foreach (var plan in SurveyDemoData.Questions)
        {
            var labels = plan.Kind is QuestionKind.YesNo or QuestionKind.FreeText
                ? []
                : plan.Options.Select(o => o.Label).ToList();
            questions.Add(
                Expect(
                    await surveys.AddQuestionAsync(
                        new AddSurveyQuestionInput(
                            survey.Id,
                            plan.Text,
                            plan.Section,
                            plan.Kind,
                            plan.Required,
                            plan.MaxSelections,
                            labels,
                            null,
                            null),
                        new ErrorList(),
                        cancellationToken)));
        }

        Expect(await surveys.MoveToAsync(survey.Id, SurveyStatus.Open, new ErrorList(), cancellationToken));
        Expect(await surveys.MoveToAsync(survey.Id, SurveyStatus.Closed, new ErrorList(), cancellationToken));

        var coordinator = new Respondent(IsCoordinator: true, MemberOrganizationId: null);
        for (var respondent = 0; respondent < SurveyDemoData.Respondents.Length; respondent++)
        {
            var organization = await directory.FindOrganizationIdByNameAsync(
                SurveyDemoData.Respondents[respondent], cancellationToken)
                ?? throw new InvalidOperationException(
                    $"Demo respondent not found: {SurveyDemoData.Respondents[respondent]}");
            var answers = SurveyDemoData.Questions.Select((plan, q) => AnswerOf(plan, questions[q], respondent))
                .Where(a => a is not null)
                .Select(a => a!)
                .ToList();
            Expect(
                await responses.RespondAsync(
                    new RespondToSurveyInput(
                        survey.Id, organization, answers, Submit: true, SurveyDemoData.SubmittedAt(respondent)),
                    coordinator,
                    new ErrorList(),
                    cancellationToken));
        }

        Expect(await surveys.MoveToAsync(survey.Id, SurveyStatus.ResultsPublished, new ErrorList(), cancellationToken));
    }

    private static readonly string[] Candidates =
    [
        .. SurveyDemoData.Respondents,
        "MOZAÏK RH", "100 000 Entrepreneurs", "LA LUNA", "MAKE A MOVE", "OPTIMA", "FETE LE MUR", "VIVRE LIBRE",
    ];

    /// <summary>
    /// The answer a respondent gives to a question, following the plan; null when they leave it blank.
    /// </summary>
    private static SurveyAnswerInput? AnswerOf(SurveyDemoData.QuestionPlan plan, Question question, int respondent)
    {
        var options = question.Options.OrderBy(o => o.Position).Select(o => o.Id).ToList();
        if (plan.Kind == QuestionKind.FreeText)
        {
            var texts = plan.Texts!;
            string? text = null;
            if (texts == SurveyDemoTexts.ParticipateFor)
            {
                text = texts[SurveyDemoData.ParticipateForAuthor[respondent]];
            }
            else
            {
                for (var k = 0; k < texts.Length; k++)
                {
                    if ((plan.TextOffset + (k * 3)) % SurveyDemoData.OnTime == respondent)
                    {
                        text = texts[k];
                    }
                }
            }

            return text is null ? null : new SurveyAnswerInput(question.Id, [], [], [], [], text, null);
        }

        List<(int Option, bool Secondary)> chosen = respondent < SurveyDemoData.OnTime
            ? SurveyDemoData.Deal(plan)
                .Where(d => d.Respondent == respondent)
                .Select(d => (d.Option, d.Secondary))
                .ToList()
            : plan.Late.Select(i => i < 0 ? (-i - 1, true) : (i, false)).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var ids = chosen.OrderBy(c => c.Option).Select(c => options[c.Option]).ToList();
        return plan.Kind switch
        {
            QuestionKind.Ranking => new SurveyAnswerInput(question.Id, [], ids, [], [], null, null),
            QuestionKind.PriorityMatrix => new SurveyAnswerInput(
                question.Id,
                [],
                [],
                chosen.Where(c => !c.Secondary).Select(c => options[c.Option]).ToList(),
                chosen.Where(c => c.Secondary).Select(c => options[c.Option]).ToList(),
                null,
                null),
            _ => new SurveyAnswerInput(question.Id, ids, [], [], [], null, null),
        };
    }

    private static T Expect<T>(MutationResult<T> result)
        where T : class =>
        result.Value
        ?? throw new InvalidOperationException(
            "Demo data broke a rule: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
