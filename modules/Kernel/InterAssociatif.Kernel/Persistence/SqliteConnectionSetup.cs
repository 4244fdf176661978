namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// Sets the per-connection SQLite pragmas once per physical connection: readers and the writer do not
/// block each other under WAL, a writer waits for a lock instead of failing at once, and foreign keys
/// hold. A pooled connection keeps its SQLite handle, and the handle keeps its pragmas, so reopening
/// it from the pool sends nothing.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time a physical connection (its SQLite handle) is seen.</summary>
    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle }
        || (!Prepared.TryGetValue(handle, out _) && Prepared.TryAdd(handle, handle));
}
