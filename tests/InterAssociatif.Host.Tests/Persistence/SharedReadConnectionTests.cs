using System.Runtime.InteropServices;
using SQLitePCL;

namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>
/// An operation's reads share one connection across modules, taken from the host's pool and given
/// back; writes keep their own; two reads overlapping on the shared connection are refused; a pooled
/// connection keeps its statements prepared for the next read of the same SQL. On the host's real
/// database file.
/// </summary>
public sealed class SharedReadConnectionTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private ReadConnectionPool Pool => factory.Services.GetRequiredService<ReadConnectionPool>();

    private List<IModuleDatabase> Modules => [.. factory.Services.GetServices<IModuleDatabase>()];

    [Fact]
    public async Task Every_module_reads_through_the_one_connection_of_the_scope_and_the_next_scope_reuses_it()
    {
        Assert.True(Modules.Count >= 5, "the host's four modules and its own tables");
        System.Data.Common.DbConnection first;
        await using (SharedReadConnection.Begin(Pool))
        {
            var contexts = Modules.Select(m => m.CreateContext()).ToList();
            foreach (var db in contexts)
            {
                Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync());
            }

            first = contexts[0].Database.GetDbConnection();
            Assert.All(contexts, db => Assert.Same(first, db.Database.GetDbConnection()));
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }

            Assert.Equal(System.Data.ConnectionState.Open, first.State);
        }

        await using (SharedReadConnection.Begin(Pool))
        {
            await using var db = Modules[^1].CreateContext();
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync());
            Assert.Same(first, db.Database.GetDbConnection());
        }
    }

    [Fact]
    public async Task Outside_a_scope_and_for_a_write_a_context_has_its_own_connection()
    {
        await using var scope = SharedReadConnection.Begin(Pool);
        await using var read = Modules[0].CreateContext();
        await read.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync();
        var factoryOfAccess = factory.Services.GetRequiredService<IDbContextFactory<AccessDbContext>>();
        await using (var change = await factoryOfAccess.BeginChangeAsync(new ErrorList(), CancellationToken.None))
        {
            Assert.NotSame(read.Database.GetDbConnection(), change.Db.Database.GetDbConnection());
        }

        await scope.DisposeAsync();
        await using var after = Modules[0].CreateContext();
        await after.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync();
        Assert.NotSame(read.Database.GetDbConnection(), after.Database.GetDbConnection());
    }

    [Fact]
    public async Task A_read_that_would_overlap_another_on_the_shared_connection_is_refused()
    {
        await using var scope = SharedReadConnection.Begin(Pool);
        await using var a = Modules[0].CreateContext();
        await using var b = Modules[1].CreateContext();
        await using var rows = a.Database.SqlQueryRaw<int>("SELECT 1 AS Value UNION ALL SELECT 2").AsAsyncEnumerable()
            .GetAsyncEnumerator();
        Assert.True(await rows.MoveNextAsync());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            b.Database.SqlQueryRaw<int>("SELECT 3 AS Value").SingleAsync());
        Assert.Contains("at the same time", refused.Message);
        Assert.True(await rows.MoveNextAsync());
        Assert.False(await rows.MoveNextAsync());
        await rows.DisposeAsync();
        Assert.Equal(3, await b.Database.SqlQueryRaw<int>("SELECT 3 AS Value").SingleAsync());
    }

    [Fact]
    public async Task A_query_read_again_on_a_pooled_connection_runs_its_kept_statement_with_the_new_values()
    {
        const string Sql =
            "SELECT Value FROM (SELECT 1 AS Value UNION ALL SELECT 2 UNION ALL SELECT 3) WHERE Value = {0}";
        await using var pool = new ReadConnectionPool(capacity: 1);
        SqliteConnection connection;
        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = Modules[0].CreateContext();
            await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync();
            connection = (SqliteConnection)db.Database.GetDbConnection();
        }

        IntPtr statement;
        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = Modules[0].CreateContext();
            Assert.Equal(2, await db.Database.SqlQueryRaw<int>(Sql, 2).SingleAsync());
            Assert.Same(connection, db.Database.GetDbConnection());
            statement = Assert.Single(Statements(connection, "WHERE Value = @p0"));

            // The same SQL again in the same operation, then in the next one (the pool gives the connection back).
            Assert.Equal(3, await db.Database.SqlQueryRaw<int>(Sql, 3).SingleAsync());
            Assert.Equal(statement, Assert.Single(Statements(connection, "WHERE Value = @p0")));
        }

        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = Modules[1].CreateContext();
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>(Sql, 1).SingleAsync());
            Assert.Same(connection, db.Database.GetDbConnection());
            Assert.Equal(statement, Assert.Single(Statements(connection, "WHERE Value = @p0")));
        }
    }

    [Fact]
    public async Task A_kept_statement_sees_what_was_committed_since_and_survives_a_schema_change()
    {
        const string Read = "SELECT COUNT(*) AS Value FROM PreparedProbe";
        var module = Modules[0]; // starts the host, which creates the database
        await using var writer = new SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "interassociatif.db")}"
        );
        await writer.OpenAsync();
        await Execute("CREATE TABLE PreparedProbe (Id INTEGER PRIMARY KEY)");
        await using var pool = new ReadConnectionPool(capacity: 1);
        SqliteConnection? reader = null;
        try
        {
            foreach (var expected in new[] { 0, 1, 2 })
            {
                // Each operation reads on the same pooled connection with the statement kept from the one before:
                // it must not keep the snapshot of the previous operation (a statement left unreset would).
                await using (SharedReadConnection.Begin(pool))
                {
                    await using var db = module.CreateContext();
                    Assert.Equal(expected, await db.Database.SqlQueryRaw<int>(Read).SingleAsync());
                    reader ??= (SqliteConnection)db.Database.GetDbConnection();
                    Assert.Same(reader, db.Database.GetDbConnection());
                    Assert.Single(Statements(reader, "FROM PreparedProbe"));
                }

                await Execute("INSERT INTO PreparedProbe DEFAULT VALUES");
                if (expected == 1)
                {
                    await Execute("ALTER TABLE PreparedProbe ADD COLUMN Note TEXT"); // SQLite prepares it again
                }
            }
        }
        finally
        {
            await Execute("DROP TABLE PreparedProbe");
        }

        async Task Execute(string sql)
        {
            await using var command = writer.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_kept_statement_interrupted_by_a_cancelled_read_runs_again_in_the_next_operation()
    {
        // Counting to two billion takes minutes: the cancellation always arrives while SQLite is stepping.
        const string Sql =
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {0}) "
            + "SELECT COUNT(*) AS Value FROM n";
        var module = Modules[0];
        await using var pool = new ReadConnectionPool(capacity: 1);
        SqliteConnection connection;
        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = module.CreateContext();
            Assert.Equal(10, await db.Database.SqlQueryRaw<int>(Sql, 10).SingleAsync());
            connection = (SqliteConnection)db.Database.GetDbConnection();
        }

        var statement = Assert.Single(Statements(connection, "WITH RECURSIVE"));
        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = module.CreateContext();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var interrupted = await Assert.ThrowsAsync<SqliteException>(
                () => db.Database.SqlQueryRaw<int>(Sql, 2_000_000_000).SingleAsync(cancel.Token)
            );
            Assert.Equal(9, interrupted.SqliteErrorCode); // SQLITE_INTERRUPT, from the cancellation interceptor
        }

        // Still kept, not finalized and prepared again (the same address alone could be a new statement's).
        Assert.Equal(statement, Assert.Single(Statements(connection, "WITH RECURSIVE")));

        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = module.CreateContext();
            Assert.Equal(5, await db.Database.SqlQueryRaw<int>(Sql, 5).SingleAsync());
            Assert.Same(connection, db.Database.GetDbConnection());
            Assert.Equal(statement, Assert.Single(Statements(connection, "WITH RECURSIVE")));
        }
    }

    [Fact]
    public async Task A_snapshot_scope_reads_one_state_of_the_database_and_a_plain_scope_sees_each_commit()
    {
        await using var probe = await Probe.CreateAsync(factory, Modules[0]);
        await using var pool = new ReadConnectionPool(capacity: 1);
        await using (SharedReadConnection.Begin(pool, snapshot: true))
        {
            Assert.Equal(0, await probe.CountAsync());
            await probe.InsertAsync();
            Assert.Equal(0, await probe.CountAsync()); // committed after the scope's first read: not seen
            await using var other = Modules[1].CreateContext(); // another module's context, the same snapshot
            Assert.Equal(0, await other.Database.SqlQueryRaw<int>(Probe.Read).SingleAsync());
        }

        var snapshotConnection = probe.LastConnection!;
        SqliteConnection connection;
        await using (SharedReadConnection.Begin(pool))
        {
            Assert.Equal(1, await probe.CountAsync());
            connection = probe.LastConnection!;
            Assert.Same(snapshotConnection, connection); // its snapshot ended, the connection went back to the pool
            Assert.Equal(1, raw.sqlite3_get_autocommit(connection.Handle)); // the snapshot was ended, not pooled open
            await probe.InsertAsync();
            Assert.Equal(2, await probe.CountAsync());
        }

        Assert.Equal(1, raw.sqlite3_get_autocommit(connection.Handle));
    }

    [Fact]
    public async Task A_snapshot_interrupted_by_a_cancelled_read_is_ended_and_the_next_operation_sees_new_commits()
    {
        const string Slow =
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000000) "
            + "SELECT COUNT(*) AS Value FROM n";
        await using var probe = await Probe.CreateAsync(factory, Modules[0]);
        await using var pool = new ReadConnectionPool(capacity: 1);
        await using (SharedReadConnection.Begin(pool, snapshot: true))
        {
            Assert.Equal(0, await probe.CountAsync());
            await using var db = Modules[0].CreateContext();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAsync<SqliteException>(
                () => db.Database.SqlQueryRaw<int>(Slow).SingleAsync(cancel.Token)
            );
        }

        await probe.InsertAsync();
        await using (SharedReadConnection.Begin(pool, snapshot: true))
        {
            Assert.Equal(1, await probe.CountAsync());
        }
    }

    [Fact]
    public async Task A_connection_given_back_inside_a_transaction_is_not_pooled()
    {
        await using var pool = new ReadConnectionPool(capacity: 1);
        SqliteConnection left;
        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = Modules[0].CreateContext();
            await db.Database.ExecuteSqlRawAsync("BEGIN");
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync());
            left = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal(0, raw.sqlite3_get_autocommit(left.Handle));
        }

        Assert.NotEqual(System.Data.ConnectionState.Open, left.State);
        await using (SharedReadConnection.Begin(pool))
        {
            await using var db = Modules[0].CreateContext();
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync());
            Assert.NotSame(left, db.Database.GetDbConnection());

            // Nor is its handle in Microsoft.Data.Sqlite's own pool, which would give it back still in its transaction.
            Assert.Equal(1, raw.sqlite3_get_autocommit(((SqliteConnection)db.Database.GetDbConnection()).Handle));
        }
    }

    [Fact]
    public async Task Outside_a_scope_no_statement_is_kept()
    {
        await using var db = Modules[0].CreateContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(7, await db.Database.SqlQueryRaw<int>("SELECT 7 AS Value").SingleAsync());
        Assert.Empty(Statements(connection, "SELECT 7"));
    }

    [Fact]
    public void A_connection_keeps_at_most_its_capacity_of_statements_the_least_recently_used_going_first()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var statements = new PreparedStatements(capacity: 3);
        foreach (var value in Enumerable.Range(1, 5))
        {
            var command = connection.CreateCommand();
            command.CommandText = $"SELECT {value}";
            Assert.Equal((long)value, command.ExecuteScalar());
            statements.Keep(command);
        }

        Assert.Equal(3, Statements(connection, "SELECT ").Count);
        Assert.Null(statements.Take("SELECT 2"));
        Assert.NotNull(statements.Take("SELECT 3"));
        Assert.NotNull(statements.Take("SELECT 4"));
        Assert.Null(statements.Take("SELECT 4"));
        Assert.Null(statements.Take("SELECT 1"));
    }

    /// <summary>
    /// The statements prepared on the connection whose SQL contains <paramref name="part"/>, listed by SQLite
    /// itself (SQLitePCL's own listing knows only the statements prepared after it was switched on).
    /// </summary>
    private static List<IntPtr> Statements(SqliteConnection connection, string part)
    {
        var found = new List<IntPtr>();
        var db = connection.Handle!.DangerousGetHandle();
        for (var stmt = NextStatement(db, IntPtr.Zero); stmt != IntPtr.Zero; stmt = NextStatement(db, stmt))
        {
            if (Marshal.PtrToStringUTF8(StatementSql(stmt))?.Contains(part, StringComparison.Ordinal) == true)
            {
                found.Add(stmt);
            }
        }

        return found;
    }

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_next_stmt")]
    private static extern IntPtr NextStatement(IntPtr db, IntPtr statement);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_sql")]
    private static extern IntPtr StatementSql(IntPtr statement);

    /// <summary>
    /// A table of its own in the host's database file, written through a connection of its own (a writer
    /// outside every scope) and read through the current scope; dropped at the end.
    /// </summary>
    private sealed class Probe : IAsyncDisposable
    {
        public const string Read = "SELECT COUNT(*) AS Value FROM SnapshotProbe";
        private readonly SqliteConnection _writer;
        private readonly IModuleDatabase _module;

        private Probe(SqliteConnection writer, IModuleDatabase module)
        {
            _writer = writer;
            _module = module;
        }

        public SqliteConnection? LastConnection { get; private set; }

        public static async Task<Probe> CreateAsync(InterAssociatifFactory factory, IModuleDatabase module)
        {
            var file = Path.Combine(factory.DataDirectory, "interassociatif.db");
            var writer = new SqliteConnection($"Data Source={file}");
            await writer.OpenAsync();
            var probe = new Probe(writer, module);
            await probe.ExecuteAsync("CREATE TABLE SnapshotProbe (Id INTEGER PRIMARY KEY)");
            return probe;
        }

        public Task InsertAsync() => ExecuteAsync("INSERT INTO SnapshotProbe DEFAULT VALUES");

        public async Task<int> CountAsync()
        {
            await using var db = _module.CreateContext();
            var count = await db.Database.SqlQueryRaw<int>(Read).SingleAsync();
            LastConnection = (SqliteConnection)db.Database.GetDbConnection();
            return count;
        }

        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync("DROP TABLE SnapshotProbe");
            await _writer.DisposeAsync();
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
