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

internal sealed class PersonFilterInputType : InputObjectGraphType
{
    public PersonFilterInputType()
    {
        Name = "PersonFilter";
        Description = "Narrows a list of people. All given conditions must hold.";
        Field<StringGraphType>("search").Description("Words found in the given or family name, ignoring case, accents and punctuation.");
        Field<IdGraphType>("organizationId").Description("Only people affiliated (now or before) with this organisation.");
    }
}

internal sealed class PeopleQueries(IDbContextFactory<DirectoryDbContext> factory) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type) =>
        ((ObjectGraphType)type).Field<NonNullGraphType<ConnectionGraphType<PersonType>>>("people")
            .Description("People of the directory by family then given name, searched in the database. Personal data: members, analysts and coordinators only.")
            .Argument<PersonFilterInputType>("filter", "Conditions the people must meet.")
            .PageArguments()
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Member, Roles.Analyst)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = new InputReader(ctx.GetArgument<Dictionary<string, object?>>("filter") ?? [], "filter");
                var errors = new ErrorList();
                var organizationId = filter.Id("organizationId", DirectoryTypeNames.Organization, errors);
                if (errors.Any)
                {
                    throw new ExecutionError(errors.Items[0].Message) { Code = "INVALID_ID" };
                }

                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<Person> people = db.People;
                foreach (var token in SearchText.Tokens(filter.Get<string>("search")))
                {
                    people = people.Where(p => p.SearchKey.Contains(token));
                }

                if (organizationId is { } orgId)
                {
                    people = people.Where(p => p.Affiliations.Any(a => a.OrganizationId == orgId));
                }

                var sorted = people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
}

internal sealed class CreatePersonInputType : InputObjectGraphType
{
    public CreatePersonInputType()
    {
        Name = "CreatePersonInput";
        Description = "A new person (personal data).";
        Field<NonNullGraphType<StringGraphType>>("givenName").Description($"Given name, 1 to {Person.NameMaxLength} characters.");
        Field<NonNullGraphType<StringGraphType>>("familyName").Description($"Family name, 1 to {Person.NameMaxLength} characters.");
        Field<StringGraphType>("title").Description("Title or function.");
        Field<StringGraphType>("email").Description("Email address; unique in the directory.");
        Field<StringGraphType>("phone").Description("Phone number: 6 to 15 digits, with optional +, spaces, dots, dashes or parentheses.");
    }
}

internal sealed class UpdatePersonInputType : InputObjectGraphType
{
    public UpdatePersonInputType()
    {
        Name = "UpdatePersonInput";
        Description = "Changes to a person; omitted fields stay as they are, null clears an optional one.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The person.").References(DirectoryTypeNames.Person);
        Field<IntGraphType>("version").Description("The `version` you read, to detect a concurrent change.");
        Field<StringGraphType>("givenName").Description("Given name.");
        Field<StringGraphType>("familyName").Description("Family name.");
        Field<StringGraphType>("title").Description("Title or function.");
        Field<StringGraphType>("email").Description("Email address.");
        Field<StringGraphType>("phone").Description("Phone number.");
    }
}

internal sealed class AddAffiliationInputType : InputObjectGraphType
{
    public AddAffiliationInputType()
    {
        Name = "AddAffiliationInput";
        Description = "Ties a person to an organisation.";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("The person.").References(DirectoryTypeNames.Person);
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The organisation.").References(DirectoryTypeNames.Organization);
        Field<NonNullGraphType<AffiliationRoleType>>("role").Description("The person's role there.");
        Field<StringGraphType>("title").Description("Their title there.");
        Field<DateOnlyGraphType>("startsOn").Description("First day, if known.");
        Field<DateOnlyGraphType>("endsOn").Description("Last day, if already known; not before `startsOn`.");
    }
}

internal sealed class EndAffiliationInputType : InputObjectGraphType
{
    public EndAffiliationInputType()
    {
        Name = "EndAffiliationInput";
        Description = "Ends an affiliation on a day.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The affiliation.").References(AffiliationType.GraphQLName);
        Field<NonNullGraphType<DateOnlyGraphType>>("endsOn").Description("Its last day; not before its start.");
    }
}

internal sealed class PeopleMutations(PersonService service) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreatePersonInputType, Person>(
            "createPerson", "Records a person (personal data). Coordinators only.", "person", DirectoryTypeNames.Person,
            ctx =>
            {
                var input = InputReader.From(ctx);
                return service.CreateAsync(new CreatePerson(input.Get<string>("givenName"), input.Get<string>("familyName"), input.Get<string>("title"), input.Get<string>("email"), input.Get<string>("phone")), new ErrorList(), ctx.CancellationToken);
            },
            Roles.Coordinator);

        type.AddMutation<UpdatePersonInputType, Person>(
            "updatePerson", "Changes a person's data. Coordinators only.", "person", DirectoryTypeNames.Person,
            ctx => RecordMutation.RunAsync<Person>(ctx, "id", DirectoryTypeNames.Person, (id, input, errors) =>
                service.UpdateAsync(
                    new UpdatePerson(id, input.Get<int?>("version"), input.Optional<string>("givenName"), input.Optional<string>("familyName"), input.Optional<string>("title"), input.Optional<string>("email"), input.Optional<string>("phone")),
                    errors,
                    ctx.CancellationToken)),
            Roles.Coordinator);

        type.AddMutation<AddAffiliationInputType, Affiliation>(
            "addAffiliation", "Ties a person to an organisation with a role and dates. Coordinators only.", "affiliation", AffiliationType.GraphQLName,
            async ctx =>
            {
                var input = InputReader.From(ctx);
                var errors = new ErrorList();
                var personId = input.Id("personId", DirectoryTypeNames.Person, errors);
                var organizationId = input.Id("organizationId", DirectoryTypeNames.Organization, errors);
                return personId is null || organizationId is null
                    ? MutationResult<Affiliation>.Fail(errors.Items)
                    : await service.AddAffiliationAsync(
                        new AddAffiliation(personId.Value, organizationId.Value, input.Get<AffiliationRole>("role"), input.Get<string>("title"), input.Get<DateOnly?>("startsOn"), input.Get<DateOnly?>("endsOn")),
                        errors,
                        ctx.CancellationToken);
            },
            Roles.Coordinator);

        type.AddMutation<EndAffiliationInputType, Affiliation>(
            "endAffiliation", "Ends an affiliation on a day; it stays in the person's history. Coordinators only.", "affiliation", AffiliationType.GraphQLName,
            ctx => RecordMutation.RunAsync<Affiliation>(ctx, "id", AffiliationType.GraphQLName, (id, input, errors) =>
                service.EndAffiliationAsync(id, input.Get<DateOnly>("endsOn"), errors, ctx.CancellationToken)),
            Roles.Coordinator);
    }
}
