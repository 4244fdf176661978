namespace InterAssociatif.Meetings.Minutes;

internal sealed class MinutesType : ObjectType<MinutesRecord>
{
    public MinutesType(NodeRegistry nodes, GraphTypeExtensions extensions)
        : base(
            MeetingsTypeNames.Minutes,
            "The minutes of a meeting (compte rendu): a draft, then published revisions that never change.")
    {
        Field<NonNullGraphType<EnumerationGraphType<MinutesStatus>>>("status")
            .Description("Draft or published.")
            .Resolve(ctx => ctx.Source.Status);
        Field(m => m.WrittenOn).Description("The day the text was written (« Nantes, le … »).");
        Field("author", new GraphQLTypeReference(DirectoryTypeNames.Person)).Description("Who wrote it.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.AuthorId));
        Field("draftText", m => m.DraftText)
            .Description("The draft's text (Markdown). Coordinators only.")
            .AuthorizeWithRoles(Roles.Coordinator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MinutesRevisionType>>>>("revisions")
            .Description("Every published text, first publication first; corrections add revisions.")
            .Resolve(ctx => (MeetingLoaders.RevisionCard.Serves(ctx)
                    ? MeetingLoaders.RevisionCards
                    : MeetingLoaders.Revisions)
                .Load(ctx, ctx.Source.Id));
        Field<MinutesRevisionType>("current")
            .Description("The text in force: the latest revision; null while a draft.")
            .Resolve(ctx => !MeetingLoaders.RevisionCard.Serves(ctx)
                ? MeetingLoaders.CurrentRevision.Load(ctx, ctx.Source.Id).Then(list => list.SingleOrDefault())
                : ctx.Source.CurrentCardRead
                    ? DataLoaderResolveExtensions.FromValue(ctx.Source.CurrentCard)
                    : MeetingLoaders.CurrentRevisionCard.Load(ctx, ctx.Source.Id).Then(list => list.SingleOrDefault()));
        Field(m => m.Version)
            .Description("Changes with every edit; pass it back as `version` to detect a concurrent change.");
        extensions.ApplyTo(this);
    }
}

internal sealed class MinutesRevisionType : ObjectType<MinutesRevision>
{
    public MinutesRevisionType()
        : base(
            "MinutesRevision", "A published text of the minutes. It is never changed: a correction is a new revision.")
    {
        Field(r => r.Number).Description("1 for the first publication, then one more per correction.");
        Field(r => r.Text).Description("The text (Markdown).");
        Field(r => r.Note, nullable: true).Description("What the correction changed.");
        Field(r => r.PublishedAt).Description("When it was published.");
    }
}
