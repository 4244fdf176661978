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
