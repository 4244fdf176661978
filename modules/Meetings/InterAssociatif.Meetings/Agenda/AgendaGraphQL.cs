namespace InterAssociatif.Meetings.Agenda;

internal sealed class AgendaItemType : NodeType<AgendaItem>
{
    public AgendaItemType(GraphTypeExtensions extensions)
        : base(
            MeetingsTypeNames.AgendaItem,
            "An item of a meeting's agenda (ordre du jour), with its notes and its sub-items.")
    {
        this.AuthorizeWithRoles(MeetingRoles.Participants);
        Field<NonNullGraphType<StringGraphType>>("number")
            .Description("Its number in the agenda: \"1.\", \"2.1.\" …")
            .Resolve(ctx =>
                MeetingLoaders.Agenda.Load(ctx, ctx.Source.MeetingId)
                    .Then(items => AgendaRules.Number(items, ctx.Source)));
        Field(a => a.Position).Description("Its rank among its siblings, from 1.");
        Field(a => a.Title).Description("The item's title.");
        Field(a => a.Notes, nullable: true).Description("Notes in Markdown: what was said, in substance.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgendaItemType>>>>("items")
            .Description("Its sub-items, in order.")
            .Resolve(ctx =>
                MeetingLoaders.Agenda.Load(ctx, ctx.Source.MeetingId)
                    .Then(items =>
                        (IReadOnlyList<AgendaItem>)items.Where(a => a.ParentId == ctx.Source.Id)
                            .OrderBy(a => a.Position)
                            .ToList()));
        Field(a => a.Version).Description("Changes with every edit.");
        extensions.ApplyTo(this);
    }
}
