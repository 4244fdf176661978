namespace InterAssociatif.Directory.Memberships;

internal sealed class MembershipType : NodeType<Membership>
{
    public MembershipType()
        : base(
            DirectoryTypeNames.Membership,
            "One membership of an organisation in the network (l'inter-associatif): its application (candidature, e.g. "
            + "in answer to the call for applications of 2 March – 28 April 2017), admission and withdrawal (retrait).")
    {
        Field(m => m.AppliedOn).Description("The day it applied.");
        Field(m => m.AdmittedOn, nullable: true)
            .Description("The day it was admitted (member since); null while a candidate.");
        Field(m => m.WithdrawnOn, nullable: true).Description("The day it withdrew; null while it lasts.");
        Field(m => m.WithdrawalReason, nullable: true).Description("Why it withdrew, when known.");
        Field<NonNullGraphType<EnumerationGraphType<MembershipStatus>>>("status")
            .Description("The status this record gives on a day.")
            .Argument<DateOnlyGraphType>("asOf", "The day; default today (Paris time).")
            .Resolve(ctx =>
                ctx.Source.StatusOn(
                    ctx.GetArgument<DateOnly?>("asOf")
                    ?? ctx.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation.")
            .Resolve(ctx => ctx.LoadById<DirectoryDbContext, Organization>(
                db => db.Organizations, OrganizationType.Card, ctx.Source.OrganizationId));
        Field(m => m.Version).Description("Changes with every step of the lifecycle.");
    }
}

internal static class MembershipLoaders
{
    public static readonly ChildLoader<DirectoryDbContext, Membership> ByOrganization = new(
        "membershipsByOrganization", m => m.OrganizationId, q => q.OrderBy(m => m.AppliedOn).ThenBy(m => m.CreatedAt));
}
