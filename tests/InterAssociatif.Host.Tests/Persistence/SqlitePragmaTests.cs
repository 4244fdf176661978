namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>
/// The SQLite pragmas are sent once per physical connection; a connection reopened from the pool keeps
/// them (foreign keys enforced, a writer waits for a lock), on a real database file.
/// </summary>
public sealed class SqlitePragmaTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_connection_reopened_from_the_pool_keeps_its_pragmas()
    {
        var options = new DbContextOptionsBuilder()
            .UseSqlite($"Data Source={_file}")
            .AddInterceptors(new SqliteConnectionSetup())
            .Options;
        var handles = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var open = 0; open < 20; open++)
        {
            await using var db = new DbContext(options);
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            handles.Add(connection.Handle!);
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
            Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
        }

        Assert.True(handles.Count < 20, "the pool never gave a connection back: reuse was not exercised");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
