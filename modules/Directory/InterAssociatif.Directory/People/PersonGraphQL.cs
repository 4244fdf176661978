namespace InterAssociatif.Directory.People;

/// <summary>The GraphQL <c>Person</c> type: personal data, never readable anonymously or by partner tools.</summary>
internal sealed class PersonType : NodeType<Person>
{
    /// <summary>What a reference to a person mostly shows: the names and the title, without contact data.</summary>
    public static readonly NodeCard<Person> Card = new(
        p => new Person { Id = p.Id, GivenName = p.GivenName, FamilyName = p.FamilyName, Title = p.Title },
        "id", "givenName", "familyName", "displayName", "title", "affiliations");

    public PersonType(GraphTypeExtensions extensions)
        : base(
            DirectoryTypeNames.Person,
            "A person of the network (personal data): a representative of an association, a civil servant of an "
            + "institution, an elected official. Readable by members, analysts and coordinators; email and phone only "
            + "by coordinators and by the person.")
    {
        this.RequireScope(Scopes.ReadDirectory);
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Member, Roles.Analyst);
        Field(p => p.GivenName).Description("Given name (prénom).");
        Field(p => p.FamilyName).Description("Family name (nom).");
        Field<NonNullGraphType<StringGraphType>>("displayName")
            .Description("Given name then family name.")
            .Resolve(ctx => $"{ctx.Source.GivenName} {ctx.Source.FamilyName}");
        Field(p => p.Title, nullable: true)
            .Description("Title or function, e.g. « Chef du Bureau Politique de la Ville ».");
        Field<StringGraphType>("email")
            .Description("Email address. Coordinators, and the person themself, only.")
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Member)
            .Resolve(ctx => PersonalData.Reveal(ctx, ctx.Source.Email));
        Field<StringGraphType>("phone")
            .Description("Phone number. Coordinators, and the person themself, only.")
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Member)
            .Resolve(ctx => PersonalData.Reveal(ctx, ctx.Source.Phone));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffiliationType>>>>("affiliations")
            .Description("The person's affiliations to organisations, past and present, most recent first.")
            .Argument<BooleanGraphType>("currentOnly", "Only affiliations in force today. Default false.")
            .Resolve(ctx =>
            {
                var currentOnly = ctx.GetArgument("currentOnly", false);
                var today = ctx.RequestServices!.GetRequiredService<TimeProvider>().Today();
                return AffiliationLoaders.ByPerson.Load(ctx, ctx.Source.Id)
                    .Then(list => currentOnly ? list.Where(a => a.IsCurrentOn(today)).ToList() : list);
            });
        Field(p => p.Version)
            .Description("Changes with every edit; pass it back as `version` to detect a concurrent change.");
        extensions.ApplyTo(this);
    }
}

/// <summary>The rule on personal contact data: a coordinator, or the person themself.</summary>
internal static class PersonalData
{
    public static string? Reveal(IResolveFieldContext<Person> context, string? value)
    {
        if (context.User.IsCoordinator() || context.User.PersonId() == context.Source.Id)
        {
            return value;
        }

        throw new ExecutionError(
            "Access denied: a person's email and phone are readable only by coordinators and by the person themself.")
        {
            Code = AccessDeniedError.ErrorCode
        };
    }
}

internal sealed class AffiliationType : NodeType<Affiliation>
{
    public AffiliationType()
        : base(
            DirectoryTypeNames.Affiliation,
            "A person's tie to an organisation: role, title and dates. Personal data: members, analysts and "
            + "coordinators only.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Member, Roles.Analyst);
        Field<NonNullGraphType<EnumerationGraphType<AffiliationRole>>>("role")
            .Description("The person's role in the organisation.")
            .Resolve(ctx => ctx.Source.Role);
        Field(a => a.Title, nullable: true).Description("Their title there.");
        Field(a => a.StartsOn, nullable: true).Description("First day (inclusive); null if unknown.");
        Field(a => a.EndsOn, nullable: true).Description("Last day (inclusive); null while it lasts.");
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("Whether it is in force today.")
            .Resolve(ctx => ctx.Source.IsCurrentOn(ctx.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field<NonNullGraphType<PersonType>>("person").Description("The person.")
            .Resolve(ctx =>
                ctx.LoadById<DirectoryDbContext, Person>(db => db.People, PersonType.Card, ctx.Source.PersonId));
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation.")
            .Resolve(ctx => ctx.LoadById<DirectoryDbContext, Organization>(
                db => db.Organizations, OrganizationType.Card, ctx.Source.OrganizationId));
    }
}

internal static class AffiliationLoaders
{
    public static readonly ChildLoader<DirectoryDbContext, Affiliation> ByOrganization = new(
        "affiliationsByOrganization", a => a.OrganizationId,
        q => q.OrderBy(a => a.EndsOn != null).ThenByDescending(a => a.StartsOn).ThenBy(a => a.Id));

    public static readonly ChildLoader<DirectoryDbContext, Affiliation> ByPerson = new(
        "affiliationsByPerson", a => a.PersonId,
        q => q.OrderBy(a => a.EndsOn != null).ThenByDescending(a => a.StartsOn).ThenBy(a => a.Id));
}

internal sealed class PeopleQueries(IDbContextFactory<DirectoryDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<PersonType>>>("people")
            .Description(
                "People of the directory by family then given name, searched in the database. Personal data: members, "
                + "analysts and coordinators only.")
            .Argument<InputType<PersonFilter>>("filter", "Conditions the people must meet.")
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Member, Roles.Analyst)
            .ResolvePage(
                factory,
                Pages,
                ctx => InputRecord.Argument<PersonFilter>(ctx, "filter") is { } filter
                    ? new PeopleListArgs([.. SearchText.Tokens(filter.Search)], filter.OrganizationId)
                    : new PeopleListArgs([], null),
                PersonType.Card);

    /// <summary>
    /// People by name, compiled once per shape when nothing is searched; a search is translated at each request
    /// (each word is a value of its own).
    /// </summary>
    internal static PagedQuery<DirectoryDbContext, PeopleListArgs, Person> Pages { get; } =
        new(a => (a.Tokens.Count, a.OrganizationId is null), Apply);

    internal static IQueryable<Person> Apply(DirectoryDbContext db, PeopleListArgs a)
    {
        IQueryable<Person> people = db.People;
        foreach (var token in a.Tokens)
        {
            people = people.Where(p => p.SearchKey.Contains(token));
        }

        people = a.OrganizationId is null
            ? people
            : people.Where(p => p.Affiliations.Any(af => af.OrganizationId == a.OrganizationId));
        return people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id);
    }
}

/// <summary>What the people list's query reads: the search's words, the organisation.</summary>
internal sealed record PeopleListArgs(IReadOnlyList<string> Tokens, Guid? OrganizationId);
