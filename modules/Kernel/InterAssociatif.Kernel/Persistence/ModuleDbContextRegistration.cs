using InterAssociatif.Kernel.Modules;
using Microsoft.Extensions.Logging;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// A module's context factory, which can also give a context its own connection (for a write and its transaction).
/// </summary>
public interface IModuleDbContextFactory<TContext> : IDbContextFactory<TContext>
    where TContext : DbContext
{
    TContext CreateWithOwnConnection();
}

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext: an <see cref="IDbContextFactory{TContext}"/> that creates the
    /// subclass of the configured provider (<typeparamref name="TSqlite"/> or <typeparamref name="TSqlServer"/>,
    /// each carrying that provider's migrations), and the module's <see cref="IModuleDatabase"/>.
    /// Callers create a short-lived context per unit of work; during an operation's
    /// <see cref="SharedReadConnection"/> the contexts come from a pool and read through its connection.
    /// </summary>
    public static void AddModuleDbContext<TContext, TSqlite, TSqlServer>(
        this ModuleServices module, string moduleName, string schemaName)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        var database = module.Database;
        module.Services.AddSingleton<IDbContextFactory<TContext>>(sp =>
        {
            var interceptors = sp.GetServices<IInterceptor>().ToArray();
            var logging = sp.GetService<ILoggerFactory>();
            return database.Provider == DatabaseProvider.Sqlite
                ? new ProviderDbContextFactory<TContext, TSqlite>(
                    BuildOptions<TSqlite>(database, schemaName, interceptors, logging))
                : new ProviderDbContextFactory<TContext, TSqlServer>(
                    BuildOptions<TSqlServer>(database, schemaName, interceptors, logging));
        });
        module.Services.AddSingleton<IModuleDatabase>(sp => new ModuleDatabase<TContext>(
            moduleName,
            schemaName,
            sp.GetRequiredService<IDbContextFactory<TContext>>(),
            ProviderDbContextFactory<TContext, TSqlServer>.New));
    }

    /// <param name="loggerFactory">
    /// The application's logging, so that an operator sees EF Core's messages (the SQL of every
    /// command at Information under <c>Microsoft.EntityFrameworkCore.Database.Command</c>).
    /// </param>
    internal static DbContextOptions<TContext> BuildOptions<TContext>(
        DatabaseOptions database, string schemaName, IInterceptor[] interceptors, ILoggerFactory? loggerFactory = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var history = ModuleDbContext.HistoryTable(schemaName, database.Provider);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(database.ConnectionString, sqlite => sqlite
                    .MigrationsHistoryTable(history)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(database.ConnectionString, sql => sql
                    .MigrationsHistoryTable(history, schemaName)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            default:
                throw new ArgumentOutOfRangeException(
                    nameof(database), database.Provider, "Unknown database provider.");
        }

        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        // A context is never shared between threads here (one per unit of work, one per loader's fetch);
        // EF Core's check of that costs on every query.
        builder.EnableThreadSafetyChecks(false);
        builder.ReplaceService<IDatabase, InnerLambdasCompiledOnce>();
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

    /// <summary>
    /// Creates the module's contexts. While a <see cref="SharedReadConnection"/> is current, the context
    /// is taken from a pool (EF Core resets it when it is given back) and reads through the scope's
    /// connection; otherwise, and for writes, it is a new context with its own connection.
    /// </summary>
    private sealed class ProviderDbContextFactory<TContext, TConcrete>(DbContextOptions<TConcrete> options)
        : IModuleDbContextFactory<TContext>
        where TContext : DbContext
        where TConcrete : TContext
    {
        private static readonly ObjectFactory<TConcrete> Constructor =
            ActivatorUtilities.CreateFactory<TConcrete>([typeof(DbContextOptions)]);

        private readonly PooledDbContextFactory<TConcrete> _pool = new(options);

        public static TContext New(DbContextOptions options) => Constructor(EmptyServices.Instance, [options]);

        public TContext CreateDbContext()
        {
            if (SharedReadConnection.Current is not { } shared)
            {
                return New(options);
            }

            var db = _pool.CreateDbContext();
            // A caller that cannot await: SQLite opens synchronously anyway.
            shared.BindAsync(db, () => New(options), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return db;
        }

        public async Task<TContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (SharedReadConnection.Current is not { } shared)
            {
                return New(options);
            }

            var db = await _pool.CreateDbContextAsync(cancellationToken);
            await shared.BindAsync(db, () => New(options), cancellationToken);
            return db;
        }

        public TContext CreateWithOwnConnection() => New(options);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
