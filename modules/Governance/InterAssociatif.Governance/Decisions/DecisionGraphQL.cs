namespace InterAssociatif.Governance.Decisions;

internal sealed class DecisionStatusChangeType : ObjectType<DecisionStatusChange>
{
    public DecisionStatusChangeType()
        : base("DecisionStatusChange", "A step of a decision's life.")
    {
        Field<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>("status")
            .Description("The status it took.")
            .Resolve(ctx => ctx.Source.Status);
        Field(h => h.On).Description("The day.");
        Field(h => h.Note, nullable: true).Description("Why.");
    }
}

internal sealed class DecisionType : NodeType<Decision>
{
    private static readonly ChildLoader<GovernanceDbContext, DecisionTheme> ThemesByDecision = new(
        "themesByDecision", t => t.DecisionId);

    private static readonly ChildLoader<GovernanceDbContext, DecisionStatusChange> HistoryByDecision = new(
        "historyByDecision", h => h.DecisionId, q => q.OrderBy(h => h.On).ThenBy(h => h.Id));

    private static readonly ChildLoader<GovernanceDbContext, FollowUp> FollowUpsByDecision = new(
        "followUpsByDecision", f => f.DecisionId, q => q.OrderBy(f => f.DueOn).ThenBy(f => f.Id));

    public DecisionType(NodeRegistry nodes)
        : base(
            GovernanceTypeNames.Decision,
            "A decision of the register (relevé de décision): what was decided, by which body, in which meeting and "
            + "agenda item, its follow-ups (suivi / échéance). Readable by partners, members, analysts and "
            + "coordinators.")
    {
        this.RequireScope(Scopes.ReadDecisions);
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        Field(d => d.Title)
            .Description(
                "The decision, in a sentence (e.g. « Acter l'intérêt de la mise en place de l'inter-associatif »).");
        Field(d => d.Text, nullable: true).Description("Its full text.");
        Field(d => d.DecidedOn).Description("The day it was taken.");
        Field<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>("status")
            .Description("Adopted, amended or revoked.")
            .Resolve(ctx => ctx.Source.Status);
        Field(d => d.RecordedAt).Description("When it was recorded.");
        Field<NonNullGraphType<BodyType>>("body").Description("The body that took it.")
            .Resolve(ctx => ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, ctx.Source.BodyId));
        this.AddMeetingLinks(nodes, "taken", d => d.MeetingId, d => d.AgendaItemId);
        Field("themes", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Theme))
            .Description("The themes it concerns.")
            .Resolve(ctx => ThemesByDecision.Load(ctx, ctx.Source.Id)
                .Then(list => nodes.LoadReferences(ctx, DirectoryTypeNames.Theme, list.Select(t => t.ThemeId))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecisionStatusChangeType>>>>("history")
            .Description("Its adoption, amendments and revocation, in order.")
            .Resolve(ctx => HistoryByDecision.Load(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowUpType>>>>("followUps")
            .Description("Its follow-up actions, by due date.")
            .Resolve(ctx => FollowUpsByDecision.Load(ctx, ctx.Source.Id));
        Field(d => d.Version).Description("Changes with every status change.");
    }
}

internal sealed class FollowUpType : NodeType<FollowUp>
{
    public FollowUpType(NodeRegistry nodes)
        : base(
            GovernanceTypeNames.FollowUp,
            "A follow-up action of a decision (suivi / échéance): an owner, a due date (a day, or a month: "
            + "« novembre »), a status.")
    {
        this.RequireScope(Scopes.ReadDecisions);
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        Field(f => f.Description).Description("What is to be done.");
        Field("ownerOrganization", new GraphQLTypeReference(DirectoryTypeNames.Organization))
            .Description("The organisation in charge.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OwnerOrganizationId));
        Field("ownerPerson", new GraphQLTypeReference(DirectoryTypeNames.Person)).Description("The person in charge.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.OwnerPersonId));
        Field(f => f.DueOn).Description("When it is due (with MONTH precision, only the month counts).");
        Field<NonNullGraphType<EnumerationGraphType<DuePrecision>>>("duePrecision")
            .Description("DAY or MONTH.")
            .Resolve(ctx => ctx.Source.DuePrecision);
        Field<NonNullGraphType<EnumerationGraphType<FollowUpStatus>>>("status")
            .Description("Open, done or cancelled.")
            .Resolve(ctx => ctx.Source.Status);
        Field(f => f.DoneOn, nullable: true).Description("When it was done.");
        Field<NonNullGraphType<DecisionType>>("decision").Description("The decision it follows up.")
            .Resolve(ctx => ctx.LoadById<GovernanceDbContext, Decision>(db => db.Decisions, ctx.Source.DecisionId));
        Field(f => f.Version).Description("Changes with every edit.");
    }
}

/// <summary>Adds the decision register and the follow-up board to <c>Query</c>.</summary>
internal sealed class DecisionQueries(IDbContextFactory<GovernanceDbContext> factory) : QueryFields
{
    /// <summary>The register, newest first, compiled once per set of conditions given.</summary>
    internal static PagedQuery<GovernanceDbContext, DecisionFilter, Decision> Register { get; } = new(
        f => (f.BodyId is null, f.MeetingId is null, f.ThemeId is null, f.From is null, f.To is null,
            f.Statuses.Count == 0),
        Apply);

    internal static IQueryable<Decision> Apply(GovernanceDbContext db, DecisionFilter f)
    {
        IQueryable<Decision> decisions = db.Decisions;
        decisions = f.BodyId is null ? decisions : decisions.Where(d => d.BodyId == f.BodyId);
        decisions = f.MeetingId is null ? decisions : decisions.Where(d => d.MeetingId == f.MeetingId);
        decisions = f.ThemeId is null ? decisions : decisions.Where(d => d.Themes.Any(t => t.ThemeId == f.ThemeId));
        decisions = f.From is null ? decisions : decisions.Where(d => d.DecidedOn >= f.From);
        decisions = f.To is null ? decisions : decisions.Where(d => d.DecidedOn <= f.To);
        decisions = f.Statuses.Count == 0 ? decisions : decisions.Where(d => f.Statuses.Contains(d.Status));
        return decisions.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt).ThenBy(d => d.Id);
    }

    /// <summary>The follow-up board by due date, compiled once per set of conditions given.</summary>
    internal static PagedQuery<GovernanceDbContext, FollowUpBoardArgs, FollowUp> Board { get; } = new(
        a => (a.Statuses.Count == 0, a.OverdueAsOf is null, a.OwnerOrganizationId is null), ApplyBoard);

    internal static IQueryable<FollowUp> ApplyBoard(GovernanceDbContext db, FollowUpBoardArgs a)
    {
        IQueryable<FollowUp> followUps = db.FollowUps;
        followUps = a.Statuses.Count == 0 ? followUps : followUps.Where(f => a.Statuses.Contains(f.Status));

        // A follow-up due in a month is overdue once that month is over.
        followUps = a.OverdueAsOf is null
            ? followUps
            : followUps.Where(f => f.Status == FollowUpStatus.Open
                && (f.DuePrecision == DuePrecision.Day ? f.DueOn < a.OverdueAsOf : f.DueOn < a.OverdueMonth));
        followUps = a.OwnerOrganizationId is null
            ? followUps
            : followUps.Where(f => f.OwnerOrganizationId == a.OwnerOrganizationId);
        return followUps.OrderBy(f => f.DueOn).ThenBy(f => f.Id);
    }

    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<DecisionType>>>("decisions")
            .Description(
                "The decision register (relevé de décision), newest first, filtered in the database. Partners, "
                + "members, analysts and coordinators.")
            .Argument<InputType<DecisionFilter>>("filter", "Conditions the decisions must meet.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .ResolvePage(
                factory,
                Register,
                ctx => InputRecord.Argument<DecisionFilter>(ctx, "filter") ?? new(null, null, null, null, null, []));

        query.Field<NonNullGraphType<ConnectionGraphType<FollowUpType>>>("followUps")
            .Description(
                "The follow-up board: follow-up actions by due date, filtered in the database. Partners, members, "
                + "analysts and coordinators.")
            .Argument<InputType<FollowUpFilter>>("filter", "Conditions the follow-ups must meet.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .ResolvePage(
                factory,
                Board,
                ctx =>
                    FollowUpBoardArgs.From(InputRecord.Argument<FollowUpFilter>(ctx, "filter") ?? new([], null, null)));
    }
}

/// <summary>What the follow-up board's query reads: the filter, and the first day of the overdue day's month.</summary>
internal sealed record FollowUpBoardArgs(
    IReadOnlyList<FollowUpStatus> Statuses, DateOnly? OverdueAsOf, Guid? OwnerOrganizationId)
{
    public DateOnly? OverdueMonth => OverdueAsOf is { } day ? new DateOnly(day.Year, day.Month, 1) : null;

    public static FollowUpBoardArgs From(FollowUpFilter filter) =>
        new(filter.Statuses ?? [], filter.OverdueAsOf, filter.OwnerOrganizationId);
}

/// <summary>
/// The <c>meeting</c> and <c>agendaItem</c> fields of a record that came from a meeting (decisions, requests).
/// </summary>
internal static class MeetingLinkFields
{
    public static void AddMeetingLinks<T>(
        this ObjectGraphType<T> type,
        NodeRegistry nodes,
        string verb,
        Func<T, Guid?> meeting,
        Func<T, Guid?> agendaItem)
    {
        type.Field("meeting", new GraphQLTypeReference(MeetingsTypeNames.Meeting))
            .Description($"The meeting it was {verb} in.")
            .Resolve(ctx => nodes.LoadReference(ctx, MeetingsTypeNames.Meeting, meeting(ctx.Source)));
        type.Field("agendaItem", new GraphQLTypeReference(MeetingsTypeNames.AgendaItem))
            .Description("The agenda item it came from.")
            .Resolve(ctx => nodes.LoadReference(ctx, MeetingsTypeNames.AgendaItem, agendaItem(ctx.Source)));
    }
}

/// <summary>Adds <c>Meeting.decisions</c> to the Meetings module's type.</summary>
internal sealed class MeetingDecisionFields() : ChildListField<GovernanceDbContext, Decision>(
    MeetingsTypeNames.Meeting,
    "decisions",
    GovernanceTypeNames.Decision,
    "The decisions taken in this meeting (relevé de décision; Governance module). Partners, members, analysts and "
        + "coordinators.",
    new("decisionsByMeeting", d => d.MeetingId, q => q.OrderBy(d => d.RecordedAt).ThenBy(d => d.Id)),
    GovernanceRoles.Readers);

/// <summary>Adds <c>Organization.followUps</c> to the Directory's type.</summary>
internal sealed class OrganizationGovernanceFields() : ChildListField<GovernanceDbContext, FollowUp>(
    DirectoryTypeNames.Organization,
    "followUps",
    GovernanceTypeNames.FollowUp,
    "The follow-up actions this organisation owns, by due date (Governance module). Partners, members, analysts and "
        + "coordinators.",
    new("followUpsByOwner", f => f.OwnerOrganizationId, q => q.OrderBy(f => f.DueOn).ThenBy(f => f.Id)),
    GovernanceRoles.Readers);
