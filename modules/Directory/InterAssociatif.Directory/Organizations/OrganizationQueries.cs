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
            .Argument<OrganizationFilterInputType>("filter", "Conditions the organisations must meet.")
            .Argument<ListGraphType<NonNullGraphType<OrganizationOrderInputType>>>("orderBy", "Sort keys, first one first. Default: by name.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = ReadFilter(ctx.GetArgument<Dictionary<string, object?>>("filter"));
                var order = ReadOrder(ctx.GetArgument<List<object>>("orderBy"));
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

    private static OrganizationFilter ReadFilter(Dictionary<string, object?>? values)
    {
        var input = new InputReader(values ?? [], "filter");
        var errors = new ErrorList();
        var themeIds = input.Ids("themeIds", DirectoryTypeNames.Theme, errors);
        if (errors.Any)
        {
            throw new ExecutionError(errors.Items[0].Message) { Code = "INVALID_ID" };
        }

        return new OrganizationFilter(
            input.Get<string>("search"),
            input.List<OrganizationKind>("kinds"),
            input.List<MembershipStatus>("membershipStatuses"),
            input.Get<DateOnly?>("membershipAsOf"),
            themeIds,
            input.Get<string>("neighbourhood"),
            input.Get<bool?>("includeArchived") ?? false);
    }

    private static List<OrganizationOrder> ReadOrder(List<object>? values) =>
        (values ?? []).OfType<Dictionary<string, object?>>()
            .Select(v => new OrganizationOrder((OrganizationOrderField)v["field"]!, v.TryGetValue("direction", out var d) && d is SortDirection direction ? direction : SortDirection.Asc))
            .ToList();
}
