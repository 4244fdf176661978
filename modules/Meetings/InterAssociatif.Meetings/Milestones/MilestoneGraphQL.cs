namespace InterAssociatif.Meetings.Milestones;

internal sealed class MilestoneType : NodeType<Milestone>
{
    public MilestoneType()
        : base(
            MeetingsTypeNames.Milestone,
            "A step a meeting announced (« les étapes »): a dated event, possibly fulfilled later by a meeting.")
    {
        Field(m => m.Title).Description("What the step is.");
        Field(m => m.Date)
            .Description(
                "Its day. With MONTH precision show only the month: the day just places the step in the timeline.");
        Field(m => m.EndDate, nullable: true)
            .Description("Its last day, for a step over several days (a call for applications).");
        Field<NonNullGraphType<EnumerationGraphType<DatePrecision>>>("precision")
            .Description("DAY, or MONTH (« courant octobre », « novembre »).")
            .Resolve(ctx => ctx.Source.Precision);
        Field<NonNullGraphType<MeetingType>>("announcedBy").Description("The meeting that announced it.")
            .Resolve(ctx => ctx.LoadById<MeetingsDbContext, Meeting>(db => db.Meetings, ctx.Source.MeetingId));
        Field<MeetingType>("fulfilledBy").Description("The meeting that fulfilled it, once known.")
            .Resolve(ctx => ctx.Source.FulfilledByMeetingId is { } id
                ? ctx.LoadById<MeetingsDbContext, Meeting>(db => db.Meetings, id)
                : DataLoaderResolveExtensions.FromValue<Meeting?>(null));
        Field(m => m.Version).Description("Changes with every edit.");
    }
}

/// <summary>Adds the milestone timeline to <c>Query</c>.</summary>
internal sealed class MilestoneQueries(IDbContextFactory<MeetingsDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<MilestoneType>>>("milestones")
            .Description(
                "The timeline of steps announced by meetings (les étapes), across meetings, by date (a step known only "
                + "by its month sits at the day the coordinator gave it).")
            .Argument<DateOnlyGraphType>("from", "Steps on or after this day.")
            .Argument<DateOnlyGraphType>("to", "Steps on or before this day.")
            .ResolvePage(
                factory,
                Timeline,
                ctx => new MilestoneListArgs(ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to")));
    }

    /// <summary>The timeline by date, compiled once per pair of bounds given.</summary>
    internal static PagedQuery<MeetingsDbContext, MilestoneListArgs, Milestone> Timeline { get; } =
        new(a => (a.From is null, a.To is null), Apply);

    internal static IQueryable<Milestone> Apply(MeetingsDbContext db, MilestoneListArgs a)
    {
        IQueryable<Milestone> milestones = db.Milestones;
        milestones = a.From is null ? milestones : milestones.Where(m => (m.EndDate ?? m.Date) >= a.From);
        milestones = a.To is null ? milestones : milestones.Where(m => m.Date <= a.To);
        return milestones.OrderBy(m => m.Date).ThenBy(m => m.Id);
    }
}

/// <summary>What the timeline's query reads: its bounds.</summary>
internal sealed record MilestoneListArgs(DateOnly? From, DateOnly? To);
