using GraphQL.DataLoader;

namespace InterAssociatif.Meetings.Attendance;

internal sealed record AttendanceGroup(Guid OrganizationId, IReadOnlyList<AttendanceRecord> Attendees);

internal sealed record AttendanceSummary(Guid MeetingId, IReadOnlyList<AttendanceRecord> Attendance)
{
    public IEnumerable<Guid> RepresentedOrganizations =>
        Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.OrganizationId).Distinct();
}

internal sealed record DistributionList(Guid MeetingId, IReadOnlyList<DistributionRecipient> Recipients)
{
    public bool IsDefault => Recipients.Count == 0;
}

internal sealed class AttendanceType : NodeType<AttendanceRecord>
{
    public AttendanceType(NodeRegistry nodes)
        : base(
            MeetingsTypeNames.Attendance,
            "A person's attendance at a meeting, on behalf of an organisation. Readable by partners, members, analysts "
            + "and coordinators; the person's name follows the Directory's rules.")
    {
        this.AuthorizeWithRoles(MeetingRoles.Participants);
        Field<NonNullGraphType<EnumerationGraphType<AttendanceStatus>>>("status")
            .Description("Present, excused or absent.")
            .Resolve(ctx => ctx.Source.Status);
        Field("person", new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Person)))
            .Description("The person.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.PersonId));
        Field("organization", new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))
            .Description("The organisation the person represented.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OrganizationId));
        Field(a => a.RecordedAt).Description("When it was recorded.");
        Field(a => a.Version).Description("Changes with every edit.");
    }
}

internal sealed class AttendanceGroupType : ObjectType<AttendanceGroup>
{
    public AttendanceGroupType(NodeRegistry nodes)
        : base(
            "AttendanceGroup",
            "The people present on behalf of one organisation (e.g. two for APIB44 on 18 September 2017).")
    {
        Field("organization", new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))
            .Description("The organisation.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OrganizationId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceType>>>>("attendees")
            .Description("Its people present.")
            .Resolve(ctx => ctx.Source.Attendees);
    }
}

internal sealed class AttendanceSummaryType : ObjectType<AttendanceSummary>
{
    public AttendanceSummaryType(NodeRegistry nodes)
        : base("AttendanceSummary", "A meeting's attendance in numbers and lists.")
    {
        Field<NonNullGraphType<IntGraphType>>("peoplePresent").Description("How many people were present.")
            .Resolve(ctx => ctx.Source.Attendance.Count(a => a.Status == AttendanceStatus.Present));
        Field<NonNullGraphType<IntGraphType>>("peopleExcused").Description("How many people were excused.")
            .Resolve(ctx => ctx.Source.Attendance.Count(a => a.Status == AttendanceStatus.Excused));
        Field("organizationsRepresented", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The organisations with at least one person present.")
            .Resolve(ctx => Organizations(ctx, ctx.Source.RepresentedOrganizations));
        Field("organizationsNotRepresented", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("The organisations invited with nobody present (absents ou excusés).")
            .Resolve(ctx => MeetingLoaders.InvitedOrganizations.Load(ctx, ctx.Source.MeetingId).Then(invitations =>
            {
                var represented = ctx.Source.RepresentedOrganizations.ToHashSet();
                return Organizations(ctx, invitations.Invited().Where(o => !represented.Contains(o)));
            }));

        IDataLoaderResult<IReadOnlyList<object>> Organizations(IResolveFieldContext ctx, IEnumerable<Guid> ids) =>
            MeetingType.LoadAll(ctx, nodes, DirectoryTypeNames.Organization, ids);
    }
}

internal sealed class DistributionListType : ObjectType<DistributionList>
{
    public DistributionListType(NodeRegistry nodes)
        : base("DistributionList", "Who receives the minutes (diffusion).")
    {
        Field<NonNullGraphType<BooleanGraphType>>("isDefault")
            .Description(
                "True when no list was set: then it is the participants and the excused "
                + "(« participants et excusés »), with every invited organisation.")
            .Resolve(ctx => ctx.Source.IsDefault);
        Field("organizations", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Organization))
            .Description("Organisations that receive the minutes.")
            .Resolve(ctx => ctx.Source.IsDefault
                ? MeetingLoaders.InvitedOrganizations.Load(ctx, ctx.Source.MeetingId)
                    .Then(list => Load(ctx, DirectoryTypeNames.Organization, list.Invited()))
                : DataLoaderResolveExtensions.FromValue(
                    Load(ctx, DirectoryTypeNames.Organization, ctx.Source.Recipients.Select(r => r.OrganizationId)
                        .Ids())));
        Field("people", NodeGraphTypeExtensions.ListOf(DirectoryTypeNames.Person))
            .Description(
                "People who receive the minutes. On a list a coordinator set, `sendMinutes` also reaches the people "
                + "affiliated today with its organisations.")
            .Resolve(ctx => ctx.Source.IsDefault
                ? MeetingLoaders.Attendance.Load(ctx, ctx.Source.MeetingId).Then(list => Load(
                    ctx,
                    DirectoryTypeNames.Person,
                    list.Where(a => a.Status is AttendanceStatus.Present or AttendanceStatus.Excused)
                        .Select(a => a.PersonId)))
                : DataLoaderResolveExtensions.FromValue(
                    Load(ctx, DirectoryTypeNames.Person, ctx.Source.Recipients.Select(r => r.PersonId).Ids())));

        IDataLoaderResult<IReadOnlyList<object>> Load(IResolveFieldContext ctx, string type, IEnumerable<Guid> ids) =>
            MeetingType.LoadAll(ctx, nodes, type, ids);
    }
}

internal static class InvitationLists
{
    /// <summary>The organisations invited (an invitation names an organisation or a person).</summary>
    public static IEnumerable<Guid> Invited(this IEnumerable<Invitation> invitations) =>
        invitations.Select(i => i.OrganizationId).Ids();

    /// <summary>The ids set, in order.</summary>
    public static IEnumerable<Guid> Ids(this IEnumerable<Guid?> ids) => ids.OfType<Guid>();
}
