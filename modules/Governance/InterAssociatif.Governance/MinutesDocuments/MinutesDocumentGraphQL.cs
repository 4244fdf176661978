namespace InterAssociatif.Governance.MinutesDocuments;

/// <summary>The download addresses of a meeting's compte rendu, one per format.</summary>
internal sealed record MinutesDownloads(Guid MeetingId);

internal sealed class MinutesDownloadsType : ObjectType<MinutesDownloads>
{
    public MinutesDownloadsType()
        : base(
            "MinutesDownloads",
            "Where to download the compte rendu, rendered from the meeting's record (participants, agenda, decisions, "
                + "follow-ups, requests, steps) with the reader's rights. Paths on this server; add `?revision=n` "
                + "for an earlier "
                + "published revision.")
    {
        foreach (var format in Enum.GetValues<MinutesFormat>())
        {
            Field<NonNullGraphType<StringGraphType>>(format.ToString().ToLowerInvariant())
                .Description($"The .{MinutesFormats.Extension(format)} document ({MinutesFormats.MediaType(format)}).")
                .Resolve(ctx => MinutesDocumentEndpoints.PathOf(ctx.Source.MeetingId, format));
        }
    }
}

/// <summary>Adds <c>Minutes.downloads</c> to the Meetings module's type.</summary>
internal sealed class MinutesDownloadFields : IGraphTypeExtension
{
    public string TypeName => MeetingsTypeNames.Minutes;

    public void Extend(IComplexGraphType type) =>
        type.AddField(
            new FieldType
            {
                Name = "downloads",
                Description =
                    "The compte rendu as DOCX, HTML and Markdown (Governance module): the same reader rights "
                    + "as the minutes.",
                ResolvedType = new NonNullGraphType(new GraphQLTypeReference("MinutesDownloads")),
                Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(ctx => new MinutesDownloads(
                    ((IMeetingMinutes)ctx.Source!).MeetingId)),
            }
        );
}

internal sealed class MinutesMailingType : ObjectType<MinutesMailing>
{
    public MinutesMailingType(NodeRegistry nodes)
        : base(
            "MinutesMailing",
            "The minutes sent to one address (diffusion): which text, how many attempts, the last outcome. "
                + "Coordinators only.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field(m => m.Address).Description("The email address.");
        Field("person", new GraphQLTypeReference(DirectoryTypeNames.Person))
            .Description("Whose address it is.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.PersonId));
        Field(m => m.Revision).Description("The revision sent; 0 for the draft sent « pour relecture ».");
        Field<NonNullGraphType<EnumerationGraphType<MinutesMailingStatus>>>("status")
            .Description("Sent, failed, or being sent.")
            .Resolve(ctx => ctx.Source.Status);
        Field(m => m.Attempts).Description("How many times it was tried.");
        Field(m => m.LastAttemptAt).Description("When it was last tried.");
        Field(m => m.SentAt, nullable: true).Description("When the SMTP server accepted it.");
        Field(m => m.Error, nullable: true).Description("Why the last attempt failed.");
    }
}

internal sealed class MinutesMailingReportType : ObjectType<MinutesMailingReport>
{
    public MinutesMailingReportType()
        : base(
            "MinutesMailingReport",
            "What `sendMinutes` did: each recipient it tried, with the outcome; failures are retried by sending again.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field(r => r.Revision).Description("The revision sent; 0 for the draft « pour relecture ».");
        Field<NonNullGraphType<IntGraphType>>("sent")
            .Description("Recipients the SMTP server accepted.")
            .Resolve(ctx => ctx.Source.Recipients.Count(m => m.Status == MinutesMailingStatus.Sent));
        Field<NonNullGraphType<IntGraphType>>("failed")
            .Description("Recipients that failed; send again to retry them alone.")
            .Resolve(ctx => ctx.Source.Recipients.Count(m => m.Status == MinutesMailingStatus.Failed));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MinutesMailingType>>>>("recipients")
            .Description("Each recipient tried.")
            .Resolve(ctx => ctx.Source.Recipients);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("withoutAddress")
            .Description("People on the list the Directory has no email address for: they were not sent anything.")
            .Resolve(ctx => ctx.Source.WithoutAddress);
    }
}

/// <summary>Adds <c>Meeting.minutesMailings</c> (coordinators only).</summary>
internal sealed class MeetingMinutesMailingFields() : ChildListField<GovernanceDbContext, MinutesMailing>(
    MeetingsTypeNames.Meeting,
    "minutesMailings",
    "MinutesMailing",
    "Every sending of the minutes to its distribution list, per revision and address "
        + "(Governance module). Coordinators only.",
    new("minutesMailingsByMeeting", m => m.MeetingId, q => q.OrderBy(m => m.Revision).ThenBy(m => m.Address)),
    Roles.Coordinator);

/// <summary>Adds <c>sendMinutes</c> to <c>Mutation</c> (coordinators only).</summary>
internal sealed class MinutesMailMutations(MinutesMailService mail) : MutationFields
{
    protected override void Add(ObjectGraphType type) =>
        type.AddMutation<SendMinutesInput, MinutesMailingReport>(
            "sendMinutes",
            "Sends the published minutes (or the draft « pour relecture ») to the meeting's distribution list "
                + "by email: the "
                + "HTML as the body, the DOCX attached. Recipients who already received that text are skipped "
                + "unless `resend`; "
                + "failed ones are retried. Coordinators only.",
            "report",
            "MinutesMailingReport",
            (input, ctx) => mail.SendAsync(input, ctx.User!, ctx.CancellationToken),
            Roles.Coordinator
        );
}
