namespace InterAssociatif.Surveys.Responses;

internal sealed class SurveyResponseType : NodeType<Response>
{
    private static readonly ChildLoader<SurveysDbContext, Answer> AnswersByResponse = new(
        "answersByResponse", a => a.ResponseId, q => q.OrderBy(a => a.QuestionId).ThenBy(a => a.Rank));

    public SurveyResponseType(NodeRegistry nodes)
        : base(
            SurveysTypeNames.SurveyResponse,
            "An organisation's response (who answered what). Coordinators, and members for their own organisation.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Member);
        Field("organization", new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))
            .Description("The responding organisation.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OrganizationId));
        Field<NonNullGraphType<EnumerationGraphType<SurveyResponseStatus>>>("status")
            .Description("Draft or submitted.")
            .Resolve(ctx => ctx.Source.Status);
        Field(r => r.SubmittedAt, nullable: true).Description("When it was submitted (counted from then on).");
        Field(r => r.Late).Description("Submitted after the close, by a coordinator.");
        Field(r => r.EnteredBy).Description("« member » (online) or « coordinator » (e.g. a paper questionnaire).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerType>>>>("answers")
            .Description("Its answers, one row per option chosen or text given.")
            .Resolve(ctx => AnswersByResponse.Load(ctx, ctx.Source.Id));
        Field(r => r.Version).Description("Changes with every edit; pass it back as `version`.");
    }
}

internal sealed class AnswerType : ObjectType<Answer>
{
    public AnswerType()
        : base("SurveyAnswer", "One chosen option (with its rank or priority level) or one text.")
    {
        Field<NonNullGraphType<IdGraphType>>("questionId")
            .Description("The question's id.")
            .Resolve(ctx => GlobalId.Encode(SurveysTypeNames.Question, ctx.Source.QuestionId));
        Field<IdGraphType>("optionId")
            .Description("The option chosen, if any.")
            .Resolve(ctx => ctx.Source.OptionId is { } o ? GlobalId.Encode(SurveysTypeNames.QuestionOption, o) : null);
        Field(a => a.Rank, nullable: true).Description("Its rank, for a RANKING question (1 first).");
        Field<EnumerationGraphType<PriorityLevel>>("level")
            .Description("PRIMARY or SECONDARY, for a PRIORITY_MATRIX question.")
            .Resolve(ctx => ctx.Source.Level);
        Field(a => a.Text, nullable: true).Description("The text: a free-text answer, or what « other » means.");
    }
}

/// <summary>
/// Adds the response mutations to <c>Mutation</c> (coordinators, and members for their organisation).
/// </summary>
internal sealed class ResponseMutations(ResponseService responses) : MutationFields
{
    protected override void Add(ObjectGraphType type)
    {
        type.AddMutation<RespondToSurveyInput, Response>(
            "respondToSurvey",
            "Records an organisation's response: a member for their own organisation while the survey is open, or a "
            + "coordinator (paper answers; after the close, flagged late). One response per organisation.",
            "response", SurveysTypeNames.SurveyResponse,
            (input, ctx) => responses.RespondAsync(input, Respondent(ctx), new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator, Roles.Member);

        type.AddMutation<UpdateSurveyResponseInput, Response>(
            "updateSurveyResponse",
            "Replaces a response's answers, and may submit it: a member for their own organisation until the close, or "
            + "a coordinator.",
            "response", SurveysTypeNames.SurveyResponse,
            (input, ctx) => responses.UpdateAsync(input, Respondent(ctx), new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator, Roles.Member);
    }

    private static Respondent Respondent(IResolveFieldContext ctx) =>
        new(ctx.User.IsCoordinator(), ctx.User.OrganizationId());
}
