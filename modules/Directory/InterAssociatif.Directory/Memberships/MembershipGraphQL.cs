using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Directory.Organizations;
using InterAssociatif.Directory.Persistence;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Kernel.Text;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Directory.Memberships;

internal sealed class MembershipType : ObjectGraphType<Membership>
{
    public const string GraphQLName = "Membership";

    public MembershipType()
    {
        Name = GraphQLName;
        Description = "One membership of an organisation in the network (l'inter-associatif): its application (candidature, e.g. in answer to the call for applications of 2 March – 28 April 2017), admission and withdrawal (retrait).";
        this.AsNode();
        Field(m => m.AppliedOn).Description("The day it applied.");
        Field(m => m.AdmittedOn, nullable: true).Description("The day it was admitted (member since); null while a candidate.");
        Field(m => m.WithdrawnOn, nullable: true).Description("The day it withdrew; null while it lasts.");
        Field(m => m.WithdrawalReason, nullable: true).Description("Why it withdrew, when known.");
        Field<NonNullGraphType<MembershipStatusType>>("status")
            .Description("The status this record gives on a day.")
            .Argument<DateOnlyGraphType>("asOf", "The day; default today (Paris time).")
            .Resolve(ctx => ctx.Source.StatusOn(ctx.GetArgument<DateOnly?>("asOf") ?? ctx.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation.")
            .Resolve(ctx => ctx.LoadById<DirectoryDbContext, Organization>(db => db.Organizations, ctx.Source.OrganizationId));
        Field(m => m.Version).Description("Changes with every step of the lifecycle.");
    }
}

internal static class MembershipLoaders
{
    public static IDataLoaderResult<IReadOnlyList<Membership>> ByOrganization(IResolveFieldContext context, Guid organizationId) =>
        context.LoadChildren<DirectoryDbContext, Membership>(
            "membershipsByOrganization", organizationId,
            (db, ids) => db.Memberships.Where(m => ids.Contains(m.OrganizationId)).OrderBy(m => m.AppliedOn).ThenBy(m => m.CreatedAt),
            m => m.OrganizationId);
}

internal sealed class ApplyForMembershipInputType : InputObjectGraphType
{
    public ApplyForMembershipInputType()
    {
        Name = "ApplyForMembershipInput";
        Description = "An organisation applies to join the network (candidature).";
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The organisation.").References(DirectoryTypeNames.Organization);
        Field<DateOnlyGraphType>("appliedOn").Description("The day of the application; default today.");
    }
}

internal sealed class AdmitMemberInputType : InputObjectGraphType
{
    public AdmitMemberInputType()
    {
        Name = "AdmitMemberInput";
        Description = "Admits a candidate into the network.";
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The candidate organisation.").References(DirectoryTypeNames.Organization);
        Field<DateOnlyGraphType>("admittedOn").Description("Member since; default today; not before the application.");
    }
}

internal sealed class WithdrawMembershipInputType : InputObjectGraphType
{
    public WithdrawMembershipInputType()
    {
        Name = "WithdrawMembershipInput";
        Description = "Records that a candidate or member leaves the network (retrait).";
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The organisation.").References(DirectoryTypeNames.Organization);
        Field<DateOnlyGraphType>("withdrawnOn").Description("The day; default today; not before the application or admission.");
        Field<StringGraphType>("reason").Description($"Why, at most {Membership.ReasonMaxLength} characters.");
    }
}

internal sealed class MembershipMutations(MembershipService service, TimeProvider time) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<ApplyForMembershipInputType, Membership>(
            "applyForMembership",
            "Records an organisation's application to the network. After a withdrawal, applying again opens a new membership. Coordinators only.",
            "membership", MembershipType.GraphQLName,
            ctx => RecordMutation.RunAsync<Membership>(ctx, "organizationId", DirectoryTypeNames.Organization, (id, input, errors) => service.ApplyAsync(id, input.Get<DateOnly?>("appliedOn") ?? time.Today(), errors, ctx.CancellationToken)),
            Roles.Coordinator);

        type.AddMutation<AdmitMemberInputType, Membership>(
            "admitMember",
            "Admits a candidate: only an organisation that has applied can be admitted. Coordinators only.",
            "membership", MembershipType.GraphQLName,
            ctx => RecordMutation.RunAsync<Membership>(ctx, "organizationId", DirectoryTypeNames.Organization, (id, input, errors) => service.AdmitAsync(id, input.Get<DateOnly?>("admittedOn") ?? time.Today(), errors, ctx.CancellationToken)),
            Roles.Coordinator);

        type.AddMutation<WithdrawMembershipInputType, Membership>(
            "withdrawMembership",
            "Records a withdrawal (retrait); a withdrawn membership cannot be withdrawn again. Coordinators only.",
            "membership", MembershipType.GraphQLName,
            ctx => RecordMutation.RunAsync<Membership>(ctx, "organizationId", DirectoryTypeNames.Organization, (id, input, errors) => service.WithdrawAsync(id, input.Get<DateOnly?>("withdrawnOn") ?? time.Today(), input.Get<string>("reason"), errors, ctx.CancellationToken)),
            Roles.Coordinator);
    }
}
