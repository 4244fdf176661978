namespace InterAssociatif.Kernel.Persistence;

/// <summary>The database providers a module's migrations exist for.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a file in the data folder. Also the test database.</summary>
    Sqlite,

    /// <summary>The production database.</summary>
    SqlServer,
}

/// <summary>Where the modules store their data (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string (<c>ConnectionStrings:Default</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply every enabled module's migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the demo dataset (the 2017 network) when the host starts.</summary>
    public bool SeedDemoData { get; set; } = true;
}
