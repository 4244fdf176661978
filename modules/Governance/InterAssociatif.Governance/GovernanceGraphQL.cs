using GraphQL;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Decisions;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Kernel;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Meetings.Contracts;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Governance;

internal sealed class GovernanceQueries(IDbContextFactory<GovernanceDbContext> factory, IDirectoryReader directory, NodeRegistry nodes, TimeProvider time) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type)
    {
        var query = (ObjectGraphType)type;
        query.Field<NonNullGraphType<ConnectionGraphType<BodyType>>>("bodies")
            .Description("The bodies of the governance, by kind then name.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                return (await Paging.ToConnectionAsync(db.Bodies.OrderBy(b => b.Kind).ThenBy(b => b.NameKey).ThenBy(b => b.Id), page, ctx.CancellationToken)).AsGraph();
            });

        query.Field("membersInNoGroup", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))))
            .Description("Members of the network that take part in no thematic group on a day — the network agreed that every member takes part in one.")
            .Argument<DateOnlyGraphType>("asOf", "The day; default today (Paris time).")
            .ResolveAsync(async ctx =>
            {
                var day = ctx.GetArgument<DateOnly?>("asOf") ?? Kernel.Text.Clock.Today(time);
                var members = await directory.GetNetworkOrganizationIdsAsync(day, [MembershipStatus.Member], ctx.CancellationToken);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                var inGroups = await db.Participations
                    .Where(p => p.Since <= day && (p.Until == null || p.Until >= day) && db.Bodies.Any(b => b.Id == p.BodyId && b.Kind == BodyKind.ThematicGroup))
                    .Select(p => p.OrganizationId).Distinct().ToListAsync(ctx.CancellationToken);
                return nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, members.Except(inGroups));
            });

        query.Field<NonNullGraphType<ConnectionGraphType<DecisionType>>>("decisions")
            .Description("The decision register (relevé de décision), newest first, filtered in the database. Partners, members, analysts and coordinators.")
            .Argument<InputType<DecisionFilter>>("filter", "Conditions the decisions must meet.")
            .PageArguments()
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = InputRecord.Argument<DecisionFilter>(ctx, "filter") ?? new(null, null, null, null, null, []);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<Decision> decisions = db.Decisions;
                decisions = filter.BodyId is { } body ? decisions.Where(d => d.BodyId == body) : decisions;
                decisions = filter.MeetingId is { } meeting ? decisions.Where(d => d.MeetingId == meeting) : decisions;
                decisions = filter.ThemeId is { } theme ? decisions.Where(d => d.Themes.Any(t => t.ThemeId == theme)) : decisions;
                decisions = filter.From is { } from ? decisions.Where(d => d.DecidedOn >= from) : decisions;
                decisions = filter.To is { } to ? decisions.Where(d => d.DecidedOn <= to) : decisions;
                if (filter.Statuses is { Count: > 0 } statuses)
                {
                    decisions = decisions.Where(d => statuses.Contains(d.Status));
                }

                var sorted = decisions.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt).ThenBy(d => d.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });

        query.Field<NonNullGraphType<ConnectionGraphType<FollowUpType>>>("followUps")
            .Description("The follow-up board: follow-up actions by due date, filtered in the database. Partners, members, analysts and coordinators.")
            .Argument<InputType<FollowUpFilter>>("filter", "Conditions the follow-ups must meet.")
            .PageArguments()
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = InputRecord.Argument<FollowUpFilter>(ctx, "filter") ?? new([], null, null);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<FollowUp> followUps = db.FollowUps;
                if (filter.Statuses is { Count: > 0 } statuses)
                {
                    followUps = followUps.Where(f => statuses.Contains(f.Status));
                }

                if (filter.OverdueAsOf is { } asOf)
                {
                    // A follow-up due in a month is overdue once that month is over.
                    var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
                    followUps = followUps.Where(f => f.Status == FollowUpStatus.Open && (f.DuePrecision == DuePrecision.Day ? f.DueOn < asOf : f.DueOn < monthStart));
                }

                followUps = filter.OwnerOrganizationId is { } organization ? followUps.Where(f => f.OwnerOrganizationId == organization) : followUps;
                var sorted = followUps.OrderBy(f => f.DueOn).ThenBy(f => f.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
    }
}

/// <summary>Adds <c>Meeting.body</c> and <c>Meeting.decisions</c> to the Meetings module's type.</summary>
internal sealed class MeetingGovernanceFields : IGraphTypeExtension
{
    public string TypeName => MeetingsTypeNames.Meeting;

    public void Extend(IComplexGraphType type)
    {
        type.AddField(new FieldType
        {
            Name = "body",
            Description = "The body whose session this meeting is (Governance module).",
            ResolvedType = new GraphQLTypeReference(GovernanceTypeNames.Body),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(ctx => ctx.LoadChildren<GovernanceDbContext, BodyMeeting>("bodyByMeeting", ((IHasId)ctx.Source!).Id, (db, ids) => db.BodyMeetings.Where(m => ids.Contains(m.MeetingId)), m => m.MeetingId)
                .Then(list => list.FirstOrDefault() is { } link ? ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, link.BodyId) : DataLoaderResolveExtensions.FromValue<Body?>(null))),
        });
        var decisions = new FieldType
        {
            Name = "decisions",
            Description = "The decisions taken in this meeting (relevé de décision; Governance module). Partners, members, analysts and coordinators.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GovernanceTypeNames.Decision)))),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(ctx => ctx.LoadChildren<GovernanceDbContext, Decision>("decisionsByMeeting", ((IHasId)ctx.Source!).Id,
                (db, ids) => db.Decisions.Where(d => d.MeetingId != null && ids.Contains(d.MeetingId.Value)).OrderBy(d => d.RecordedAt).ThenBy(d => d.Id), d => d.MeetingId!.Value)),
        };
        decisions.AuthorizeWithRoles(GovernanceRoles.Readers);
        type.AddField(decisions);
    }
}

/// <summary>Adds <c>Organization.followUps</c> to the Directory's type.</summary>
internal sealed class OrganizationGovernanceFields : IGraphTypeExtension
{
    public string TypeName => DirectoryTypeNames.Organization;

    public void Extend(IComplexGraphType type)
    {
        var followUps = new FieldType
        {
            Name = "followUps",
            Description = "The follow-up actions this organisation owns, by due date (Governance module). Partners, members, analysts and coordinators.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GovernanceTypeNames.FollowUp)))),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(ctx => ctx.LoadChildren<GovernanceDbContext, FollowUp>("followUpsByOwner", ((IHasId)ctx.Source!).Id,
                (db, ids) => db.FollowUps.Where(f => f.OwnerOrganizationId != null && ids.Contains(f.OwnerOrganizationId.Value)).OrderBy(f => f.DueOn).ThenBy(f => f.Id), f => f.OwnerOrganizationId!.Value)),
        };
        followUps.AuthorizeWithRoles(GovernanceRoles.Readers);
        type.AddField(followUps);
    }
}
