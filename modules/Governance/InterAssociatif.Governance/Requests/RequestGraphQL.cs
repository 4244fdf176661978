namespace InterAssociatif.Governance.Requests;

internal sealed class EscalatedRequestType : NodeType<EscalatedRequest>
{
    private static readonly ChildLoader<GovernanceDbContext, RequestRecipient> RecipientsByRequest = new(
        "recipientsByRequest", r => r.RequestId, q => q.OrderBy(r => r.Id));

    public EscalatedRequestType(NodeRegistry nodes)
        : base(
            GovernanceTypeNames.EscalatedRequest,
            "A request a body escalates to institutions or people (demande remontée), e.g. the three requests of 18 "
            + "September 2017 about the cuts of summer 2017. Partners, members, analysts and coordinators.")
    {
        this.RequireScope(Scopes.ReadDecisions);
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        Field(r => r.Text).Description("What is asked.");
        Field(r => r.RaisedOn).Description("The day it was raised.");
        Field(r => r.ExpectedAnswerOn, nullable: true).Description("When an answer is expected.");
        Field<NonNullGraphType<EnumerationGraphType<RequestStatus>>>("status")
            .Description("Where it stands.")
            .Resolve(ctx => ctx.Source.Status);
        Field(r => r.Answer, nullable: true).Description("The answer, or why it was rejected.");
        Field(r => r.AnsweredOn, nullable: true).Description("When it was answered or rejected.");
        Field<NonNullGraphType<BodyType>>("raisedBy").Description("The body that raised it.")
            .Resolve(ctx => ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, ctx.Source.BodyId));
        Field("recipientOrganizations", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The organisations it is addressed to.")
            .Resolve(ctx =>
                Recipients(ctx)
                    .Then(list =>
                        nodes.LoadReferences(
                            ctx,
                            DirectoryTypeNames.Organization,
                            list.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value))));
        Field("recipientPeople", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Person))
            .Description("The people it is addressed to.")
            .Resolve(ctx =>
                Recipients(ctx)
                    .Then(list =>
                        nodes.LoadReferences(
                            ctx,
                            DirectoryTypeNames.Person,
                            list.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value))));
        this.AddMeetingLinks(nodes, "raised", r => r.MeetingId, r => r.AgendaItemId);
        Field(r => r.Version).Description("Changes with every status change.");
    }

    private static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<RequestRecipient>> Recipients(
        IResolveFieldContext<EscalatedRequest> ctx) =>
        RecipientsByRequest.Load(ctx, ctx.Source.Id);
}

/// <summary>Adds <c>Meeting.escalatedRequests</c> to the Meetings module's type.</summary>
internal sealed class MeetingRequestFields() : ChildListField<GovernanceDbContext, EscalatedRequest>(
    MeetingsTypeNames.Meeting,
    "escalatedRequests",
    GovernanceTypeNames.EscalatedRequest,
    "The requests raised in this meeting (demandes remontées vers les institutions; Governance module), "
        + "in the order raised. Partners, members, analysts and coordinators.",
    new("requestsByMeeting", r => r.MeetingId, q => q.OrderBy(r => r.RaisedOn).ThenBy(r => r.Id)),
    GovernanceRoles.Readers);

internal sealed class RequestQueries(IDbContextFactory<GovernanceDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<EscalatedRequestType>>>("escalatedRequests")
            .Description(
                "Requests escalated to institutions, newest first. Partners, members, analysts and coordinators.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RequestStatus>>>>(
                "statuses", "Only these statuses.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .ResolvePage(
                factory, Pages, ctx => new RequestListArgs(ctx.GetArgument<List<RequestStatus>?>("statuses") ?? []));

    /// <summary>The escalated requests, newest first, compiled once with a status condition and once without.</summary>
    internal static PagedQuery<GovernanceDbContext, RequestListArgs, EscalatedRequest> Pages { get; } =
        new(a => a.Statuses.Count == 0, Apply);

    internal static IQueryable<EscalatedRequest> Apply(GovernanceDbContext db, RequestListArgs a)
    {
        IQueryable<EscalatedRequest> requests = db.Requests;
        requests = a.Statuses.Count == 0 ? requests : requests.Where(r => a.Statuses.Contains(r.Status));
        return requests.OrderByDescending(r => r.RaisedOn).ThenBy(r => r.Id);
    }
}

/// <summary>What the escalated requests' query reads.</summary>
internal sealed record RequestListArgs(IReadOnlyList<RequestStatus> Statuses);
