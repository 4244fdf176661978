namespace InterAssociatif.Governance.Bodies;

internal sealed class BodyType : NodeType<Body>
{
    private static readonly ChildLoader<GovernanceDbContext, BodyMeeting> MeetingsByBody = new(
        "meetingsByBody", m => m.BodyId);

    private static readonly ChildLoader<GovernanceDbContext, Participation> ParticipantsByBody = new(
        "participantsByBody", p => p.BodyId, q => q.Where(p => p.Until == null).OrderBy(p => p.Since));

    public BodyType(GraphTypeExtensions extensions, NodeRegistry nodes)
        : base(
            GovernanceTypeNames.Body,
            "A body of the contrat de ville's governance: the network (inter-associatif), the steering committee "
            + "(comité de pilotage, 3 meetings a year, 7 seats for associations), a thematic group…")
    {
        Field<NonNullGraphType<EnumerationGraphType<BodyKind>>>("kind")
            .Description("What kind of body.")
            .Resolve(ctx => ctx.Source.Kind);
        Field(b => b.Name).Description("Its name.");
        Field(b => b.Description, nullable: true).Description("What it does.");
        Field("theme", new GraphQLTypeReference(DirectoryTypeNames.Theme)).Description("The theme of a thematic group.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Theme, ctx.Source.ThemeId));
        Field(b => b.MeetingsPerYear, nullable: true).Description("How many times a year it meets.");
        Field(b => b.AssociationSeats, nullable: true)
            .Description("Seats for associations at each session, held in rotation.");
        Field("meetings", NodeGraphTypeExtensions.ListOf(MeetingsTypeNames.Meeting))
            .Description("The meetings it held (its sessions).")
            .Resolve(ctx => MeetingsByBody.Load(ctx, ctx.Source.Id)
                .Then(list => nodes.LoadReferences(ctx, MeetingsTypeNames.Meeting, list.Select(m => m.MeetingId))));
        Field("participants", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The organisations taking part in it now (for a thematic group: its members).")
            .Resolve(ctx => ParticipantsByBody.Load(ctx, ctx.Source.Id)
                .Then(list =>
                    nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, list.Select(p => p.OrganizationId))));
        Field(b => b.Version).Description("Changes with every edit.");
        extensions.ApplyTo(this);
    }
}

/// <summary>Adds the bodies and the members in no thematic group to <c>Query</c>.</summary>
internal sealed class BodyQueries(
    IDbContextFactory<GovernanceDbContext> factory, IDirectoryReader directory, NodeRegistry nodes, TimeProvider time)
    : QueryFields
{
    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<BodyType>>>("bodies")
            .Description("The bodies of the governance, by kind then name.")
            .ResolvePage(factory, (ctx, db) => db.Bodies.OrderBy(b => b.Kind).ThenBy(b => b.NameKey).ThenBy(b => b.Id));

        query.Field("membersInNoGroup", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description(
                "Members of the network that take part in no thematic group on a day — the network agreed that every "
                + "member takes part in one.")
            .Argument<DateOnlyGraphType>("asOf", "The day; default today (Paris time).")
            .ResolveAsync(async ctx =>
            {
                var day = ctx.GetArgument<DateOnly?>("asOf") ?? Kernel.Text.Clock.Today(time);
                var members = await directory.GetNetworkOrganizationIdsAsync(
                    day, [MembershipStatus.Member], ctx.CancellationToken);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                var inGroups = await db.Participations
                    .Where(p =>
                        p.Since <= day
                        && (p.Until == null || p.Until >= day)
                        && db.Bodies.Any(b => b.Id == p.BodyId && b.Kind == BodyKind.ThematicGroup))
                    .Select(p => p.OrganizationId).Distinct().ToListAsync(ctx.CancellationToken);
                return nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, members.Except(inGroups));
            });
    }
}

/// <summary>Adds <c>Meeting.body</c> to the Meetings module's type.</summary>
internal sealed class MeetingBodyFields : IGraphTypeExtension
{
    private static readonly ChildLoader<GovernanceDbContext, BodyMeeting> BodyByMeeting = new(
        "bodyByMeeting", m => m.MeetingId);

    public string TypeName => MeetingsTypeNames.Meeting;

    public void Extend(IComplexGraphType type) =>
        type.AddFieldById(
            "body",
            new GraphQLTypeReference(GovernanceTypeNames.Body),
            "The body whose session this meeting is (Governance module).",
            (ctx, meetingId) => BodyByMeeting.Load(ctx, meetingId)
                .Then(list => list.FirstOrDefault() is { } link
                    ? ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, link.BodyId)
                    : DataLoaderResolveExtensions.FromValue<Body?>(null)));
}
