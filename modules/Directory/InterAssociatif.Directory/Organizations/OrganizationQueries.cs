using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Directory.Persistence;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Kernel.Text;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Directory.Organizations;

/// <summary>Adds the organisation lists to <c>Query</c>.</summary>
internal sealed class OrganizationQueries(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type)
    {
        var query = (ObjectGraphType)type;
        query.Field<NonNullGraphType<ConnectionGraphType<OrganizationType>>>("organizations")
            .Description("The organisations of the network (associations and institutions), filtered and sorted in the database, by pages. Archived ones are left out unless asked for.")
            .Argument<InputType<OrganizationFilter>>("filter", "Conditions the organisations must meet.")
            .Argument<ListGraphType<NonNullGraphType<InputType<OrganizationOrder>>>>("orderBy", "Sort keys, first one first. Default: by name.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = InputRecord.Argument<OrganizationFilter>(ctx, "filter") ?? OrganizationFilter.None;
                var order = InputRecord.Arguments<OrganizationOrder>(ctx, "orderBy");
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                var sorted = OrganizationSearch.Apply(db, filter, order, time.Today());
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });

        query.Field<OrganizationType>("organization")
            .Description("One organisation by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The organisation's global id.")
            .Resolve(ctx => GlobalId.TryDecode(ctx.GetArgument<string>("id"), DirectoryTypeNames.Organization, out var id)
                ? ctx.LoadById<DirectoryDbContext, Organization>(db => db.Organizations, id)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));
    }
}
