using System.Linq.Expressions;

namespace InterAssociatif.Meetings.Meetings;

internal sealed class MeetingPlaceType : ObjectType<Meeting>
{
    public MeetingPlaceType()
        : base(
            "MeetingPlace",
            "Where a meeting takes place. The network wants the place to rotate among the neighbourhoods (« lieu "
            + "tournant dans un quartier »).")
    {
        Field("name", m => m.PlaceName, nullable: true).Description("The venue's name.");
        Field("address", m => m.PlaceAddress, nullable: true).Description("Its address.");
        Field("neighbourhood", m => m.PlaceNeighbourhood, nullable: true)
            .Description("The neighbourhood (QPV) it is in.");
    }
}

/// <summary>
/// Roles that read a meeting's attendance, agenda, published minutes, attachments and distribution list.
/// </summary>
internal static class MeetingRoles
{
    public static readonly string[] Participants = [Roles.Coordinator, Roles.Member, Roles.Analyst, Roles.Partner];
}

/// <summary>The GraphQL <c>Meeting</c> type; other modules extend it by name (Governance adds decisions).</summary>
internal sealed class MeetingType : NodeType<Meeting>
{
    public MeetingType(GraphTypeExtensions extensions, NodeRegistry nodes)
        : base(
            MeetingsTypeNames.Meeting,
            "A dated session (réunion, séance) of a body of the network: who was invited and came, the agenda (ordre "
            + "du jour), the minutes (compte rendu), the attachments (pièces jointes) and the steps it announced (les "
            + "étapes).")
    {
        Field(m => m.Title).Description("The meeting's title.");
        Field(m => m.Description, nullable: true).Description("What it is about.");
        Field(m => m.StartsAt).Description("When it starts (an instant, UTC).");
        Field(m => m.EndsAt).Description("When it ends (an instant, UTC).");
        Field<NonNullGraphType<MeetingPlaceType>>("place")
            .Description("Where it takes place.")
            .Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<EnumerationGraphType<MeetingStatus>>>("status")
            .Description("Planned, held or cancelled.")
            .Resolve(ctx => ctx.Source.Status);
        Field("organizer", new GraphQLTypeReference(DirectoryTypeNames.Organization))
            .Description("The organisation that convenes it (e.g. Nantes Métropole's Mission Politique de la Ville).")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OrganizerId));
        Field("invitedOrganizations", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The organisations invited.")
            .Resolve(ctx => MeetingLoaders.InvitedOrganizations.Load(ctx, ctx.Source.Id)
                .Then(list => LoadAll(ctx, nodes, DirectoryTypeNames.Organization, list.Invited())));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceType>>>>("attendance")
            .Description(
                "Who attended, was excused or was absent (participants, absents ou excusés), each on behalf of an "
                + "organisation.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<AttendanceStatus>>>>(
                "statuses", "Only these statuses; default all.")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx =>
            {
                var statuses = ctx.GetArgument<List<AttendanceStatus>?>("statuses");
                return MeetingLoaders.Attendance.Load(ctx, ctx.Source.Id).Then(list =>
                    (IReadOnlyList<AttendanceRecord>)list.Where(a => statuses is null || statuses.Contains(a.Status))
                        .ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceGroupType>>>>("participantsByOrganization")
            .Description("The people present, grouped by the organisation they represented, in order of recording.")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx => MeetingLoaders.Attendance.Load(ctx, ctx.Source.Id).Then(list =>
                (IReadOnlyList<AttendanceGroup>)list
                .Where(a => a.Status == AttendanceStatus.Present)
                .GroupBy(a => a.OrganizationId)
                .Select(g => new AttendanceGroup(g.Key, g.ToList()))
                .ToList()));
        Field<NonNullGraphType<AttendanceSummaryType>>("attendanceSummary")
            .Description(
                "Counts for the meeting page: people present, organisations represented, organisations invited but not "
                + "represented.")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx => MeetingLoaders.Attendance.Load(ctx, ctx.Source.Id)
                .Then(attendance => new AttendanceSummary(ctx.Source.Id, attendance)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgendaItemType>>>>("agenda")
            .Description("The agenda (ordre du jour): its top-level items in order; each item lists its sub-items.")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx => MeetingLoaders.Agenda.Load(ctx, ctx.Source.Id).Then(items =>
                (IReadOnlyList<AgendaItem>)items.Where(a => a.ParentId is null).OrderBy(a => a.Position).ToList()));
        Field<MinutesType>("minutes")
            .Description(
                "The minutes (compte rendu). A draft is visible to coordinators only; others see the minutes once "
                + "published.")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx => (MeetingLoaders.MinutesCard.Serves(ctx)
                    ? MeetingLoaders.MinutesWithoutDraft
                    : MeetingLoaders.Minutes)
                .Load(ctx, ctx.Source.Id)
                .Then(list => list.FirstOrDefault() is { } minutes
                    && (minutes.Status == MinutesStatus.Published || ctx.User.IsCoordinator()) ? minutes : null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttachmentType>>>>("attachments")
            .Description("The files attached (pièces jointes): slides, questionnaire results…")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx => MeetingLoaders.Attachments.Load(ctx, ctx.Source.Id));
        Field<NonNullGraphType<DistributionListType>>("distributionList")
            .Description(
                "Who receives the minutes (diffusion). By default, as in the source: the participants and the excused.")
            .AuthorizeWithRoles(MeetingRoles.Participants)
            .Resolve(ctx => MeetingLoaders.Distribution.Load(ctx, ctx.Source.Id)
                .Then(list => new DistributionList(ctx.Source.Id, list)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneType>>>>("milestones")
            .Description("The steps this meeting announced (les étapes), by date.")
            .Resolve(ctx => MeetingLoaders.AnnouncedMilestones.Load(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneType>>>>("fulfils")
            .Description("The announced steps this meeting fulfilled.")
            .Resolve(ctx => MeetingLoaders.FulfilledMilestones.Load(ctx, ctx.Source.Id));
        Field(m => m.CreatedAt).Description("When it was recorded.");
        Field(m => m.UpdatedAt).Description("When it last changed.");
        Field(m => m.Version)
            .Description("Changes with every edit; pass it back as `version` to detect a concurrent change.");
        extensions.ApplyTo(this);
    }

    /// <summary>
    /// Loads records of another module by id, in order and once each, batched with every other load at this depth.
    /// </summary>
    public static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<object>> LoadAll(
        IResolveFieldContext ctx, NodeRegistry nodes, string typeName, IEnumerable<Guid> ids) =>
        nodes.LoadReferences(ctx, typeName, ids.Distinct());
}

/// <summary>Adds the meeting calendar to <c>Query</c>.</summary>
internal sealed class MeetingQueries(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time) : QueryFields
{
    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<MeetingType>>>("meetings")
            .Description(
                "Meetings by start time (oldest first, or newest first with `newestFirst`), filtered in the database: "
                + "upcoming, past, between two instants, by organiser or neighbourhood.")
            .Argument<InputType<MeetingFilter>>("filter", "Conditions the meetings must meet.")
            .Argument<BooleanGraphType>("newestFirst", "Sort by start time descending. Default false.")
            .ResolvePage(
                factory,
                MeetingList.Pages,
                ctx => MeetingList.Args(
                    InputRecord.Argument<MeetingFilter>(ctx, "filter") ?? MeetingFilter.None,
                    ctx.GetArgument("newestFirst", false),
                    time.GetUtcNow()));

        query.Field<MeetingType>("meeting")
            .Description("One meeting by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The meeting's global id.")
            .Resolve(ctx => GlobalId.TryDecode(ctx.GetArgument<string>("id"), MeetingsTypeNames.Meeting, out var id)
                ? ctx.LoadById<MeetingsDbContext, Meeting>(db => db.Meetings, id)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));
    }
}

/// <summary>Adds the meetings an organisation convenes to the Directory's <c>Organization</c> type.</summary>
internal sealed class OrganizationMeetingFields() : ChildListField<MeetingsDbContext, Meeting>(
    DirectoryTypeNames.Organization,
    "organizedMeetings",
    MeetingsTypeNames.Meeting,
    "The meetings this organisation convenes, newest first (Meetings module).",
    new("meetingsByOrganizer", m => m.OrganizerId, q => q.OrderByDescending(m => m.StartsAt)));

/// <summary>The module's batched loads: one SQL command per kind and depth, whatever the number of meetings.</summary>
internal static class MeetingLoaders
{
    public static readonly ChildLoader<MeetingsDbContext, AttendanceRecord> Attendance = new(
        "attendanceByMeeting", a => a.MeetingId, q => q.OrderBy(a => a.RecordedAt).ThenBy(a => a.Id));

    /// <summary>
    /// A meeting's invited organisations, each as an invitation holding only its meeting and its organisation: the
    /// fields that read invitations (the organisations invited, those not represented, the default distribution
    /// list) need no more, and a meeting page reads 2 ids of each of its 30 invitations, not 4.
    /// </summary>
    public static readonly ChildLoader<MeetingsDbContext, Invitation> InvitedOrganizations = new(
        "invitedOrganizationsByMeeting",
        i => i.MeetingId,
        q => q.Where(i => i.OrganizationId != null)
            .OrderBy(i => i.Id)
            .Select(i => new Invitation { MeetingId = i.MeetingId, OrganizationId = i.OrganizationId }));

    public static readonly ChildLoader<MeetingsDbContext, DistributionRecipient> Distribution = new(
        "distributionByMeeting", d => d.MeetingId, q => q.OrderBy(d => d.Id));

    public static readonly ChildLoader<MeetingsDbContext, AgendaItem> Agenda = new(
        "agendaByMeeting", a => a.MeetingId, q => q.OrderBy(a => a.Position).ThenBy(a => a.Id));

    public static readonly ChildLoader<MeetingsDbContext, Attachment> Attachments = new(
        "attachmentsByMeeting", a => a.MeetingId, q => q.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id));

    public static readonly ChildLoader<MeetingsDbContext, MinutesRecord> Minutes = new(
        "minutesByMeeting", m => m.MeetingId);

    /// <summary>A revision without its text, for a selection that does not show it (its number, its date).</summary>
    public static readonly NodeCard<MinutesRevision> RevisionCard = new(
        r => new MinutesRevision
        {
            Id = r.Id,
            MinutesId = r.MinutesId,
            Number = r.Number,
            Note = r.Note,
            PublishedAt = r.PublishedAt,
        },
        "number", "note", "publishedAt");

    /// <summary>
    /// The minutes without their draft's text (up to 200,000 characters), for every selection but <c>draftText</c>:
    /// a meeting page showing the minutes' status does not read the draft. The card holds the current revision's card
    /// too, read in the same command (<c>current { number publishedAt }</c> sends no command of its own).
    /// </summary>
    public static readonly NodeCard<MinutesRecord> MinutesCard = new(
        m => new MinutesRecord
        {
            Id = m.Id,
            MeetingId = m.MeetingId,
            Status = m.Status,
            AuthorId = m.AuthorId,
            WrittenOn = m.WrittenOn,
            Version = m.Version,
        },
        "status", "writtenOn", "author", "revisions", "current", "version", "downloads");

    public static readonly ChildLoader<MeetingsDbContext, MinutesRecord> MinutesWithoutDraft = new(
        "minutesCardByMeeting", m => m.MeetingId, q => q.Select(WithCurrentCard(MinutesCard.Projection)));

    public static readonly ChildLoader<MeetingsDbContext, MinutesRevision> Revisions = new(
        "revisionsByMinutes", r => r.MinutesId, q => q.OrderBy(r => r.Number));

    /// <summary>Only the latest revision of each minutes: showing the text in force reads no other text.</summary>
    public static readonly ChildLoader<MeetingsDbContext, MinutesRevision> CurrentRevision = new(
        "currentRevisionByMinutes",
        r => r.MinutesId,
        q => q.GroupBy(r => r.MinutesId).Select(revisions => revisions.OrderByDescending(r => r.Number).First()));

    public static readonly ChildLoader<MeetingsDbContext, MinutesRevision> RevisionCards = new(
        "revisionCardsByMinutes", r => r.MinutesId, q => q.OrderBy(r => r.Number).Select(RevisionCard.Projection));

    public static readonly ChildLoader<MeetingsDbContext, MinutesRevision> CurrentRevisionCard = new(
        "currentRevisionCardByMinutes",
        r => r.MinutesId,
        q => q.GroupBy(r => r.MinutesId).Select(Latest(RevisionCard.Projection)));

    /// <summary>
    /// The latest revision of a group through <paramref name="projection"/>, projected before <c>First</c> (EF Core
    /// 10 cannot bind a projection after a group's <c>First</c>).
    /// </summary>
    private static Expression<Func<IGrouping<Guid, MinutesRevision>, MinutesRevision>> Latest(
        Expression<Func<MinutesRevision, MinutesRevision>> projection)
    {
        var revisions = Expression.Parameter(typeof(IGrouping<Guid, MinutesRevision>), "revisions");
        return Expression.Lambda<Func<IGrouping<Guid, MinutesRevision>, MinutesRevision>>(
            Newest(revisions, projection, nameof(Enumerable.First)), revisions);
    }

    /// <summary>
    /// The minutes through <paramref name="card"/>, with their latest revision's card: each of its fields a subquery
    /// that finds the newest revision through the index on (minutes, number). (The card as one join would read
    /// every revision of every minutes: EF Core numbers the rows of the whole table to keep each minutes' first.)
    /// </summary>
    private static Expression<Func<MinutesRecord, MinutesRecord>> WithCurrentCard(
        Expression<Func<MinutesRecord, MinutesRecord>> card)
    {
        var minutes = card.Parameters[0];
        var record = (MemberInitExpression)card.Body;
        var revisions = Expression.Property(minutes, nameof(MinutesRecord.Revisions));
        var fields = (MemberInitExpression)RevisionCard.Projection.Body;
        var newest = Expression.MemberInit(
            fields.NewExpression,
            fields.Bindings.Cast<MemberAssignment>().Select(field => Expression.Bind(
                field.Member,
                field.Member.Name == nameof(MinutesRevision.MinutesId)
                    ? Expression.Property(minutes, nameof(MinutesRecord.Id))
                    : Newest(
                        revisions,
                        Expression.Lambda(field.Expression, RevisionCard.Projection.Parameters),
                        nameof(Enumerable.FirstOrDefault)))));
        var current = Expression.Condition(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(MinutesRevision)], revisions),
            newest,
            Expression.Constant(null, typeof(MinutesRevision)));
        var read = typeof(MinutesRecord);
        var done = Expression.Constant(true);
        return Expression.Lambda<Func<MinutesRecord, MinutesRecord>>(
            record.Update(
                record.NewExpression,
                [
                    .. record.Bindings,
                    Expression.Bind(read.GetProperty(nameof(MinutesRecord.CurrentCard))!, current),
                    Expression.Bind(read.GetProperty(nameof(MinutesRecord.CurrentCardRead))!, done),
                ]),
            minutes);
    }

    /// <summary>The newest of <paramref name="revisions"/> through <paramref name="projection"/>, in a query.</summary>
    private static MethodCallExpression Newest(Expression revisions, LambdaExpression projection, string pick)
    {
        Expression<Func<MinutesRevision, int>> number = r => r.Number;
        var revision = typeof(MinutesRevision);
        var newestFirst = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.OrderByDescending), [revision, typeof(int)], revisions, number);
        var projected = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Select), [revision, projection.ReturnType], newestFirst, projection);
        return Expression.Call(typeof(Enumerable), pick, [projection.ReturnType], projected);
    }

    public static readonly ChildLoader<MeetingsDbContext, Milestone> AnnouncedMilestones = new(
        "milestonesByMeeting", m => m.MeetingId, q => q.OrderBy(m => m.Date).ThenBy(m => m.Id));

    public static readonly ChildLoader<MeetingsDbContext, Milestone> FulfilledMilestones = new(
        "milestonesFulfilledByMeeting", m => m.FulfilledByMeetingId, q => q.OrderBy(m => m.Date));
}
