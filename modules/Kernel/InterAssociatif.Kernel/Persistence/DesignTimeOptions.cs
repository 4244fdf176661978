using Microsoft.EntityFrameworkCore.Design;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>Options for design-time factories (migrations are generated without a host or a server).</summary>
public static class DesignTimeOptions
{
    public static DbContextOptions For(DatabaseProvider provider, string schemaName) =>
        ModuleDbContextRegistration.BuildOptions<ModuleDbContext>(
            new DatabaseOptions
            {
                Provider = provider,
                ConnectionString = provider == DatabaseProvider.Sqlite
                    ? "Data Source=design-time.db"
                    : "Server=design-time-only;Database=InterAssociatif",
            },
            schemaName,
            interceptors: []);
}

/// <summary>
/// A module context's design-time factory for one provider, found by <c>dotnet ef</c> through its interface:
/// each module declares one per provider in one line, naming its context and its schema.
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, string schemaName)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), DesignTimeOptions.For(provider, schemaName))!;
}
