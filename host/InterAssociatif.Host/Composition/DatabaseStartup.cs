namespace InterAssociatif.Host.Composition;

/// <summary>Brings the database to the current schema and loads the demo data, as configuration asks.</summary>
internal sealed class DatabaseStartup(
    DatabaseOptions database,
    IEnumerable<IModuleDatabase> modules,
    IEnumerable<IDemoDataSeeder> seeders,
    ILogger<DatabaseStartup> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers and the writer proceed together; the setting is stored in the file.
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var module in modules)
        {
            var pending = await module.GetPendingMigrationsAsync(cancellationToken);
            if (pending.Count > 0)
            {
                logger.LogInformation(
                    "Applying {Count} migration(s) of module {Module}: {Migrations}",
                    pending.Count,
                    module.Module,
                    string.Join(", ", pending));
            }

            await module.MigrateAsync(cancellationToken);
        }
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
            logger.LogInformation("Demo data of module {Module} is loaded.", seeder.Module);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (database.MigrateOnStartup)
        {
            await MigrateAsync(cancellationToken);
        }

        if (database.SeedDemoData)
        {
            await SeedAsync(cancellationToken);
        }
    }
}
