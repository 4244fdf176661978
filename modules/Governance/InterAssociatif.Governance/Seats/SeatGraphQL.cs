using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Kernel;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Meetings.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Governance.Seats;

internal sealed class SeatType : ObjectGraphType<Seat>
{
    public SeatType(NodeRegistry nodes)
    {
        Name = SeatService.TypeName;
        Description = "A seat for associations at a session of a body (e.g. one of the 7 seats of the steering committee), held by a member organisation and its delegate. Partners, members, analysts and coordinators.";
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        this.AsNode();
        Field("organization", new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization))).Description("The member organisation holding the seat.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OrganizationId));
        Field("delegate", new GraphQLTypeReference(DirectoryTypeNames.Person)).Description("The person it delegates, when known.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.DelegatePersonId));
        Field("meeting", new NonNullGraphType(new GraphQLTypeReference(MeetingsTypeNames.Meeting))).Description("The session.")
            .Resolve(ctx => nodes.LoadReference(ctx, MeetingsTypeNames.Meeting, ctx.Source.MeetingId));
        Field(s => s.AssignedAt).Description("When the seat was assigned.");
    }
}

internal sealed class RotationSessionStatusType : EnumerationGraphType<RotationSessionStatus>
{
    public RotationSessionStatusType()
    {
        Name = "RotationSessionStatus";
        Description = "A planned session is a DRAFT until a coordinator CONFIRMS it.";
    }
}

internal sealed class RotationSessionType : ObjectGraphType<RotationSession>
{
    public RotationSessionType(NodeRegistry nodes)
    {
        Name = "RotationSession";
        Description = "A planned session of a body's seat rotation: who sits, who opted out. Partners, members, analysts and coordinators.";
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        Field(s => s.Number).Description("Its place in the body's sequence of sessions, from 1.");
        Field<NonNullGraphType<RotationSessionStatusType>>("status").Description("Draft or confirmed.").Resolve(ctx => ctx.Source.Status);
        Field(s => s.ProposedAt).Description("When the planner proposed it.");
        Field(s => s.ConfirmedAt, nullable: true).Description("When a coordinator confirmed it.");
        Field("seated", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))))
            .Description("The organisations holding the seats.")
            .Resolve(ctx => nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, ctx.Source.Entries.Where(e => !e.OptedOut).Select(e => e.OrganizationId)));
        Field("optedOut", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))))
            .Description("The members that asked not to sit at this session.")
            .Resolve(ctx => nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, ctx.Source.Entries.Where(e => e.OptedOut).Select(e => e.OrganizationId)));
    }
}

/// <summary>Adds <c>Body.rotation</c> (the seat plan) and <c>Meeting.seats</c>.</summary>
internal sealed class BodyRotationFields : IGraphTypeExtension
{
    public string TypeName => BodyService.TypeName;

    public void Extend(IComplexGraphType type)
    {
        var rotation = new FieldType
        {
            Name = "rotation",
            Description = "The rotation of its association seats: confirmed sessions, then the draft ones, in order. Partners, members, analysts and coordinators.",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RotationSessionType>>>),
            Resolver = new FuncFieldResolver<object>(ctx => ctx.LoadChildren<GovernanceDbContext, RotationSession>("rotationByBody", ((IHasId)ctx.Source!).Id,
                (db, ids) => db.RotationSessions.Include(s => s.Entries).Where(s => ids.Contains(s.BodyId)).OrderBy(s => s.Number), s => s.BodyId)),
        };
        rotation.AuthorizeWithRoles(GovernanceRoles.Readers);
        type.AddField(rotation);
    }
}

internal sealed class MeetingSeatFields : IGraphTypeExtension
{
    public string TypeName => MeetingsTypeNames.Meeting;

    public void Extend(IComplexGraphType type)
    {
        var seats = new FieldType
        {
            Name = "seats",
            Description = "The association seats at this session (Governance module): those of organisations that were members on the meeting's day — a member that withdrew keeps its seats before the withdrawal and loses the later ones. Partners, members, analysts and coordinators.",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SeatType>>>),
            Resolver = new FuncFieldResolver<object>(ctx => ctx.LoadBatched<Guid, IReadOnlyList<Seat>>("seatsByMeeting", ((IHasId)ctx.Source!).Id, async (services, ids, cancellationToken) =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync(cancellationToken);
                var seats = await services.GetRequiredService<SeatService>().EffectiveAsync(db.Seats.Where(s => ids.Contains(s.MeetingId)).OrderBy(s => s.AssignedAt).ThenBy(s => s.Id), cancellationToken);
                var byMeeting = seats.ToLookup(s => s.MeetingId);
                return ids.ToDictionary(id => id, id => (IReadOnlyList<Seat>)byMeeting[id].ToList());
            }, [])),
        };
        seats.AuthorizeWithRoles(GovernanceRoles.Readers);
        type.AddField(seats);
    }
}

internal sealed class AssignSeatInputType : InputObjectGraphType
{
    public AssignSeatInputType()
    {
        Name = "AssignSeatInput";
        Description = "Gives a seat at a session to a member organisation.";
        Field<NonNullGraphType<IdGraphType>>("meetingId").Description("The session: a meeting of a body with association seats.").References(MeetingsTypeNames.Meeting);
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("A member of the network on the meeting's day, not already seated.").References(DirectoryTypeNames.Organization);
        Field<IdGraphType>("delegatePersonId").Description("The person it delegates.").References(DirectoryTypeNames.Person);
    }
}

internal sealed class ReleaseSeatInputType : InputObjectGraphType
{
    public ReleaseSeatInputType()
    {
        Name = "ReleaseSeatInput";
        Description = "Frees a seat.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The seat.").References(SeatService.TypeName);
    }
}

internal sealed class OptOutInputType : InputObjectGraphType
{
    public OptOutInputType()
    {
        Name = "RotationOptOutInput";
        Description = "A member that asks not to sit at a planned session.";
        Field<NonNullGraphType<IntGraphType>>("session").Description("The session's number in the rotation.");
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The member.").References(DirectoryTypeNames.Organization);
    }
}

internal sealed class ProposeRotationInputType : InputObjectGraphType
{
    public ProposeRotationInputType()
    {
        Name = "ProposeRotationInput";
        Description = "Plans the next sessions of a body's seat rotation as a draft; confirmed sessions are kept.";
        Field<NonNullGraphType<IdGraphType>>("bodyId").Description("A body with association seats.").References(BodyService.TypeName);
        Field<NonNullGraphType<IntGraphType>>("sessions").Description($"How many sessions to plan after the confirmed ones (1 to {RotationService.MaxSessions}).");
        Field<ListGraphType<NonNullGraphType<OptOutInputType>>>("optOuts").Description("Members that will not sit at a planned session. Omitted: the opt-outs of the current draft are kept.");
        Field<DateOnlyGraphType>("asOf").Description("Whose membership counts: the members on this day; default today (Paris time).");
    }
}

internal sealed class ConfirmRotationInputType : InputObjectGraphType
{
    public ConfirmRotationInputType()
    {
        Name = "ConfirmRotationInput";
        Description = "Confirms the draft sessions of a rotation.";
        Field<NonNullGraphType<IdGraphType>>("bodyId").Description("The body.").References(BodyService.TypeName);
        Field<IntGraphType>("throughSession").Description("Confirm the drafts up to this session number; default all of them.");
    }
}

internal sealed class SeatMutations(SeatService seats, RotationService rotation) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<AssignSeatInputType, Seat>("assignSeat", "Gives a seat at a session to a member organisation. Coordinators only.", "seat", SeatService.TypeName,
            ctx => RecordMutation.RunAsync<Seat>(ctx, "meetingId", MeetingsTypeNames.Meeting, async (meeting, input, errors) =>
            {
                var organization = input.Id("organizationId", DirectoryTypeNames.Organization, errors);
                var person = input.Id("delegatePersonId", DirectoryTypeNames.Person, errors);
                return organization is { } o && !errors.Any
                    ? await seats.AssignAsync(new AssignSeat(meeting, o, person), errors, ctx.CancellationToken)
                    : MutationResult<Seat>.Fail(errors.Items);
            }), Roles.Coordinator);

        type.AddMutation<ReleaseSeatInputType, Seat>("releaseSeat", "Frees a seat. Coordinators only.", "seat", SeatService.TypeName,
            ctx => RecordMutation.RunAsync<Seat>(ctx, "id", SeatService.TypeName, (id, _, errors) => seats.ReleaseAsync(id, errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<ProposeRotationInputType, Body>("proposeRotation",
            "Proposes who sits in the next sessions of a body, fairly: seat counts within one of each other, nobody twice in a row while others can sit, opt-outs respected. The proposal is a draft a coordinator confirms; recomputing keeps confirmed sessions. Deterministic. Coordinators only.",
            "body", BodyService.TypeName,
            ctx => RecordMutation.RunAsync<Body>(ctx, "bodyId", BodyService.TypeName, async (id, input, errors) =>
            {
                IReadOnlyList<OptOut>? optOuts = input.Has("optOuts") && input.Get<object>("optOuts") is not null
                    ? input.List<Dictionary<string, object?>>("optOuts").Select((values, i) =>
                    {
                        var o = new InputReader(values, input.Path($"optOuts[{i}]"));
                        return new OptOut(o.Get<int>("session"), o.Id("organizationId", DirectoryTypeNames.Organization, errors) ?? Guid.Empty);
                    }).ToList()
                    : null;
                return errors.Any
                    ? MutationResult<Body>.Fail(errors.Items)
                    : await rotation.ProposeAsync(new ProposeRotation(id, input.Get<int>("sessions"), optOuts, input.Get<DateOnly?>("asOf")), errors, ctx.CancellationToken);
            }), Roles.Coordinator);

        type.AddMutation<ConfirmRotationInputType, Body>("confirmRotation", "Confirms the draft sessions of a body's rotation. Coordinators only.", "body", BodyService.TypeName,
            ctx => RecordMutation.RunAsync<Body>(ctx, "bodyId", BodyService.TypeName, (id, input, errors) =>
                rotation.ConfirmAsync(id, input.Get<int?>("throughSession"), errors, ctx.CancellationToken)), Roles.Coordinator);
    }
}
