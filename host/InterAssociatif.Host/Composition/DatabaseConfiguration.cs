namespace InterAssociatif.Host.Composition;

internal static class DatabaseConfiguration
{
    /// <summary>
    /// Reads <c>Database:*</c> and <c>ConnectionStrings:Default</c>. With no connection string, the
    /// embedded default is a SQLite file in the data folder.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration, string dataDirectory)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.ConnectionString = configuration.GetConnectionString("Default") ?? "";

        // The embedded default prepares itself; a production SQL Server is migrated on purpose
        // (`migrate` or `sql-script`) and gets no demo data unless asked.
        var embedded = options.Provider == DatabaseProvider.Sqlite;
        options.MigrateOnStartup = configuration.GetValue<bool?>("Database:MigrateOnStartup") ?? embedded;
        options.SeedDemoData = configuration.GetValue<bool?>("Database:SeedDemoData") ?? embedded;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    "ConnectionStrings:Default is required when Database:Provider is SqlServer.");
            }

            System.IO.Directory.CreateDirectory(dataDirectory);
            options.ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "interassociatif.db"),
                Pooling = true,
            }.ToString();
        }

        return options;
    }

    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, contentRoot);
    }
}
