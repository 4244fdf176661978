using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;

namespace InterAssociatif.Directory.Organizations;

internal sealed class CreateOrganizationInputType : InputObjectGraphType
{
    public CreateOrganizationInputType()
    {
        Name = "CreateOrganizationInput";
        Description = "A new organisation.";
        Field<NonNullGraphType<OrganizationKindType>>("kind").Description("Association or institution.");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The name, 1 to {Organization.NameMaxLength} characters; unique once case, accents and punctuation are ignored.");
        Field<StringGraphType>("acronym").Description($"The acronym, at most {Organization.AcronymMaxLength} characters.");
        Field<StringGraphType>("description").Description($"What it does, at most {Organization.DescriptionMaxLength} characters.");
        Field<StringGraphType>("website").Description("An absolute http or https address.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("neighbourhoods").Description($"The priority neighbourhoods (QPV) it serves, at most {OrganizationRules.MaxNeighbourhoods}.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Ids of the themes it is interested in.").References(DirectoryTypeNames.Theme);
        Field<IdGraphType>("parentId").Description("The organisation it is a unit of, if any.").References(DirectoryTypeNames.Organization);
    }
}

internal sealed class UpdateOrganizationInputType : InputObjectGraphType
{
    public UpdateOrganizationInputType()
    {
        Name = "UpdateOrganizationInput";
        Description = "Changes to an organisation. Omitted fields stay as they are; null clears an optional field; lists replace the current list.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The organisation to change.").References(DirectoryTypeNames.Organization);
        Field<IntGraphType>("version").Description("The `version` you read; if it has changed since, nothing is written and a CONFLICT is returned.");
        Field<OrganizationKindType>("kind").Description("Association or institution.");
        Field<StringGraphType>("name").Description("The new name (cannot be cleared).");
        Field<StringGraphType>("acronym").Description("The acronym.");
        Field<StringGraphType>("description").Description("What it does.");
        Field<StringGraphType>("website").Description("An absolute http or https address.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("neighbourhoods").Description("The neighbourhoods it serves (replaces the list).");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Its themes (replaces the list).").References(DirectoryTypeNames.Theme);
        Field<IdGraphType>("parentId").Description("The organisation it is a unit of; null to detach it.").References(DirectoryTypeNames.Organization);
    }
}

internal sealed class ArchiveOrganizationInputType : InputObjectGraphType
{
    public ArchiveOrganizationInputType()
    {
        Name = "ArchiveOrganizationInput";
        Description = "The organisation to archive or restore.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The organisation.").References(DirectoryTypeNames.Organization);
        Field<IntGraphType>("version").Description("The `version` you read, to detect a concurrent change.");
    }
}

/// <summary>Adds the organisation mutations to <c>Mutation</c> (coordinators only).</summary>
internal sealed class OrganizationMutations(OrganizationService service) : IGraphTypeExtension
{
    private const string Result = "organization";

    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreateOrganizationInputType, Organization>(
            "createOrganization",
            "Records a new organisation. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            ctx =>
            {
                var input = InputReader.From(ctx);
                var errors = new ErrorList();
                var command = new CreateOrganization(
                    input.Get<OrganizationKind>("kind"),
                    input.Get<string>("name"),
                    input.Get<string>("acronym"),
                    input.Get<string>("description"),
                    input.Get<string>("website"),
                    input.List<string>("neighbourhoods"),
                    input.Ids("themeIds", DirectoryTypeNames.Theme, errors),
                    input.Id("parentId", DirectoryTypeNames.Organization, errors));
                return service.CreateAsync(command, errors, ctx.CancellationToken);
            },
            Roles.Coordinator);

        type.AddMutation<UpdateOrganizationInputType, Organization>(
            "updateOrganization",
            "Changes an organisation's data. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            ctx => RecordMutation.RunAsync<Organization>(ctx, "id", DirectoryTypeNames.Organization, (id, input, errors) =>
            {
                var command = new UpdateOrganization(
                    id,
                    input.Get<int?>("version"),
                    input.Has("kind") && input.Get<object>("kind") is OrganizationKind kind ? new Optional<OrganizationKind>(true, kind) : default,
                    input.Optional<string>("name"),
                    input.Optional<string>("acronym"),
                    input.Optional<string>("description"),
                    input.Optional<string>("website"),
                    input.Has("neighbourhoods") ? new Optional<IReadOnlyList<string>>(true, input.List<string>("neighbourhoods")) : default,
                    input.Has("themeIds") ? new Optional<IReadOnlyList<Guid>>(true, input.Ids("themeIds", DirectoryTypeNames.Theme, errors)) : default,
                    input.Has("parentId") ? new Optional<Guid?>(true, input.Id("parentId", DirectoryTypeNames.Organization, errors)) : default);
                return service.UpdateAsync(command, errors, ctx.CancellationToken);
            }),
            Roles.Coordinator);

        type.AddMutation<ArchiveOrganizationInputType, Organization>(
            "archiveOrganization",
            "Archives an organisation: it stays readable (others refer to it) but leaves lists by default. Nothing is ever hard-deleted. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            ctx => SetArchived(ctx, archived: true),
            Roles.Coordinator);

        type.AddMutation<ArchiveOrganizationInputType, Organization>(
            "restoreOrganization",
            "Brings an archived organisation back into lists. Coordinators only.",
            Result,
            DirectoryTypeNames.Organization,
            ctx => SetArchived(ctx, archived: false),
            Roles.Coordinator);
    }

    private Task<MutationResult<Organization>> SetArchived(GraphQL.IResolveFieldContext ctx, bool archived) =>
        RecordMutation.RunAsync<Organization>(ctx, "id", DirectoryTypeNames.Organization, (id, input, errors) =>
            service.SetArchivedAsync(id, archived, input.Get<int?>("version"), errors, ctx.CancellationToken));
}
