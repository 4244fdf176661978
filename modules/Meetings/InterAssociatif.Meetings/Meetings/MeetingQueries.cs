using System.ComponentModel;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Kernel.Text;
using InterAssociatif.Meetings.Contracts;
using InterAssociatif.Meetings.Milestones;
using InterAssociatif.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Meetings.Meetings;


/// <summary>Adds the meeting calendar and the milestone timeline to <c>Query</c>.</summary>
internal sealed class MeetingQueries(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type)
    {
        var query = (ObjectGraphType)type;
        query.Field<NonNullGraphType<ConnectionGraphType<MeetingType>>>("meetings")
            .Description("Meetings by start time (oldest first, or newest first with `newestFirst`), filtered in the database: upcoming, past, between two instants, by organiser or neighbourhood.")
            .Argument<InputType<MeetingFilter>>("filter", "Conditions the meetings must meet.")
            .Argument<BooleanGraphType>("newestFirst", "Sort by start time descending. Default false.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = InputRecord.Argument<MeetingFilter>(ctx, "filter") ?? MeetingFilter.None;

                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<Meeting> meetings = db.Meetings;
                var now = time.GetUtcNow();
                meetings = filter.When switch
                {
                    MeetingWhen.Upcoming => meetings.Where(m => m.EndsAt >= now),
                    MeetingWhen.Past => meetings.Where(m => m.EndsAt < now),
                    _ => meetings,
                };
                if (filter.From is { } from)
                {
                    meetings = meetings.Where(m => m.EndsAt >= from);
                }

                if (filter.To is { } to)
                {
                    meetings = meetings.Where(m => m.StartsAt < to);
                }

                if (filter.OrganizerId is { } organizer)
                {
                    meetings = meetings.Where(m => m.OrganizerId == organizer);
                }

                if (filter.OrganizationId is { } organization)
                {
                    meetings = meetings.Where(m => m.OrganizerId == organization || db.Invitations.Any(i => i.MeetingId == m.Id && i.OrganizationId == organization));
                }

                if (SearchText.Key(filter.Neighbourhood) is { Length: > 0 } neighbourhood)
                {
                    meetings = meetings.Where(m => m.PlaceNeighbourhoodKey == neighbourhood);
                }

                if (filter.Statuses is { Count: > 0 } statuses)
                {
                    meetings = meetings.Where(m => statuses.Contains(m.Status));
                }

                var sorted = ctx.GetArgument("newestFirst", false)
                    ? meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
                    : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });

        query.Field<MeetingType>("meeting")
            .Description("One meeting by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The meeting's global id.")
            .Resolve(ctx => GlobalId.TryDecode(ctx.GetArgument<string>("id"), MeetingsTypeNames.Meeting, out var id)
                ? ctx.LoadById<MeetingsDbContext, Meeting>(db => db.Meetings, id)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ConnectionGraphType<MilestoneType>>>("milestones")
            .Description("The timeline of steps announced by meetings (les étapes), across meetings, by date (a step known only by its month sits at the day the coordinator gave it).")
            .Argument<DateOnlyGraphType>("from", "Steps on or after this day.")
            .Argument<DateOnlyGraphType>("to", "Steps on or before this day.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<Milestone> milestones = db.Milestones;
                if (ctx.GetArgument<DateOnly?>("from") is { } from)
                {
                    milestones = milestones.Where(m => (m.EndDate ?? m.Date) >= from);
                }

                if (ctx.GetArgument<DateOnly?>("to") is { } to)
                {
                    milestones = milestones.Where(m => m.Date <= to);
                }

                var sorted = milestones.OrderBy(m => m.Date).ThenBy(m => m.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
    }
}

/// <summary>Adds the meetings an organisation convenes to the Directory's <c>Organization</c> type.</summary>
internal sealed class OrganizationMeetingFields : IGraphTypeExtension
{
    public string TypeName => DirectoryTypeNames.Organization;

    public void Extend(IComplexGraphType type) =>
        type.AddField(new FieldType
        {
            Name = "organizedMeetings",
            Description = "The meetings this organisation convenes, newest first (Meetings module).",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(MeetingsTypeNames.Meeting)))),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(ctx => ctx.LoadChildren<MeetingsDbContext, Meeting>(
                "meetingsByOrganizer",
                ((Kernel.IHasId)ctx.Source!).Id,
                (db, ids) => db.Meetings.Where(m => m.OrganizerId != null && ids.Contains(m.OrganizerId.Value)).OrderByDescending(m => m.StartsAt),
                m => m.OrganizerId!.Value)),
        });
}
