using InterAssociatif.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterAssociatif.Kernel.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext: an <see cref="IDbContextFactory{TContext}"/> that creates the
    /// subclass of the configured provider (each subclass carries that provider's migrations), and
    /// the module's <see cref="IModuleDatabase"/>. Resolvers create a short-lived context per batch,
    /// so parallel resolvers never share one.
    /// </summary>
    public static void AddModuleDbContext<TContext>(
        this ModuleServices module,
        string moduleName,
        string schemaName,
        Func<DbContextOptions, TContext> createSqlite,
        Func<DbContextOptions, TContext> createSqlServer)
        where TContext : ModuleDbContext
    {
        var database = module.Database;
        module.Services.AddSingleton<IDbContextFactory<TContext>>(sp =>
        {
            var options = BuildOptions<TContext>(database, schemaName, sp.GetServices<IInterceptor>().ToArray(), sp.GetService<ILoggerFactory>());
            var create = database.Provider == DatabaseProvider.Sqlite ? createSqlite : createSqlServer;
            return new ProviderDbContextFactory<TContext>(() => create(options));
        });
        module.Services.AddSingleton<IModuleDatabase>(sp =>
            new ModuleDatabase<TContext>(moduleName, schemaName, sp.GetRequiredService<IDbContextFactory<TContext>>(), createSqlServer));
    }

    /// <param name="loggerFactory">
    /// The application's logging, so that an operator sees EF Core's messages (the SQL of every
    /// command at Information under <c>Microsoft.EntityFrameworkCore.Database.Command</c>).
    /// </param>
    internal static DbContextOptions BuildOptions<TContext>(DatabaseOptions database, string schemaName, IInterceptor[] interceptors, ILoggerFactory? loggerFactory = null)
        where TContext : ModuleDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var history = ModuleDbContext.HistoryTable(schemaName, database.Provider);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(database.ConnectionString, sqlite => sqlite
                    .MigrationsHistoryTable(history)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(database.ConnectionString, sql => sql
                    .MigrationsHistoryTable(history, schemaName));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }

        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        return builder.Options;
    }

    private sealed class ProviderDbContextFactory<TContext>(Func<TContext> create) : IDbContextFactory<TContext>
        where TContext : DbContext
    {
        public TContext CreateDbContext() => create();
    }
}
