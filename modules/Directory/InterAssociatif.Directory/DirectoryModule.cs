using InterAssociatif.Directory.DemoData;

namespace InterAssociatif.Directory;

/// <summary>
/// The Directory module: organisations, people, affiliations, themes and membership in the
/// network. Other modules know it only through <c>InterAssociatif.Directory.Contracts</c>.
/// </summary>
public sealed class DirectoryModule : IModule
{
    public string Name => "Directory";

    public void ConfigureServices(ModuleServices module)
    {
        module.AddModuleDbContext<DirectoryDbContext, DirectorySqliteDbContext, DirectorySqlServerDbContext>(
            Name, DirectoryDbContext.Schema);

        var services = module.Services;
        services.AddSingleton<OrganizationService>();
        services.AddSingleton<ThemeService>();
        services.AddSingleton<PersonService>();
        services.AddSingleton<MembershipService>();
        services.AddSingleton<IDirectoryReader, DirectoryReader>();

        services.AddGraphTypesFrom(typeof(DirectoryModule).Assembly);
        services.AddSingleton<INodeSource>(new EntityNodeSource<DirectoryDbContext, Organization>(
            DirectoryTypeNames.Organization, db => db.Organizations, card: OrganizationType.Card));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<DirectoryDbContext, Theme>(DirectoryTypeNames.Theme, db => db.Themes));
        services.AddSingleton<INodeSource>(new EntityNodeSource<DirectoryDbContext, Person>(
            DirectoryTypeNames.Person, db => db.People, card: PersonType.Card));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<DirectoryDbContext, Affiliation>(
                DirectoryTypeNames.Affiliation, db => db.Affiliations));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<DirectoryDbContext, Membership>(DirectoryTypeNames.Membership, db => db.Memberships));

        services.AddSingleton<IDemoDataSeeder, DirectoryDemoSeeder>();
    }
}
