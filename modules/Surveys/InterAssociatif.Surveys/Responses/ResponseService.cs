namespace InterAssociatif.Surveys.Responses;

/// <summary>Who answers: a member for their own organisation, or a coordinator (paper answers, late answers).</summary>
internal sealed record Respondent(bool IsCoordinator, Guid? MemberOrganizationId);

/// <summary>
/// Records responses: validates every answer against its question, then writes the whole response at once.
/// </summary>
internal sealed class ResponseService(
    IDbContextFactory<SurveysDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public async Task<MutationResult<Response>> RespondAsync(
        RespondToSurveyInput command, Respondent respondent, ErrorList errors, CancellationToken cancellationToken)
    {
        // Without an organisation the answers are still checked, so that every error comes back at once.
        var organizationId = command.OrganizationId ?? respondent.MemberOrganizationId;
        if (!respondent.IsCoordinator
            && organizationId is not null
            && organizationId != respondent.MemberOrganizationId)
        {
            throw new global::GraphQL.ExecutionError(
                "Access denied: a member answers only for their own organisation.")
            {
                Code = Kernel.Authorization.AccessDeniedError.ErrorCode
            };
        }

        if (organizationId is null)
        {
            errors.Add(
                new InputValidationError(
                    "organizationId", "`organizationId` is required (a member's token names their organisation)."));
        }

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var survey = await db.SurveyWithQuestionsAsync(command.SurveyId, cancellationToken)
            ?? throw new InvalidOperationException("The survey was checked to exist before the mutation ran.");

        if (organizationId is not null && !await db.Audience.AnyAsync(
            a => a.SurveyId == survey.Id && a.OrganizationId == organizationId, cancellationToken))
        {
            errors.Add(
                new InputValidationError("organizationId", "This organisation is not in the survey's audience."));
        }

        if (organizationId is not null && await db.Responses.AnyAsync(
            r => r.SurveyId == survey.Id && r.OrganizationId == organizationId, cancellationToken))
        {
            errors.Add(
                new ConflictError(
                    "organizationId",
                    "This organisation has already responded: change its response with `updateSurveyResponse`."));
        }

        var now = time.GetUtcNow();
        var response = new Response
        {
            Id = Guid.CreateVersion7(now),
            SurveyId = survey.Id,
            OrganizationId = organizationId ?? Guid.Empty, // never written: its absence is an error
            EnteredBy = respondent.IsCoordinator ? "coordinator" : "member",
            Version = 1
        };
        await ApplyAsync(survey, response, command, respondent, errors, cancellationToken);
        db.Responses.Add(response);
        return await change.CommitAsync(
            response, "response", "organizationId", "This organisation has already responded.");
    }

    public async Task<MutationResult<Response>> UpdateAsync(
        UpdateSurveyResponseInput command, Respondent respondent, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var records = db.Responses.Include(r => r.Answers).Include(r => r.Attributes);
        var response = await change.FindAsync(
            records, command.Id, "id", SurveysTypeNames.SurveyResponse, "response", command.Version);
        if (response is null)
        {
            return change.Fail<Response>();
        }

        if (!respondent.IsCoordinator && respondent.MemberOrganizationId != response.OrganizationId)
        {
            throw new global::GraphQL.ExecutionError(
                "Access denied: a member changes only their own organisation's response.")
            {
                Code = Kernel.Authorization.AccessDeniedError.ErrorCode
            };
        }

        var survey = await db.SurveyWithQuestionsAsync(response.SurveyId, cancellationToken)
            ?? throw new InvalidOperationException("The survey of this response was not found.");
        db.Answers.RemoveRange(response.Answers);
        db.ResponseAttributes.RemoveRange(response.Attributes);
        response.Answers = [];
        response.Attributes = [];
        await ApplyAsync(survey, response, command, respondent, errors, cancellationToken);
        db.Answers.AddRange(response.Answers);
        db.ResponseAttributes.AddRange(response.Attributes);
        response.Version++;
        return await change.CommitAsync(response, "response");
    }

    private async Task ApplyAsync(
        Survey survey,
        Response response,
        IAnswersInput given,
        Respondent respondent,
        ErrorList errors,
        CancellationToken cancellationToken)
    {
        var (submit, receivedAt) = (given.Submit == true, given.ReceivedAt);
        var now = time.GetUtcNow();
        var closesAt = SurveyRules.ClosesAt(survey);
        ResponseRules.SurveyAcceptsAnswers(errors, survey, respondent, now, closesAt);

        if (receivedAt is not null && !respondent.IsCoordinator)
        {
            errors.Add(
                new InputValidationError(
                    "receivedAt", "Only a coordinator enters the day a paper response was received."));
        }

        if (receivedAt > now)
        {
            errors.Add(new InputValidationError("receivedAt", "`receivedAt` cannot be in the future."));
        }

        response.Answers = ResponseRules.Answers(errors, survey, response.Id, given.Answers, submit, now);
        response.Status = submit ? SurveyResponseStatus.Submitted : SurveyResponseStatus.Draft;
        response.SubmittedAt = submit ? (receivedAt ?? now).ToUniversalTime() : null;
        response.Late = submit && response.SubmittedAt > closesAt;
        foreach (var answer in response.Answers)
        {
            answer.SubmittedAt = response.SubmittedAt;
        }

        response.UpdatedAt = now;
        if (submit && !errors.Any)
        {
            var profile = (await directory.GetOrganizationProfilesAsync([response.OrganizationId], cancellationToken))
                .GetValueOrDefault(response.OrganizationId);
            response.Attributes = ResponseRules.Attributes(response.Id, profile);
        }
    }
}
