using InterAssociatif.Kernel.Errors;

namespace InterAssociatif.Surveys.Tests.Rules;

/// <summary>The Surveys module's rules as plain code: no database, no HTTP.</summary>
public sealed class SurveyLifecycleRulesTests
{
    private static readonly DateTimeOffset Now = new(2017, 9, 18, 12, 0, 0, TimeSpan.FromHours(2));

    private static Survey SurveyIn(SurveyStatus status, bool questions = true, bool audience = true) => new()
    {
        Status = status,
        OpensOn = new DateOnly(2017, 9, 1),
        ClosesOn = new DateOnly(2017, 9, 30),
        Questions = questions ? [new Question { Text = "Q1", Kind = QuestionKind.YesNo }] : [],
        Audience = audience ? [new SurveyAudience { OrganizationId = Guid.NewGuid() }] : [],
    };

    /// <summary>Every status × every status, by name (the module's enums are internal).</summary>
    public static TheoryData<string, string> EveryStep()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<SurveyStatus>())
        {
            foreach (var to in Enum.GetNames<SurveyStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    /// <summary>
    /// Every status × every target: only DRAFT → OPEN → CLOSED → RESULTS_PUBLISHED, one step at a time.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryStep))]
    public void A_survey_moves_one_step_forward_at_a_time(string fromName, string toName)
    {
        var (from, to) = (Enum.Parse<SurveyStatus>(fromName), Enum.Parse<SurveyStatus>(toName));
        var errors = new ErrorList();
        SurveyRules.StepIsAllowed(errors, SurveyIn(from), to);
        var allowed = (from, to) is (SurveyStatus.Draft, SurveyStatus.Open) or (SurveyStatus.Open, SurveyStatus.Closed) or (SurveyStatus.Closed, SurveyStatus.ResultsPublished);
        Assert.Equal(!allowed, errors.Any);
        Assert.All(errors.Items, e => Assert.Equal(("CONFLICT", "surveyId"), (e.Code, e.Field)));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_survey_without_questions_or_audience_does_not_open(bool questions, bool audience)
    {
        var errors = new ErrorList();
        SurveyRules.StepIsAllowed(errors, SurveyIn(SurveyStatus.Draft, questions, audience), SurveyStatus.Open);
        Assert.Equal(("CONFLICT", "surveyId"), (errors.Items.Single().Code, errors.Items.Single().Field));
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void Questions_change_only_in_draft_and_the_window_is_ordered(string statusName, string unused)
    {
        _ = unused;
        var status = Enum.Parse<SurveyStatus>(statusName);
        var errors = new ErrorList();
        SurveyRules.QuestionsChangeOnlyInDraft(errors, SurveyIn(status));
        Assert.Equal(status != SurveyStatus.Draft, errors.Any);

        var window = new ErrorList();
        SurveyRules.WindowIsOrdered(window, new DateOnly(2017, 9, 2), new DateOnly(2017, 9, 1));
        SurveyRules.WindowIsOrdered(window, new DateOnly(2017, 9, 1), new DateOnly(2017, 9, 1));
        Assert.Equal(["VALIDATION closesOn"], window.Items.Select(e => $"{e.Code} {e.Field}"));
    }

    /// <summary>
    /// Every status × before or after the close × member or coordinator: members answer an open survey until it closes;
    /// coordinators also late.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryStep))]
    public void Members_answer_until_the_close_and_coordinators_also_late(string statusName, string unused)
    {
        _ = unused;
        var status = Enum.Parse<SurveyStatus>(statusName);
        foreach (var coordinator in new[] { false, true })
        {
            foreach (var afterClose in new[] { false, true })
            {
                var errors = new ErrorList();
                var closesAt = afterClose ? Now.AddMinutes(-1) : Now.AddMinutes(1);
                ResponseRules.SurveyAcceptsAnswers(
                    errors, SurveyIn(status), new Respondent(coordinator, Guid.NewGuid()), Now, closesAt);
                var accepted = (status == SurveyStatus.Open && !afterClose)
                    || (coordinator && (status == SurveyStatus.Closed || (status == SurveyStatus.Open && afterClose)));
                Assert.True(
                    accepted != errors.Any, $"{status}, coordinator {coordinator}, after the close {afterClose}");
            }
        }
    }

    [Theory]
    [InlineData("SingleChoice", new[] { "A", "B" }, null, null, null)]
    [InlineData("SingleChoice", new[] { "A" }, null, null, "VALIDATION options")]
    [InlineData("SingleChoice", new[] { "A" }, "Autre", null, null)]
    [InlineData("SingleChoice", new[] { "Écoles", "ecoles" }, null, null, "VALIDATION options")]
    [InlineData("SingleChoice", new[] { "A", "" }, null, null, "VALIDATION options[1]")]
    [InlineData("MultipleChoice", new[] { "A", "B", "C" }, null, 2, null)]
    [InlineData("MultipleChoice", new[] { "A", "B", "C" }, null, 4, "VALIDATION maxSelections")]
    [InlineData("SingleChoice", new[] { "A", "B" }, null, 1, "VALIDATION maxSelections")]
    [InlineData("FreeText", new[] { "A" }, null, null, "VALIDATION options")]
    [InlineData("YesNo", new string[0], null, null, null)]
    public void A_questions_options_fit_its_kind(
        string kindName, string[] options, string? other, int? maxSelections, string? expected)
    {
        var errors = new ErrorList();
        QuestionRules.Options(errors, Enum.Parse<QuestionKind>(kindName), options, other, maxSelections);
        Assert.Equal(expected, errors.Items.Select(e => $"{e.Code} {e.Field}").FirstOrDefault());
    }
}
