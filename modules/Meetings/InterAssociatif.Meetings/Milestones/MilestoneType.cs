using GraphQL.Types;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Meetings.Contracts;
using InterAssociatif.Meetings.Meetings;
using InterAssociatif.Meetings.Persistence;

namespace InterAssociatif.Meetings.Milestones;


internal sealed class MilestoneType : ObjectGraphType<Milestone>
{
    public MilestoneType()
    {
        Name = MeetingsTypeNames.Milestone;
        Description = "A step a meeting announced (« les étapes »): a dated event, possibly fulfilled later by a meeting.";
        this.AsNode();
        Field(m => m.Title).Description("What the step is.");
        Field(m => m.Date).Description("Its day. With MONTH precision show only the month: the day just places the step in the timeline.");
        Field(m => m.EndDate, nullable: true).Description("Its last day, for a step over several days (a call for applications).");
        Field<NonNullGraphType<EnumerationGraphType<DatePrecision>>>("precision").Description("DAY, or MONTH (« courant octobre », « novembre »).").Resolve(ctx => ctx.Source.Precision);
        Field<NonNullGraphType<MeetingType>>("announcedBy").Description("The meeting that announced it.")
            .Resolve(ctx => ctx.LoadById<MeetingsDbContext, Meeting>(db => db.Meetings, ctx.Source.MeetingId));
        Field<MeetingType>("fulfilledBy").Description("The meeting that fulfilled it, once known.")
            .Resolve(ctx => ctx.Source.FulfilledByMeetingId is { } id
                ? ctx.LoadById<MeetingsDbContext, Meeting>(db => db.Meetings, id)
                : DataLoaderResolveExtensions.FromValue<Meeting?>(null));
        Field(m => m.Version).Description("Changes with every edit.");
    }
}
