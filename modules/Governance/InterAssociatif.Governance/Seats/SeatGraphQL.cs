using GraphQL.Resolvers;

namespace InterAssociatif.Governance.Seats;

internal sealed class SeatType : NodeType<Seat>
{
    public SeatType(NodeRegistry nodes)
        : base(
            GovernanceTypeNames.Seat,
            "A seat for associations at a session of a body (e.g. one of the 7 seats of the steering committee), held "
            + "by a member organisation and its delegate. Partners, members, analysts and coordinators.")
    {
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        Field("organization", new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))
            .Description("The member organisation holding the seat.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OrganizationId));
        Field("delegate", new GraphQLTypeReference(DirectoryTypeNames.Person))
            .Description("The person it delegates, when known.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.DelegatePersonId));
        Field("meeting", new NonNullGraphType(new GraphQLTypeReference(MeetingsTypeNames.Meeting)))
            .Description("The session.")
            .Resolve(ctx => nodes.LoadReference(ctx, MeetingsTypeNames.Meeting, ctx.Source.MeetingId));
        Field(s => s.AssignedAt).Description("When the seat was assigned.");
    }
}

internal sealed class RotationSessionType : ObjectType<RotationSession>
{
    public RotationSessionType(NodeRegistry nodes)
        : base(
            "RotationSession",
            "A planned session of a body's seat rotation: who sits, who opted out. Partners, members, analysts and "
            + "coordinators.")
    {
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        Field(s => s.Number).Description("Its place in the body's sequence of sessions, from 1.");
        Field<NonNullGraphType<EnumerationGraphType<RotationSessionStatus>>>("status")
            .Description("Draft or confirmed.")
            .Resolve(ctx => ctx.Source.Status);
        Field(s => s.ProposedAt).Description("When the planner proposed it.");
        Field(s => s.ConfirmedAt, nullable: true).Description("When a coordinator confirmed it.");
        Field("seated", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The organisations holding the seats.")
            .Resolve(ctx =>
                nodes.LoadReferences(
                    ctx,
                    DirectoryTypeNames.Organization,
                    ctx.Source.Entries.Where(e => !e.OptedOut).Select(e => e.OrganizationId)));
        Field("optedOut", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The members that asked not to sit at this session.")
            .Resolve(ctx =>
                nodes.LoadReferences(
                    ctx,
                    DirectoryTypeNames.Organization,
                    ctx.Source.Entries.Where(e => e.OptedOut).Select(e => e.OrganizationId)));
    }
}

/// <summary>Adds <c>Body.rotation</c>, the seat plan.</summary>
internal sealed class BodyRotationFields() : ChildListField<GovernanceDbContext, RotationSession>(
    GovernanceTypeNames.Body,
    "rotation",
    "RotationSession",
    "The rotation of its association seats: confirmed sessions, then the draft ones, in order. Partners, members, "
        + "analysts and coordinators.",
    new("rotationByBody", s => s.BodyId, q => q.Include(s => s.Entries).OrderBy(s => s.Number)),
    GovernanceRoles.Readers);

internal sealed class MeetingSeatFields : IGraphTypeExtension
{
    public string TypeName => MeetingsTypeNames.Meeting;

    public void Extend(IComplexGraphType type)
    {
        var seats = new FieldType
        {
            Name = "seats",
            Description = "The association seats at this session (Governance module): those of organisations that were "
                + "members on the meeting's day — a member that withdrew keeps its seats before the withdrawal and "
                + "loses the later ones. Partners, members, analysts and coordinators.",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SeatType>>>),
            Resolver = new FuncFieldResolver<object>(ctx =>
                ctx.LoadBatched<Guid, IReadOnlyList<Seat>>(
                    "seatsByMeeting", ((IHasId)ctx.Source!).Id, async (services, ids, cancellationToken) =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()
                    .CreateDbContextAsync(cancellationToken);
                var seats = await services.GetRequiredService<SeatService>()
                    .EffectiveAsync(
                        db.Seats.Where(s => ids.Contains(s.MeetingId)).OrderBy(s => s.AssignedAt).ThenBy(s => s.Id),
                        cancellationToken);
                var byMeeting = seats.ToLookup(s => s.MeetingId);
                return ids.ToDictionary(id => id, id => (IReadOnlyList<Seat>)byMeeting[id].ToList());
            }, [])),
        };
        seats.AuthorizeWithRoles(GovernanceRoles.Readers);
        type.AddField(seats);
    }
}
