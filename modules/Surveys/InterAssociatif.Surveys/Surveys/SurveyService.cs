namespace InterAssociatif.Surveys.Surveys;

/// <summary>Writes surveys and their questions, and moves them through their lifecycle.</summary>
internal sealed class SurveyService(
    IDbContextFactory<SurveysDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public async Task<MutationResult<Survey>> CreateAsync(
        CreateSurveyInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Line("title", command.Title, Survey.TitleMaxLength, required: true);
        var description = errors.Text("description", command.Description, Survey.DescriptionMaxLength, required: false);
        SurveyRules.WindowIsOrdered(errors, command.OpensOn, command.ClosesOn);
        var now = time.GetUtcNow();
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(now),
            Title = title ?? "",
            Description = description,
            OpensOn = command.OpensOn,
            ClosesOn = command.ClosesOn,
            Status = SurveyStatus.Draft,
            CreatedAt = now,
            Version = 1
        };
        survey.Audience = command.AudienceIds.Distinct()
            .Select(o => new SurveyAudience { SurveyId = survey.Id, OrganizationId = o })
            .ToList();
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        change.Db.Surveys.Add(survey);
        return await change.CommitAsync(survey, "survey");
    }

    public async Task<MutationResult<Question>> AddQuestionAsync(
        AddSurveyQuestionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("text", command.Text, Question.TextMaxLength, required: true);
        var section = errors.Line("section", command.Section, Question.SectionMaxLength, required: false);
        var labels = QuestionRules.Options(
            errors, command.Kind, command.Options, command.OtherLabel, command.MaxSelections);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var survey = await change.FindAsync(
            change.Db.Surveys.Include(s => s.Questions),
            command.SurveyId,
            "surveyId",
            SurveysTypeNames.Survey,
            "survey");
        if (survey is null)
        {
            return change.Fail<Question>();
        }

        SurveyRules.QuestionsChangeOnlyInDraft(errors, survey);
        var siblings = survey.Questions.OrderBy(q => q.Position).ToList();
        var position = command.Position ?? siblings.Count + 1;
        errors.Range("position", position, 1, siblings.Count + 1);
        if (change.Failed)
        {
            return change.Fail<Question>();
        }

        var now = time.GetUtcNow();
        var question = new Question
        {
            Id = Guid.CreateVersion7(now),
            SurveyId = survey.Id,
            Text = text ?? "",
            Section = section,
            Kind = command.Kind,
            Required = command.Required == true,
            MaxSelections = command.Kind == QuestionKind.MultipleChoice ? command.MaxSelections : null,
        };
        question.Options = labels.Select((l, i) =>
            new QuestionOption
            {
                Id = Guid.CreateVersion7(now),
                QuestionId = question.Id,
                Position = i + 1,
                Label = l.Label,
                IsOther = l.IsOther
            })
            .ToList();
        siblings.Insert(position - 1, question);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i + 1;
        }

        change.Db.Questions.Add(question);
        survey.Version++;
        return await change.CommitAsync(question, "survey");
    }

    public async Task<MutationResult<Survey>> RemoveQuestionAsync(
        RemoveSurveyQuestionInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var questionId = command.QuestionId;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var question = await change.FindAsync(
            change.Db.Questions, questionId, "questionId", SurveysTypeNames.Question, "question");
        if (question is null)
        {
            return change.Fail<Survey>();
        }

        var survey = await change.Db.Surveys.AsTracking()
            .Include(s => s.Questions)
            .SingleAsync(s => s.Id == question.SurveyId, cancellationToken);
        SurveyRules.QuestionsChangeOnlyInDraft(errors, survey);
        change.Db.Questions.Remove(question);
        var position = 1;
        foreach (var other in survey.Questions.Where(q => q.Id != questionId).OrderBy(q => q.Position))
        {
            other.Position = position++;
        }

        survey.Version++;
        return await change.CommitAsync(survey, "survey");
    }

    public Task<MutationResult<Survey>> OpenAsync(SurveyStepInput step, ErrorList errors, CancellationToken ct) =>
        MoveToAsync(step.SurveyId, SurveyStatus.Open, errors, ct);

    public Task<MutationResult<Survey>> CloseAsync(SurveyStepInput step, ErrorList errors, CancellationToken ct) =>
        MoveToAsync(step.SurveyId, SurveyStatus.Closed, errors, ct);

    public Task<MutationResult<Survey>> PublishResultsAsync(SurveyStepInput step, ErrorList e, CancellationToken ct) =>
        MoveToAsync(step.SurveyId, SurveyStatus.ResultsPublished, e, ct);

    /// <summary>DRAFT → OPEN → CLOSED → RESULTS_PUBLISHED, one step at a time.</summary>
    public async Task<MutationResult<Survey>> MoveToAsync(
        Guid surveyId, SurveyStatus target, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var records = change.Db.Surveys.Include(s => s.Questions).Include(s => s.Audience);
        var survey = await change.FindAsync(records, surveyId, "surveyId", SurveysTypeNames.Survey, "survey");
        if (survey is null)
        {
            return change.Fail<Survey>();
        }

        if (target == SurveyStatus.Open && survey.Audience.Count == 0)
        {
            // By default a survey goes to the network's members and candidates on its opening day.
            var network = await directory.GetNetworkOrganizationIdsAsync(
                survey.OpensOn, [MembershipStatus.Member, MembershipStatus.Candidate], cancellationToken);
            foreach (var organizationId in network)
            {
                var audience = new SurveyAudience { SurveyId = survey.Id, OrganizationId = organizationId };
                survey.Audience.Add(audience);
                change.Db.Audience.Add(audience);
            }
        }

        SurveyRules.StepIsAllowed(errors, survey, target);
        survey.Status = target;
        survey.Version++;
        return await change.CommitAsync(survey, "survey");
    }
}
