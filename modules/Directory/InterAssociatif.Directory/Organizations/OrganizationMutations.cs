using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;

namespace InterAssociatif.Directory.Organizations;

/// <summary>Adds the organisation mutations to <c>Mutation</c> (coordinators only).</summary>
internal sealed class OrganizationMutations(OrganizationService service) : IGraphTypeExtension
{
    private const string Result = "organization";

    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreateOrganizationInput, Organization>(
            "createOrganization",
            "Records a new organisation. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            (input, ctx) => service.CreateAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<UpdateOrganizationInput, Organization>(
            "updateOrganization",
            "Changes an organisation's data. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            (input, ctx) => service.UpdateAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<ArchiveOrganizationInput, Organization>(
            "archiveOrganization",
            "Archives an organisation: it stays readable (others refer to it) but leaves lists by default. Nothing is ever hard-deleted. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            (input, ctx) => service.SetArchivedAsync(input.Id, archived: true, input.Version, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<ArchiveOrganizationInput, Organization>(
            "restoreOrganization",
            "Brings an archived organisation back into lists. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            (input, ctx) => service.SetArchivedAsync(input.Id, archived: false, input.Version, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);
    }
}
