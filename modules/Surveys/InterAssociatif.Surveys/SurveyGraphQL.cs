using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Surveys.Persistence;
using InterAssociatif.Surveys.Responses;
using InterAssociatif.Surveys.Surveys;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Surveys;

internal sealed class SurveyQueries(IDbContextFactory<SurveysDbContext> factory) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type)
    {
        var query = (ObjectGraphType)type;
        query.Field<NonNullGraphType<ConnectionGraphType<SurveyType>>>("surveys")
            .Description("Surveys (questionnaires), newest window first. Anonymous callers and partners see those whose results are published; members and analysts all but drafts; coordinators all.")
            .Argument<ListGraphType<NonNullGraphType<SurveyStatusType>>>("statuses", "Only these statuses.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                var surveys = SurveyAccess.Visible(db.Surveys, ctx.User);
                if (ctx.GetArgument<List<SurveyStatus>?>("statuses") is { Count: > 0 } statuses)
                {
                    surveys = surveys.Where(s => statuses.Contains(s.Status));
                }

                var sorted = surveys.OrderByDescending(s => s.OpensOn).ThenBy(s => s.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
        query.Field<SurveyType>("survey")
            .Description("One survey by its id; null when there is none or the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The survey's global id.")
            .Resolve(ctx => GlobalId.TryDecode(ctx.GetArgument<string>("id"), SurveyService.TypeName, out var id)
                ? ctx.LoadById<SurveysDbContext, Survey>(db => db.Surveys, id).Then(s => s is not null && SurveyAccess.CanSee(s, ctx.User) ? s : null)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));
    }
}

internal sealed class CreateSurveyInputType : InputObjectGraphType
{
    public CreateSurveyInputType()
    {
        Name = "CreateSurveyInput";
        Description = "A new survey, created as a DRAFT.";
        Field<NonNullGraphType<StringGraphType>>("title").Description($"1 to {Survey.TitleMaxLength} characters.");
        Field<StringGraphType>("description").Description("What it asks about, and why.");
        Field<NonNullGraphType<DateOnlyGraphType>>("opensOn").Description("First day for answers.");
        Field<NonNullGraphType<DateOnlyGraphType>>("closesOn").Description("Last day for answers; not before `opensOn`.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("audienceIds").Description("The organisations it is sent to. Omitted or empty: the network's members and candidates on the opening day, fixed when the survey opens.").References(DirectoryTypeNames.Organization);
    }
}

internal sealed class AddSurveyQuestionInputType : InputObjectGraphType
{
    public AddSurveyQuestionInputType()
    {
        Name = "AddSurveyQuestionInput";
        Description = "A question for a DRAFT survey.";
        Field<NonNullGraphType<IdGraphType>>("surveyId").Description("The survey.").References(SurveyService.TypeName);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The question, as asked.");
        Field<StringGraphType>("section").Description("The section it belongs to.");
        Field<NonNullGraphType<QuestionKindType>>("kind").Description("What kind of answer it takes.");
        Field<BooleanGraphType>("required").Description("Whether a submitted response must answer it. Default false.");
        Field<IntGraphType>("maxSelections").Description("For MULTIPLE_CHOICE: the most options a respondent may choose.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("options").Description("The options' labels (not for YES_NO, which has Oui/Non, nor FREE_TEXT).");
        Field<StringGraphType>("otherLabel").Description("Adds an « other, please specify » option with this label.");
        Field<IntGraphType>("position").Description("Its rank in the survey; default last.");
    }
}

internal sealed class SurveyIdInputType : InputObjectGraphType
{
    public SurveyIdInputType()
    {
        Name = "SurveyStepInput";
        Description = "The survey to move to its next step.";
        Field<NonNullGraphType<IdGraphType>>("surveyId").Description("The survey.").References(SurveyService.TypeName);
    }
}

internal sealed class RemoveSurveyQuestionInputType : InputObjectGraphType
{
    public RemoveSurveyQuestionInputType()
    {
        Name = "RemoveSurveyQuestionInput";
        Description = "A question to remove from a DRAFT survey.";
        Field<NonNullGraphType<IdGraphType>>("questionId").Description("The question.").References(QuestionType.GraphQLName);
    }
}

internal sealed class SurveyAnswerInputType : InputObjectGraphType
{
    public SurveyAnswerInputType()
    {
        Name = "SurveyAnswerInput";
        Description = "The answer to one question: fill the field that fits its kind.";
        Field<NonNullGraphType<IdGraphType>>("questionId").Description("The question.").References(QuestionType.GraphQLName);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("optionIds").Description("SINGLE_CHOICE, YES_NO (one) or MULTIPLE_CHOICE (up to its maximum).").References(QuestionOptionType.GraphQLName);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ranking").Description("RANKING: options in order of priority, each at most once.").References(QuestionOptionType.GraphQLName);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("primaryOptionIds").Description("PRIORITY_MATRIX: the primary options.").References(QuestionOptionType.GraphQLName);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("secondaryOptionIds").Description("PRIORITY_MATRIX: the secondary options.").References(QuestionOptionType.GraphQLName);
        Field<StringGraphType>("text").Description("FREE_TEXT: the answer.");
        Field<StringGraphType>("otherText").Description("What « other » means, when the « other » option is chosen.");
    }
}

internal sealed class RespondToSurveyInputType : InputObjectGraphType
{
    public RespondToSurveyInputType()
    {
        Name = "RespondToSurveyInput";
        Description = "An organisation's response: saved as a draft, or submitted.";
        Field<NonNullGraphType<IdGraphType>>("surveyId").Description("The survey.").References(SurveyService.TypeName);
        Field<IdGraphType>("organizationId").Description("The responding organisation; a member's own by default.").References(DirectoryTypeNames.Organization);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyAnswerInputType>>>>("answers").Description("The answers.");
        Field<BooleanGraphType>("submit").Description("Submit it (counted from now on); default false: a draft.");
        Field<DateTimeOffsetGraphType>("receivedAt").Description("Coordinators entering a paper response: when it was received (a response received after the close is flagged late).");
    }
}

internal sealed class UpdateSurveyResponseInputType : InputObjectGraphType
{
    public UpdateSurveyResponseInputType()
    {
        Name = "UpdateSurveyResponseInput";
        Description = "Replaces a response's answers; members until the close.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The response.").References(ResponseService.TypeName);
        Field<IntGraphType>("version").Description("The `version` you read.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyAnswerInputType>>>>("answers").Description("All its answers.");
        Field<BooleanGraphType>("submit").Description("Submit it; default false keeps a draft.");
        Field<DateTimeOffsetGraphType>("receivedAt").Description("Coordinators: when a paper response was received.");
    }
}

internal sealed class SurveyMutations(SurveyService surveys, ResponseService responses) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreateSurveyInputType, Survey>("createSurvey", "Creates a survey as a DRAFT. Coordinators only.", "survey", SurveyService.TypeName, ctx =>
        {
            var input = InputReader.From(ctx);
            var errors = new ErrorList();
            return surveys.CreateAsync(new CreateSurvey(input.Get<string>("title"), input.Get<string>("description"), input.Get<DateOnly>("opensOn"), input.Get<DateOnly>("closesOn"), input.Ids("audienceIds", DirectoryTypeNames.Organization, errors)), errors, ctx.CancellationToken);
        }, Roles.Coordinator);

        type.AddMutation<AddSurveyQuestionInputType, Question>("addSurveyQuestion", "Adds a question to a DRAFT survey. Coordinators only.", "question", QuestionType.GraphQLName,
            ctx => RecordMutation.RunAsync<Question>(ctx, "surveyId", SurveyService.TypeName, (id, input, errors) => surveys.AddQuestionAsync(
                new AddQuestion(id, input.Get<string>("text"), input.Get<string>("section"), input.Get<QuestionKind>("kind"), input.Get<bool?>("required") ?? false, input.Get<int?>("maxSelections"), input.List<string>("options"), input.Get<string>("otherLabel"), input.Get<int?>("position")),
                errors,
                ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<RemoveSurveyQuestionInputType, Survey>("removeSurveyQuestion", "Removes a question from a DRAFT survey. Coordinators only.", "survey", SurveyService.TypeName,
            ctx => RecordMutation.RunAsync<Survey>(ctx, "questionId", QuestionType.GraphQLName, (id, _, errors) => surveys.RemoveQuestionAsync(id, errors, ctx.CancellationToken)), Roles.Coordinator);

        foreach (var (name, status, what) in new[]
                 {
                     ("openSurvey", SurveyStatus.Open, "Opens a DRAFT survey for answers; its questions no longer change."),
                     ("closeSurvey", SurveyStatus.Closed, "Closes an OPEN survey; later responses are entered by coordinators and flagged late."),
                     ("publishSurveyResults", SurveyStatus.ResultsPublished, "Publishes a CLOSED survey's results to everyone."),
                 })
        {
            type.AddMutation<SurveyIdInputType, Survey>(name, $"{what} Coordinators only.", "survey", SurveyService.TypeName,
                ctx => RecordMutation.RunAsync<Survey>(ctx, "surveyId", SurveyService.TypeName, (id, _, errors) => surveys.MoveToAsync(id, status, errors, ctx.CancellationToken)), Roles.Coordinator);
        }

        type.AddMutation<RespondToSurveyInputType, Response>("respondToSurvey",
            "Records an organisation's response: a member for their own organisation while the survey is open, or a coordinator (paper answers; after the close, flagged late). One response per organisation.",
            "response", ResponseService.TypeName,
            ctx => RecordMutation.RunAsync<Response>(ctx, "surveyId", SurveyService.TypeName, async (id, input, errors) =>
            {
                var organizationId = input.Has("organizationId") ? input.Id("organizationId", DirectoryTypeNames.Organization, errors) : ctx.User.OrganizationId();
                var answers = Answers(input, errors);
                if (organizationId is null)
                {
                    errors.Add(new InputValidationError("input.organizationId", "`input.organizationId` is required (a member's token names their organisation)."));
                    return MutationResult<Response>.Fail(errors.Items);
                }

                return await responses.RespondAsync(new Respond(id, organizationId.Value, answers, input.Get<bool?>("submit") ?? false, input.Get<DateTimeOffset?>("receivedAt")), Respondent(ctx), errors, ctx.CancellationToken);
            }), Roles.Coordinator, Roles.Member);

        type.AddMutation<UpdateSurveyResponseInputType, Response>("updateSurveyResponse",
            "Replaces a response's answers, and may submit it: a member for their own organisation until the close, or a coordinator.",
            "response", ResponseService.TypeName,
            ctx => RecordMutation.RunAsync<Response>(ctx, "id", ResponseService.TypeName, (id, input, errors) =>
                responses.UpdateAsync(id, input.Get<int?>("version"), Answers(input, errors), input.Get<bool?>("submit") ?? false, input.Get<DateTimeOffset?>("receivedAt"), Respondent(ctx), errors, ctx.CancellationToken)),
            Roles.Coordinator, Roles.Member);
    }

    private static Respondent Respondent(IResolveFieldContext ctx) => new(ctx.User.IsCoordinator(), ctx.User.OrganizationId());

    private static List<GivenAnswer> Answers(InputReader input, ErrorList errors) =>
        input.List<Dictionary<string, object?>>("answers").Select((values, i) =>
        {
            var answer = new InputReader(values, input.Path($"answers[{i}]"));
            return new GivenAnswer(
                answer.Id("questionId", QuestionType.GraphQLName, errors) ?? Guid.Empty,
                answer.Ids("optionIds", QuestionOptionType.GraphQLName, errors),
                answer.Ids("ranking", QuestionOptionType.GraphQLName, errors),
                answer.Ids("primaryOptionIds", QuestionOptionType.GraphQLName, errors),
                answer.Ids("secondaryOptionIds", QuestionOptionType.GraphQLName, errors),
                answer.Get<string>("text"),
                answer.Get<string>("otherText"));
        }).ToList();
}
