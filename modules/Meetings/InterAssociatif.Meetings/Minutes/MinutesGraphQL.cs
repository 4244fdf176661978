using InterAssociatif.Meetings.Meetings;

namespace InterAssociatif.Meetings.Minutes;

internal sealed class MinutesType : ObjectGraphType<MinutesRecord>
{
    public MinutesType(NodeRegistry nodes, GraphTypeExtensions extensions)
    {
        Name = MeetingsTypeNames.Minutes;
        Description = "The minutes of a meeting (compte rendu): a draft, then published revisions that never change.";
        Field<NonNullGraphType<EnumerationGraphType<MinutesStatus>>>("status").Description("Draft or published.").Resolve(ctx => ctx.Source.Status);
        Field(m => m.WrittenOn).Description("The day the text was written (« Nantes, le … »).");
        Field("author", new GraphQLTypeReference(DirectoryTypeNames.Person)).Description("Who wrote it.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.AuthorId));
        Field("draftText", m => m.DraftText).Description("The draft's text (Markdown). Coordinators only.").AuthorizeWithRoles(Roles.Coordinator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MinutesRevisionType>>>>("revisions")
            .Description("Every published text, first publication first; corrections add revisions.")
            .Resolve(ctx => MeetingLoaders.Revisions(ctx, ctx.Source.Id));
        Field<MinutesRevisionType>("current")
            .Description("The text in force: the latest revision; null while a draft.")
            .Resolve(ctx => MeetingLoaders.Revisions(ctx, ctx.Source.Id).Then(list => list.LastOrDefault()));
        Field(m => m.Version).Description("Changes with every edit; pass it back as `version` to detect a concurrent change.");
        extensions.ApplyTo(this);
    }
}

internal sealed class MinutesRevisionType : ObjectGraphType<MinutesRevision>
{
    public MinutesRevisionType()
    {
        Name = "MinutesRevision";
        Description = "A published text of the minutes. It is never changed: a correction is a new revision.";
        Field(r => r.Number).Description("1 for the first publication, then one more per correction.");
        Field(r => r.Text).Description("The text (Markdown).");
        Field(r => r.Note, nullable: true).Description("What the correction changed.");
        Field(r => r.PublishedAt).Description("When it was published.");
    }
}

/// <summary>Adds the minutes mutations to <c>Mutation</c> (coordinators only).</summary>
internal sealed class MinutesMutations(MinutesService minutes) : MutationFields
{
    protected override void Add(ObjectGraphType type)
    {
        type.AddMutation<DraftMinutesInput, MinutesRecord>(
            "draftMinutes", "Starts a meeting's minutes as a draft. Coordinators only.",
            "minutes", MeetingsTypeNames.Minutes, minutes.DraftAsync, Roles.Coordinator);

        type.AddMutation<EditMinutesDraftInput, MinutesRecord>(
            "editMinutesDraft",
            "Edits the draft minutes; published minutes are never edited in place. Coordinators only.",
            "minutes", MeetingsTypeNames.Minutes, minutes.EditDraftAsync, Roles.Coordinator);

        type.AddMutation<PublishMinutesInput, MinutesRecord>(
            "publishMinutes", "Publishes the draft: its text becomes revision 1 and never changes. Coordinators only.",
            "minutes", MeetingsTypeNames.Minutes, minutes.PublishAsync, Roles.Coordinator);

        type.AddMutation<CorrectMinutesInput, MinutesRecord>(
            "correctMinutes", "Publishes a correction as a new revision. Coordinators only.",
            "minutes", MeetingsTypeNames.Minutes, minutes.CorrectAsync, Roles.Coordinator);
    }
}
