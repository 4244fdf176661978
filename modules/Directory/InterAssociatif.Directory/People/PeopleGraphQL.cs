using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Directory.Persistence;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Kernel.Text;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Directory.People;

internal sealed class PeopleQueries(IDbContextFactory<DirectoryDbContext> factory) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type) =>
        ((ObjectGraphType)type).Field<NonNullGraphType<ConnectionGraphType<PersonType>>>("people")
            .Description("People of the directory by family then given name, searched in the database. Personal data: members, analysts and coordinators only.")
            .Argument<InputType<PersonFilter>>("filter", "Conditions the people must meet.")
            .PageArguments()
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Member, Roles.Analyst)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = InputRecord.Argument<PersonFilter>(ctx, "filter");
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<Person> people = db.People;
                foreach (var token in SearchText.Tokens(filter?.Search))
                {
                    people = people.Where(p => p.SearchKey.Contains(token));
                }

                if (filter?.OrganizationId is { } orgId)
                {
                    people = people.Where(p => p.Affiliations.Any(a => a.OrganizationId == orgId));
                }

                var sorted = people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
}

internal sealed class PeopleMutations(PersonService service) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreatePersonInput, Person>(
            "createPerson", "Records a person (personal data). Coordinators only.", "person", DirectoryTypeNames.Person,
            (input, ctx) => service.CreateAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<UpdatePersonInput, Person>(
            "updatePerson", "Changes a person's data. Coordinators only.", "person", DirectoryTypeNames.Person,
            (input, ctx) => service.UpdateAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<AddAffiliationInput, Affiliation>(
            "addAffiliation", "Ties a person to an organisation with a role and dates. Coordinators only.", "affiliation",
            DirectoryTypeNames.Affiliation,
            (input, ctx) => service.AddAffiliationAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<EndAffiliationInput, Affiliation>(
            "endAffiliation", "Ends an affiliation on a day; it stays in the person's history. Coordinators only.", "affiliation",
            DirectoryTypeNames.Affiliation,
            (input, ctx) => service.EndAffiliationAsync(input.Id, input.EndsOn, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);
    }
}
