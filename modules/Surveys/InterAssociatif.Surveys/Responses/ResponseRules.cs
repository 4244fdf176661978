namespace InterAssociatif.Surveys.Responses;

/// <summary>The rules an answer must follow for its question, each reported with the field at fault.</summary>
internal static class ResponseRules
{
    public const string KindAttribute = "KIND";
    public const string ThemeAttribute = "THEME";
    public const string NeighbourhoodAttribute = "NEIGHBOURHOOD";

    /// <summary>
    /// Members answer an open survey until it closes; coordinators may also enter answers after the close (flagged
    /// late).
    /// </summary>
    public static void SurveyAcceptsAnswers(
        ErrorList errors, Survey survey, Respondent respondent, DateTimeOffset now, DateTimeOffset closesAt)
    {
        var open = survey.Status == SurveyStatus.Open && now < closesAt;
        var lateByCoordinator = respondent.IsCoordinator
            && (survey.Status == SurveyStatus.Closed || (survey.Status == SurveyStatus.Open && now >= closesAt));
        if (!open && !lateByCoordinator)
        {
            errors.Add(new ConflictError("surveyId", survey.Status switch
            {
                SurveyStatus.Draft => "The survey is not open yet (DRAFT).",
                SurveyStatus.ResultsPublished => "The survey's results are published: responses no longer change.",
                _ => "The survey is closed: only a coordinator can still enter a (late) response.",
            }));
        }
    }

    public static List<Answer> Answers(
        ErrorList errors,
        Survey survey,
        Guid responseId,
        IReadOnlyList<SurveyAnswerInput> given,
        bool submit,
        DateTimeOffset now)
    {
        var answers = new List<Answer>();
        var questions = survey.Questions.ToDictionary(q => q.Id);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"answers[{i}]";
            var answer = given[i];
            if (!questions.TryGetValue(answer.QuestionId, out var question))
            {
                errors.Add(
                    new NotFoundError(
                        $"{field}.questionId",
                        "This survey has no such question.",
                        GlobalId.Encode(SurveysTypeNames.Question, answer.QuestionId)));
                continue;
            }

            if (!seen.Add(question.Id))
            {
                errors.Add(new InputValidationError($"{field}.questionId", "The same question is answered twice."));
                continue;
            }

            answers.AddRange(ForQuestion(errors, field, question, responseId, answer, now));
        }

        if (submit)
        {
            foreach (var missing in survey.Questions.Where(q => q.Required && !answers.Any(a => a.QuestionId == q.Id))
                .OrderBy(q => q.Position))
            {
                errors.Add(
                    new InputValidationError(
                        "answers", $"Question {missing.Position} (« {missing.Text} ») is required."));
            }
        }

        return answers;
    }

    private static List<Answer> ForQuestion(
        ErrorList errors, string field, Question question, Guid responseId, SurveyAnswerInput given, DateTimeOffset now)
    {
        var options = question.Options.ToDictionary(o => o.Id);
        var result = new List<Answer>();
        Answer Row(Guid? optionId, int? rank = null, PriorityLevel? level = null, string? text = null) =>
            new()
            {
                Id = Guid.CreateVersion7(now),
                ResponseId = responseId,
                SurveyId = question.SurveyId,
                QuestionId = question.Id,
                OptionId = optionId,
                Rank = rank,
                Level = level,
                Text = text
            };

        bool Known(IReadOnlyList<Guid> ids, string list)
        {
            var ok = true;
            for (var j = 0; j < ids.Count; j++)
            {
                if (!options.ContainsKey(ids[j]))
                {
                    errors.Add(
                        new NotFoundError(
                            $"{field}.{list}[{j}]",
                            "This option is not one of this question's options.",
                            GlobalId.Encode(SurveysTypeNames.QuestionOption, ids[j])));
                    ok = false;
                }
            }

            if (ids.Distinct().Count() != ids.Count)
            {
                errors.Add(new InputValidationError($"{field}.{list}", "An option is given twice."));
                ok = false;
            }

            return ok;
        }

        var otherChosen = false;
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.YesNo or QuestionKind.MultipleChoice:
                if (!Known(given.OptionIds, "optionIds"))
                {
                    break;
                }

                if (question.Kind != QuestionKind.MultipleChoice && given.OptionIds.Count > 1)
                {
                    errors.Add(new InputValidationError($"{field}.optionIds", "This question takes one option."));
                    break;
                }

                if (question.MaxSelections is { } max && given.OptionIds.Count > max)
                {
                    errors.Add(
                        new InputValidationError($"{field}.optionIds", $"This question takes at most {max} options."));
                    break;
                }

                result.AddRange(given.OptionIds.Select(o => Row(o)));
                otherChosen = given.OptionIds.Any(o => options[o].IsOther);
                break;
            case QuestionKind.Ranking:
                if (Known(given.Ranking, "ranking"))
                {
                    result.AddRange(given.Ranking.Select((o, j) => Row(o, rank: j + 1)));
                    otherChosen = given.Ranking.Any(o => options[o].IsOther);
                }

                break;
            case QuestionKind.PriorityMatrix:
                if (Known(given.PrimaryOptionIds, "primaryOptionIds") & Known(
                    given.SecondaryOptionIds, "secondaryOptionIds"))
                {
                    if (given.PrimaryOptionIds.Intersect(given.SecondaryOptionIds).Any())
                    {
                        errors.Add(
                            new InputValidationError(
                                $"{field}.secondaryOptionIds", "An option is either primary or secondary, not both."));
                        break;
                    }

                    result.AddRange(given.PrimaryOptionIds.Select(o => Row(o, level: PriorityLevel.Primary)));
                    result.AddRange(given.SecondaryOptionIds.Select(o => Row(o, level: PriorityLevel.Secondary)));
                    otherChosen = given.PrimaryOptionIds.Concat(given.SecondaryOptionIds).Any(o => options[o].IsOther);
                }

                break;
            case QuestionKind.FreeText:
                if (errors.Text($"{field}.text", given.Text, Answer.TextMaxLength, required: true) is { } text)
                {
                    result.Add(Row(null, text: text));
                }

                break;
        }

        if (otherChosen)
        {
            var other = errors.Text($"{field}.otherText", given.OtherText, Answer.TextMaxLength, required: true);
            foreach (var row in result.Where(r => r.OptionId is { } o && options[o].IsOther))
            {
                row.Text = other;
            }
        }
        else if (errors.Text($"{field}.otherText", given.OtherText, Answer.TextMaxLength, required: false) is not null)
        {
            errors.Add(
                new InputValidationError($"{field}.otherText", "`otherText` goes with the « other » option only."));
        }

        return result;
    }

    public static List<ResponseAttribute> Attributes(Guid responseId, OrganizationProfile? profile)
    {
        if (profile is null)
        {
            return [];
        }

        var attributes = new List<ResponseAttribute>
        {
            new() { ResponseId = responseId, Name = KindAttribute, Value = profile.Kind.ToString().ToUpperInvariant() }
        };
        attributes.AddRange(
            profile.Themes.Distinct()
                .Select(t => new ResponseAttribute { ResponseId = responseId, Name = ThemeAttribute, Value = t }));
        attributes.AddRange(
            profile.Neighbourhoods.DistinctBy(SearchText.Key)
                .Select(n =>
                    new ResponseAttribute { ResponseId = responseId, Name = NeighbourhoodAttribute, Value = n }));
        return attributes;
    }
}
