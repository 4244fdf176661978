using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>Options for design-time factories (migrations are generated without a host or a server).</summary>
public static class DesignTimeOptions
{
    public static DbContextOptions For(DatabaseProvider provider, string schemaName) =>
        ModuleDbContextRegistration.BuildOptions<ModuleDbContext>(
            new DatabaseOptions
            {
                Provider = provider,
                ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Server=design-time-only;Database=InterAssociatif",
            },
            schemaName,
            interceptors: []);
}
