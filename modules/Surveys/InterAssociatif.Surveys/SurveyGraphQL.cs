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
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<SurveyStatus>>>>("statuses", "Only these statuses.")
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
            .Resolve(ctx => GlobalId.TryDecode(ctx.GetArgument<string>("id"), SurveysTypeNames.Survey, out var id)
                ? ctx.LoadById<SurveysDbContext, Survey>(db => db.Surveys, id).Then(s => s is not null && SurveyAccess.CanSee(s, ctx.User) ? s : null)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));
    }
}

internal sealed class SurveyMutations(SurveyService surveys, ResponseService responses) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreateSurveyInput, Survey>(
            "createSurvey", "Creates a survey as a DRAFT. Coordinators only.", "survey", SurveysTypeNames.Survey,
            (input, ctx) => surveys.CreateAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<AddSurveyQuestionInput, Question>(
            "addSurveyQuestion", "Adds a question to a DRAFT survey. Coordinators only.", "question", SurveysTypeNames.Question,
            (input, ctx) => surveys.AddQuestionAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<RemoveSurveyQuestionInput, Survey>(
            "removeSurveyQuestion", "Removes a question from a DRAFT survey. Coordinators only.", "survey", SurveysTypeNames.Survey,
            (input, ctx) => surveys.RemoveQuestionAsync(input.QuestionId, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        foreach (var (name, status, what) in new[]
                 {
                     ("openSurvey", SurveyStatus.Open, "Opens a DRAFT survey for answers; its questions no longer change."),
                     ("closeSurvey", SurveyStatus.Closed, "Closes an OPEN survey; later responses are entered by coordinators and flagged late."),
                     ("publishSurveyResults", SurveyStatus.ResultsPublished, "Publishes a CLOSED survey's results to everyone."),
                 })
        {
            type.AddMutation<SurveyStepInput, Survey>(
                name, $"{what} Coordinators only.", "survey", SurveysTypeNames.Survey,
                (input, ctx) => surveys.MoveToAsync(input.SurveyId, status, new ErrorList(), ctx.CancellationToken),
                Roles.Coordinator);
        }

        type.AddMutation<RespondToSurveyInput, Response>(
            "respondToSurvey",
            "Records an organisation's response: a member for their own organisation while the survey is open, or a coordinator (paper answers; after the close, flagged late). One response per organisation.",
            "response", SurveysTypeNames.SurveyResponse,
            (input, ctx) => responses.RespondAsync(input, Respondent(ctx), new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator, Roles.Member);

        type.AddMutation<UpdateSurveyResponseInput, Response>(
            "updateSurveyResponse",
            "Replaces a response's answers, and may submit it: a member for their own organisation until the close, or a coordinator.",
            "response", SurveysTypeNames.SurveyResponse,
            (input, ctx) => responses.UpdateAsync(input, Respondent(ctx), new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator, Roles.Member);
    }

    private static Respondent Respondent(IResolveFieldContext ctx) => new(ctx.User.IsCoordinator(), ctx.User.OrganizationId());
}
