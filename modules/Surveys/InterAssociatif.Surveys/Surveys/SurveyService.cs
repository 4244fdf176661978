using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.Persistence;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Surveys;
using InterAssociatif.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Surveys.Surveys;

/// <summary>Writes surveys and their questions, and moves them through their lifecycle.</summary>
internal sealed class SurveyService(IDbContextFactory<SurveysDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public async Task<MutationResult<Survey>> CreateAsync(CreateSurveyInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", command.Title, Survey.TitleMaxLength, required: true);
        var description = errors.Text("description", command.Description, Survey.DescriptionMaxLength, required: false);
        SurveyRules.WindowIsOrdered(errors, command.OpensOn, command.ClosesOn);
        var known = command.AudienceIds.Count == 0 ? new Dictionary<Guid, OrganizationSummary>() : await directory.GetOrganizationsAsync(command.AudienceIds, cancellationToken);
        for (var i = 0; i < command.AudienceIds.Count; i++)
        {
            if (command.AudienceIds[i] != Guid.Empty && !known.ContainsKey(command.AudienceIds[i]))
            {
                errors.Add(new NotFoundError($"audienceIds[{i}]", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, command.AudienceIds[i])));
            }
        }

        if (errors.Any)
        {
            return MutationResult<Survey>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        var survey = new Survey { Id = Guid.CreateVersion7(now), Title = title!, Description = description, OpensOn = command.OpensOn, ClosesOn = command.ClosesOn, Status = SurveyStatus.Draft, CreatedAt = now, Version = 1 };
        survey.Audience = command.AudienceIds.Distinct().Select(o => new SurveyAudience { SurveyId = survey.Id, OrganizationId = o }).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Surveys.Add(survey);
        return await db.CommitAsync(transaction, survey, "survey", cancellationToken);
    }

    public async Task<MutationResult<Question>> AddQuestionAsync(AddSurveyQuestionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("text", command.Text, Question.TextMaxLength, required: true);
        var section = errors.Text("section", command.Section, Question.SectionMaxLength, required: false);
        var labels = QuestionRules.Options(errors, command.Kind, command.Options, command.OtherLabel, command.MaxSelections);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survey = await db.Surveys.AsTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == command.SurveyId, cancellationToken);
        if (survey is null)
        {
            return MutationResult<Question>.Fail(NotFound("surveyId", command.SurveyId));
        }

        SurveyRules.QuestionsChangeOnlyInDraft(errors, survey);
        var siblings = survey.Questions.OrderBy(q => q.Position).ToList();
        var position = command.Position ?? siblings.Count + 1;
        if (position < 1 || position > siblings.Count + 1)
        {
            errors.Add(new InputValidationError("position", $"`position` must be between 1 and {siblings.Count + 1}."));
        }

        if (errors.Any)
        {
            return MutationResult<Question>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        var question = new Question
        {
            Id = Guid.CreateVersion7(now),
            SurveyId = survey.Id,
            Text = text!,
            Section = section,
            Kind = command.Kind,
            Required = command.Required == true,
            MaxSelections = command.Kind == QuestionKind.MultipleChoice ? command.MaxSelections : null,
        };
        question.Options = labels.Select((l, i) => new QuestionOption { Id = Guid.CreateVersion7(now), QuestionId = question.Id, Position = i + 1, Label = l.Label, IsOther = l.IsOther }).ToList();
        siblings.Insert(position - 1, question);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i + 1;
        }

        db.Questions.Add(question);
        survey.Version++;
        return await db.CommitAsync(transaction, question, "survey", cancellationToken);
    }

    public async Task<MutationResult<Survey>> RemoveQuestionAsync(Guid questionId, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var question = await db.Questions.AsTracking().SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question is null)
        {
            return MutationResult<Survey>.Fail(new NotFoundError("questionId", "No question has this id.", GlobalId.Encode(SurveysTypeNames.Question, questionId)));
        }

        var survey = await db.Surveys.AsTracking().Include(s => s.Questions).SingleAsync(s => s.Id == question.SurveyId, cancellationToken);
        SurveyRules.QuestionsChangeOnlyInDraft(errors, survey);
        if (errors.Any)
        {
            return MutationResult<Survey>.Fail(errors.Items);
        }

        db.Questions.Remove(question);
        var position = 1;
        foreach (var other in survey.Questions.Where(q => q.Id != questionId).OrderBy(q => q.Position))
        {
            other.Position = position++;
        }

        survey.Version++;
        return await db.CommitAsync(transaction, survey, "survey", cancellationToken);
    }

    /// <summary>DRAFT → OPEN → CLOSED → RESULTS_PUBLISHED, one step at a time.</summary>
    public async Task<MutationResult<Survey>> MoveToAsync(Guid surveyId, SurveyStatus target, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survey = await db.Surveys.AsTracking().Include(s => s.Questions).Include(s => s.Audience).SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null)
        {
            return MutationResult<Survey>.Fail(NotFound("surveyId", surveyId));
        }

        if (target == SurveyStatus.Open && survey.Audience.Count == 0)
        {
            // By default a survey goes to the network's members and candidates on its opening day.
            var network = await directory.GetNetworkOrganizationIdsAsync(survey.OpensOn, [MembershipStatus.Member, MembershipStatus.Candidate], cancellationToken);
            foreach (var organizationId in network)
            {
                var audience = new SurveyAudience { SurveyId = survey.Id, OrganizationId = organizationId };
                survey.Audience.Add(audience);
                db.Audience.Add(audience);
            }
        }

        SurveyRules.StepIsAllowed(errors, survey, target);
        if (errors.Any)
        {
            return MutationResult<Survey>.Fail(errors.Items);
        }

        survey.Status = target;
        survey.Version++;
        return await db.CommitAsync(transaction, survey, "survey", cancellationToken);
    }

    public static NotFoundError NotFound(string field, Guid id) => new(field, "No survey has this id.", GlobalId.Encode(SurveysTypeNames.Survey, id));
}

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
            errors.Add(new ConflictError("surveyId", $"The survey is {survey.Status.GraphQLName()}: its questions change only while it is a DRAFT."));
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

    public static IReadOnlyList<(string Label, bool IsOther)> Options(ErrorList errors, QuestionKind kind, IReadOnlyList<string> options, string? otherLabel, int? maxSelections)
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
            if (errors.Text($"options[{i}]", options[i], QuestionOption.LabelMaxLength, required: true) is { } label)
            {
                labels.Add((label, false));
            }
        }

        if (errors.Text("otherLabel", otherLabel, QuestionOption.LabelMaxLength, required: false) is { } other)
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
            errors.Add(new InputValidationError("maxSelections", "`maxSelections` applies to a MULTIPLE_CHOICE question and lies between 1 and its number of options."));
        }

        return labels;
    }
}
