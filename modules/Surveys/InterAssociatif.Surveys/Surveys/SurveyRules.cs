namespace InterAssociatif.Surveys.Surveys;

/// <summary>The rules of a survey's window, lifecycle and questions.</summary>
internal static class SurveyRules
{
    public static void WindowIsOrdered(ErrorList errors, DateOnly opensOn, DateOnly closesOn)
    {
        if (closesOn < opensOn)
        {
            errors.Add(new InputValidationError("closesOn", "`closesOn` must not be before `opensOn`."));
        }
    }

    /// <summary>A published questionnaire's questions cannot change: answers would no longer match.</summary>
    public static void QuestionsChangeOnlyInDraft(ErrorList errors, Survey survey)
    {
        if (survey.Status != SurveyStatus.Draft)
        {
            errors.Add(
                new ConflictError(
                    "surveyId",
                    $"The survey is {survey.Status.GraphQLName()}: its questions change only while it is a DRAFT."));
        }
    }

    public static void StepIsAllowed(ErrorList errors, Survey survey, SurveyStatus target)
    {
        var expected = target switch
        {
            SurveyStatus.Open => SurveyStatus.Draft,
            SurveyStatus.Closed => SurveyStatus.Open,
            SurveyStatus.ResultsPublished => SurveyStatus.Closed,
            _ => (SurveyStatus?)null,
        };
        if (expected is null || survey.Status != expected)
        {
            errors.Add(new ConflictError("surveyId", MessageText.CannotBecome("survey", survey.Status, target)));
        }

        if (target == SurveyStatus.Open && survey.Questions.Count == 0)
        {
            errors.Add(new ConflictError("surveyId", "A survey without questions cannot open."));
        }

        if (target == SurveyStatus.Open && survey.Audience.Count == 0)
        {
            errors.Add(new ConflictError("surveyId", "A survey without audience cannot open."));
        }
    }

    /// <summary>The instant a survey closes: the end of its closing day, Paris time.</summary>
    public static DateTimeOffset ClosesAt(Survey survey) => Kernel.Text.Clock.EndOfDay(survey.ClosesOn);
}

internal static class QuestionRules
{
    public const int MaxOptions = 50;

    public static IReadOnlyList<(string Label, bool IsOther)> Options(
        ErrorList errors, QuestionKind kind, IReadOnlyList<string> options, string? otherLabel, int? maxSelections)
    {
        if (kind == QuestionKind.YesNo)
        {
            return [("Oui", false), ("Non", false)];
        }

        if (kind == QuestionKind.FreeText)
        {
            if (options.Count > 0)
            {
                errors.Add(new InputValidationError("options", "A free-text question has no options."));
            }

            return [];
        }

        var labels = new List<(string, bool)>();
        for (var i = 0; i < options.Count; i++)
        {
            if (errors.Line($"options[{i}]", options[i], QuestionOption.LabelMaxLength, required: true) is { } label)
            {
                labels.Add((label, false));
            }
        }

        if (errors.Line("otherLabel", otherLabel, QuestionOption.LabelMaxLength, required: false) is { } other)
        {
            labels.Add((other, true));
        }

        if (labels.Count < 2 || labels.Count > MaxOptions)
        {
            errors.Add(new InputValidationError("options", $"A {kind} question needs 2 to {MaxOptions} options."));
        }

        if (labels.Select(l => Kernel.Text.SearchText.Key(l.Item1)).Distinct().Count() != labels.Count)
        {
            errors.Add(new InputValidationError("options", "Two options have the same label."));
        }

        if (maxSelections is { } max && (kind != QuestionKind.MultipleChoice || max < 1 || max > labels.Count))
        {
            errors.Add(
                new InputValidationError(
                    "maxSelections",
                    "`maxSelections` applies to a MULTIPLE_CHOICE question and lies between 1 and its number of "
                    + "options."));
        }

        return labels;
    }
}
