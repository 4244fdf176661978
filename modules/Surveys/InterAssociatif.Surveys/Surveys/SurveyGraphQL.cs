using System.Security.Claims;

namespace InterAssociatif.Surveys.Surveys;

internal sealed class QuestionOptionType : NodeType<QuestionOption>
{
    public QuestionOptionType()
        : base(SurveysTypeNames.QuestionOption, "An option of a question.")
    {
        Field(o => o.Position).Description("Its rank in the question, from 1.");
        Field(o => o.Label).Description("Its label, as the questionnaire words it.");
        Field(o => o.IsOther).Description("« Autre, précisez » : choosing it asks for a text.");
    }
}

internal sealed class QuestionType : NodeType<Question>
{
    public QuestionType()
        : base(SurveysTypeNames.Question, "A question of a survey.")
    {
        Field(q => q.Position).Description("Its rank in the survey, from 1.");
        Field(q => q.Section, nullable: true).Description("The section it belongs to, if the survey has sections.");
        Field(q => q.Text).Description("The question, as asked.");
        Field<NonNullGraphType<EnumerationGraphType<QuestionKind>>>("kind")
            .Description("What kind of answer it takes.")
            .Resolve(ctx => ctx.Source.Kind);
        Field(q => q.Required).Description("Whether a submitted response must answer it.");
        Field(q => q.MaxSelections, nullable: true)
            .Description("For MULTIPLE_CHOICE, the most options a respondent may choose.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionOptionType>>>>("options")
            .Description("Its options, in order (none for FREE_TEXT).")
            .Resolve(ctx => ctx.Source.Options.OrderBy(o => o.Position));
    }
}

/// <summary>Which surveys a caller sees.</summary>
internal enum SurveyVisibility
{
    /// <summary>Coordinators: every survey.</summary>
    All,

    /// <summary>Members and analysts: every survey but drafts.</summary>
    AllButDrafts,

    /// <summary>Anonymous callers and partners: surveys whose results are published.</summary>
    Published,
}

/// <summary>Who may read what of a survey, decided per record.</summary>
internal static class SurveyAccess
{
    public static SurveyVisibility VisibilityOf(ClaimsPrincipal? user) =>
        user.IsCoordinator() ? SurveyVisibility.All
        : user?.IsInRole(Roles.Member) == true || user?.IsInRole(Roles.Analyst) == true ? SurveyVisibility.AllButDrafts
        : SurveyVisibility.Published;

    public static IQueryable<Survey> Visible(IQueryable<Survey> surveys, SurveyVisibility visibility) =>
        visibility switch
        {
            SurveyVisibility.All => surveys,
            SurveyVisibility.AllButDrafts => surveys.Where(s => s.Status != SurveyStatus.Draft),
            _ => surveys.Where(s => s.Status == SurveyStatus.ResultsPublished),
        };

    public static bool CanSee(Survey survey, ClaimsPrincipal? user) =>
        Visible(new[] { survey }.AsQueryable(), VisibilityOf(user)).Any();
}

internal sealed class SurveyType : NodeType<Survey>
{
    private static readonly ChildLoader<SurveysDbContext, SurveyAudience> AudienceBySurvey = new(
        "audienceBySurvey", a => a.SurveyId);

    private static readonly ChildLoader<SurveysDbContext, Question> QuestionsBySurvey = new(
        "questionsBySurvey", q => q.SurveyId, questions => questions.Include(q => q.Options).OrderBy(q => q.Position));

    /// <summary>
    /// The responses of one organisation to the given surveys: the organisation is a parameter of the compiled
    /// query and part of the request loader's name, so no caller ever reads with another caller's organisation.
    /// </summary>
    private static readonly Func<SurveysDbContext, Guid, IReadOnlyList<Guid>, IAsyncEnumerable<Response>> ResponsesOf =
        EF.CompileAsyncQuery((SurveysDbContext db, Guid organization, IReadOnlyList<Guid> surveys) =>
            db.Responses.Where(r => r.OrganizationId == organization && surveys.Contains(r.SurveyId)));

    public SurveyType(GraphTypeExtensions extensions)
        : base(
            SurveysTypeNames.Survey,
            "A questionnaire sent to organisations (e.g. « Un inter-associatif dans le cadre de la politique de la "
            + "ville : Pourquoi et Comment ? », 25 July – 8 September 2017).")
    {
        Field(s => s.Title).Description("Its title.");
        Field(s => s.Description, nullable: true).Description("What it asks about, and why.");
        Field(s => s.OpensOn).Description("First day for answers.");
        Field(s => s.ClosesOn)
            .Description(
                "Last day for answers (until midnight, Paris time); later answers are entered by a coordinator and "
                + "flagged late.");
        Field<NonNullGraphType<EnumerationGraphType<SurveyStatus>>>("status")
            .Description("Its place in the lifecycle.")
            .Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("audienceSize").Description("How many organisations it was sent to.")
            .Resolve(ctx => AudienceBySurvey.Load(ctx, ctx.Source.Id).Then(list => list.Count));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionType>>>>("questions")
            .Description("Its questions, in order.")
            .Resolve(ctx => QuestionsBySurvey.Load(ctx, ctx.Source.Id));
        Field<SurveyResultsType>("results")
            .Description(
                "Aggregates computed in the database. Coordinators read them at any instant (`asOf`), before "
                + "publication "
                + "too. Everyone else (anonymous callers, partners, members, analysts) reads them once published, as "
                    + "of "
                + "the survey's close only, with small groups suppressed: one fixed set of figures per survey, so that "
                + "two readings cannot be subtracted.")
            .Argument<DateTimeOffsetGraphType>(
                "asOf",
                "Coordinators: count the responses submitted by this instant; default now (the close or a meeting's "
                + "date give the figures shown then). Everyone else: omit it, or give the close, the one instant "
                + "published figures are given at; another instant is refused (INVALID_ARGUMENT).")
            .AuthorizeWithRolesOrAnonymous(Roles.Coordinator, Roles.Member, Roles.Analyst, Roles.Partner)
            .ResolveAsync(async ctx =>
            {
                var services = ctx.RequestServices!;
                var asOf = SurveyResultsAccess.AsOf(
                    ctx.User,
                    ctx.Source,
                    ctx.GetArgument<DateTimeOffset?>("asOf"),
                    services.GetRequiredService<TimeProvider>());
                // Small-group protection holds for every reader but coordinators, anonymous callers included.
                var minimum = ctx.User.IsCoordinator()
                    ? 1
                    : services.GetRequiredService<IOptions<SurveyResultsOptions>>().Value.MinimumCellSize;
                return await services.GetRequiredService<ResultsService>()
                    .ComputeAsync(ctx.Source.Id, asOf, minimum, ctx.CancellationToken);
            });
        Field<SurveyResponseType>("myResponse")
            .Description("The response of the member's organisation, if any (members only).")
            .AuthorizeWithRoles(Roles.Member)
            .Resolve(ctx => ctx.User.OrganizationId() is { } organization
                ? ctx.LoadBatched(
                    $"myResponse:{organization}", ctx.Source.Id, organization, MyResponsesAsync, (Response?)null)
                : DataLoaderResolveExtensions.FromValue<Response?>(null));
        Field<NonNullGraphType<ConnectionGraphType<SurveyResponseType>>>("responses")
            .Description(
                "Who answered what: every response, drafts included, in order of submission. Coordinators only.")
            .AuthorizeWithRoles(Roles.Coordinator)
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                await using var db = await ctx.RequestServices!
                    .GetRequiredService<IDbContextFactory<SurveysDbContext>>()
                    .CreateDbContextAsync(ctx.CancellationToken);
                var sorted = db.Responses.Where(r => r.SurveyId == ctx.Source.Id)
                    .OrderBy(r => r.SubmittedAt == null)
                    .ThenBy(r => r.SubmittedAt)
                    .ThenBy(r => r.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
        Field(s => s.Version).Description("Changes with every edit.");
        extensions.ApplyTo(this);
    }

    private static async Task<IReadOnlyDictionary<Guid, Response?>> MyResponsesAsync(
        IServiceProvider services, Guid organization, IReadOnlyList<Guid> surveys, CancellationToken ct)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<SurveysDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var responses = new Dictionary<Guid, Response?>();
        await foreach (var response in ResponsesOf(db, organization, surveys).WithCancellation(ct))
        {
            responses[response.SurveyId] = response;
        }

        return responses;
    }
}

/// <summary>The results' rule (<see cref="ResultsRules"/>) at the GraphQL edge.</summary>
internal static class SurveyResultsAccess
{
    /// <summary>The instant the caller's figures are computed at; a refusal is an error naming why.</summary>
    public static DateTimeOffset AsOf(ClaimsPrincipal? user, Survey survey, DateTimeOffset? asOf, TimeProvider time)
    {
        var reading = ResultsRules.Reading(user.IsCoordinator(), survey, asOf, time.GetUtcNow());
        return reading.Refusal switch
        {
            ResultsRefusal.None => reading.AsOf,
            ResultsRefusal.NotPublished => throw new ExecutionError(ResultsRules.Explain(reading))
            {
                Code = AccessDeniedError.ErrorCode,
            },
            _ => throw new ExecutionError(ResultsRules.Explain(reading)) { Code = "INVALID_ARGUMENT" },
        };
    }
}

internal sealed class SurveyQueries(IDbContextFactory<SurveysDbContext> factory) : QueryFields
{
    /// <summary>
    /// The surveys the caller sees, newest window first, compiled once per visibility and status condition.
    /// </summary>
    internal static PagedQuery<SurveysDbContext, SurveyListArgs, Survey> Pages { get; } =
        new(a => (a.Visibility, a.Statuses.Count == 0), Apply);

    internal static IQueryable<Survey> Apply(SurveysDbContext db, SurveyListArgs a)
    {
        var surveys = SurveyAccess.Visible(db.Surveys, a.Visibility);
        surveys = a.Statuses.Count == 0 ? surveys : surveys.Where(s => a.Statuses.Contains(s.Status));
        return surveys.OrderByDescending(s => s.OpensOn).ThenBy(s => s.Id);
    }

    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<SurveyType>>>("surveys")
            .Description(
                "Surveys (questionnaires), newest window first. Anonymous callers and partners see those whose results "
                + "are published; members and analysts all but drafts; coordinators all.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<SurveyStatus>>>>(
                "statuses", "Only these statuses.")
            .ResolvePage(
                factory,
                Pages,
                ctx => new SurveyListArgs(
                    SurveyAccess.VisibilityOf(ctx.User), ctx.GetArgument<List<SurveyStatus>?>("statuses") ?? []));
        query.Field<SurveyType>("survey")
            .Description("One survey by its id; null when there is none or the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The survey's global id.")
            .Resolve(ctx => GlobalId.TryDecode(ctx.GetArgument<string>("id"), SurveysTypeNames.Survey, out var id)
                ? ctx.LoadById<SurveysDbContext, Survey>(db => db.Surveys, id)
                    .Then(s => s is not null && SurveyAccess.CanSee(s, ctx.User) ? s : null)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));
    }
}

/// <summary>What the surveys list's query reads: what the caller may see, the statuses asked for.</summary>
internal sealed record SurveyListArgs(SurveyVisibility Visibility, IReadOnlyList<SurveyStatus> Statuses);
