namespace InterAssociatif.Directory.Organizations;

/// <summary>The GraphQL <c>Organization</c> type; other modules extend it by name.</summary>
internal sealed class OrganizationType : NodeType<Organization>
{
    /// <summary>What a reference to an organisation mostly shows, read without its texts and search keys.</summary>
    public static readonly NodeCard<Organization> Card = new(
        o => new Organization
        {
            Id = o.Id,
            Kind = o.Kind,
            Name = o.Name,
            Acronym = o.Acronym,
            ParentId = o.ParentId,
            ArchivedAt = o.ArchivedAt,
        },
        "id", "kind", "name", "acronym", "archived", "archivedAt", "parent", "units", "neighbourhoods", "themes",
        "membershipStatus", "memberships", "affiliations");

    private static readonly ChildLoader<DirectoryDbContext, OrganizationNeighbourhood> Neighbourhoods = new(
        "neighbourhoodsByOrganization", n => n.OrganizationId, q => q.OrderBy(n => n.NameKey));

    private static readonly ChildLoader<DirectoryDbContext, OrganizationTheme> ThemesInOrder = new(
        "themesByOrganization", t => t.OrganizationId,
        q => q.OrderBy(t => t.Theme!.Position)
            .Select(t => new OrganizationTheme
            {
                OrganizationId = t.OrganizationId,
                ThemeId = t.ThemeId,
                Theme = t.Theme,
            }));

    private static readonly ChildLoader<DirectoryDbContext, Organization> UnitsByParent = new(
        "unitsByParent", o => o.ParentId, q => q.OrderBy(o => o.NameKey));

    public OrganizationType(GraphTypeExtensions extensions)
        : base(
            DirectoryTypeNames.Organization,
            "An organisation of the network: an association (member or candidate of the inter-associatif) or an "
            + "institution (État, Nantes Métropole, CCAS…).")
    {
        this.RequireScope(Scopes.ReadDirectory);
        Field<NonNullGraphType<EnumerationGraphType<OrganizationKind>>>("kind")
            .Description("Association or institution.")
            .Resolve(ctx => ctx.Source.Kind);
        Field(o => o.Name).Description("The name, as the organisation writes it (with its accents and apostrophes).");
        Field(o => o.Acronym, nullable: true)
            .Description("The acronym (sigle), e.g. UHP for the Union des Habitants de Plaisance.");
        Field(o => o.Description, nullable: true).Description("What the organisation does.");
        Field(o => o.Website, nullable: true).Description("Its website (http or https).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("neighbourhoods")
            .Description("The priority neighbourhoods (quartiers prioritaires, QPV) it serves.")
            .Resolve(ctx => Neighbourhoods.Load(ctx, ctx.Source.Id).Then(list => list.Select(n => n.Name).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeType>>>>("themes")
            .Description("The themes (thématiques) it is interested in, in catalogue order.")
            .Resolve(ctx => ThemesInOrder.Load(ctx, ctx.Source.Id).Then(list => list.Select(t => t.Theme!).ToList()));
        Field<NonNullGraphType<BooleanGraphType>>("archived")
            .Description("Archived organisations are kept (others refer to them) but left out of lists by default.")
            .Resolve(ctx => ctx.Source.ArchivedAt is not null);
        Field(o => o.ArchivedAt, nullable: true).Description("When it was archived.");
        Field<OrganizationType>("parent")
            .Description(
                "The organisation this one is a unit of (e.g. the Mission Politique de la Ville of Nantes Métropole).")
            .Resolve(ctx => ctx.Source.ParentId is { } parentId
                ? ctx.LoadById<DirectoryDbContext, Organization>(db => db.Organizations, Card, parentId)
                : DataLoaderResolveExtensions.FromValue<Organization?>(null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("units")
            .Description("Its units (missions, bureaux), by name.")
            .Resolve(ctx => UnitsByParent.Load(ctx, ctx.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<MembershipStatus>>>("membershipStatus")
            .Description("Where it stands in the network on a day: candidate, member, withdrawn, or none.")
            .Argument<DateOnlyGraphType>("asOf", "The day (Paris time) to evaluate; default today.")
            .Resolve(ctx =>
            {
                var day = ctx.GetArgument<DateOnly?>("asOf")
                    ?? ctx.RequestServices!.GetRequiredService<TimeProvider>().Today();
                return MembershipLoaders.ByOrganization.Load(ctx, ctx.Source.Id)
                    .Then(list => MembershipRules.StatusOn(list, day));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipType>>>>("memberships")
            .Description(
                "Its history in the network: every application, admission and withdrawal, oldest first. Re-joining "
                + "opens a new membership.")
            .Resolve(ctx => MembershipLoaders.ByOrganization.Load(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffiliationType>>>>("affiliations")
            .Description(
                "The people affiliated with it (representatives, staff…). Personal data: members, analysts and "
                + "coordinators only.")
            .Argument<BooleanGraphType>(
                "currentOnly", "Only affiliations in force today. Default false: the whole history.")
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Member, Roles.Analyst)
            .Resolve(ctx =>
            {
                var currentOnly = ctx.GetArgument("currentOnly", false);
                var today = ctx.RequestServices!.GetRequiredService<TimeProvider>().Today();
                return AffiliationLoaders.ByOrganization.Load(ctx, ctx.Source.Id)
                    .Then(list => currentOnly ? list.Where(a => a.IsCurrentOn(today)).ToList() : list);
            });
        Field(o => o.CreatedAt).Description("When it was recorded.");
        Field(o => o.UpdatedAt).Description("When it last changed.");
        Field(o => o.Version)
            .Description(
                "Changes with every edit. Pass it back as `version` in an update to be told of a concurrent change "
                + "instead of overwriting it.");
        extensions.ApplyTo(this);
    }
}

/// <summary>Adds the organisation lists to <c>Query</c>.</summary>
internal sealed class OrganizationQueries(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time)
    : QueryFields
{
    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<OrganizationType>>>("organizations")
            .Description(
                "The organisations of the network (associations and institutions), filtered and sorted in the "
                + "database, by pages. Archived ones are left out unless asked for.")
            .Argument<InputType<OrganizationFilter>>("filter", "Conditions the organisations must meet.")
            .Argument<ListGraphType<NonNullGraphType<InputType<OrganizationOrder>>>>(
                "orderBy", "Sort keys, first one first. Default: by name.")
            .ResolvePage(
                factory,
                OrganizationSearch.Pages,
                ctx => new OrganizationSearchArgs(
                    InputRecord.Argument<OrganizationFilter>(ctx, "filter") ?? OrganizationFilter.None,
                    InputRecord.Arguments<OrganizationOrder>(ctx, "orderBy"),
                    time.Today()),
                OrganizationType.Card);

        query.Field<OrganizationType>("organization")
            .Description("One organisation by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The organisation's global id.")
            .Resolve(ctx =>
                GlobalId.TryDecode(ctx.GetArgument<string>("id"), DirectoryTypeNames.Organization, out var id)
                ? ctx.LoadById<DirectoryDbContext, Organization>(db => db.Organizations, OrganizationType.Card, id)
                : throw new InvalidIdException(ctx.GetArgument<string>("id")));
    }
}
