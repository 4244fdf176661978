namespace InterAssociatif.Directory.Themes;

internal sealed class ThemeType : NodeType<Theme>
{
    public ThemeType(GraphTypeExtensions extensions)
        : base(
            DirectoryTypeNames.Theme,
            "A theme of the contrat de ville (thématique), e.g. « réussite éducative, éducation jeunesse » or "
            + "« tranquillité publique ». Organisations, groups and decisions refer to themes.")
    {
        this.RequireScope(Scopes.ReadDirectory);
        Field(t => t.Name).Description("The theme's name, in French.");
        Field(t => t.Description, nullable: true).Description("What the theme covers.");
        Field(t => t.Position).Description("Its rank in the catalogue (1 first).");
        Field(t => t.Version)
            .Description("Changes with every edit; pass it back as `version` to detect a concurrent change.");
        extensions.ApplyTo(this);
    }
}

internal sealed class ThemeQueries(IDbContextFactory<DirectoryDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<ThemeType>>>("themes")
            .Description("The theme catalogue (thématiques), in catalogue order.")
            .ResolvePage(
                factory, (ctx, db) => db.Themes.OrderBy(t => t.Position).ThenBy(t => t.NameKey).ThenBy(t => t.Id));
}
