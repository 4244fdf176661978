using SQLitePCL;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// One database connection for all the reads of one operation, whatever module they belong to: each
/// module keeps its own DbContext type, and the contexts created while the scope is current are bound
/// to the scope's connection instead of opening one each. The connection is taken from
/// <see cref="ReadConnectionPool"/> by the first read and given back when the scope ends; a context
/// created after the end opens its own as before.
/// The reads of a scope must not run concurrently (a connection serves one command at a time): the
/// execution strategy that begins the scope runs its resolvers one after another, and
/// <see cref="SharedReadConnectionGuard"/> refuses a command that would overlap another on the same connection.
/// Writes never use it (<see cref="Changes.BeginChangeAsync{TDb}"/> opens their own connection and transaction).
/// A scope begun with <c>snapshot</c> (a query; not a mutation, whose reads must see its own writes) reads
/// one state of a SQLite database: its reads run in one read transaction, so a write committed meanwhile
/// is seen by none of them (a page's <c>totalCount</c>, its records and what its loaders read agree), and
/// SQLite takes its WAL read lock once per operation instead of once per command.
/// </summary>
public sealed class SharedReadConnection : IAsyncDisposable
{
    private static readonly AsyncLocal<SharedReadConnection?> Ambient = new();
    private readonly ReadConnectionPool _pool;
    private readonly bool _snapshot;
    private ReadConnectionPool.Lease? _lease;
    private bool _ended;
    private int _commandsRunning;

    private SharedReadConnection(ReadConnectionPool pool, bool snapshot)
    {
        _pool = pool;
        _snapshot = snapshot;
    }

    /// <summary>
    /// Makes a new scope current for the calling flow and what it awaits; call it at the start of an
    /// async method so that the scope stops being current when that method returns. With
    /// <paramref name="snapshot"/>, every read of the scope sees the database as it was at the first.
    /// </summary>
    public static SharedReadConnection Begin(ReadConnectionPool pool, bool snapshot = false) =>
        Ambient.Value = new SharedReadConnection(pool, snapshot);

    internal static SharedReadConnection? Current => Ambient.Value is { _ended: false } scope ? scope : null;

    /// <summary>
    /// The prepared statements kept with <paramref name="connection"/> when it is the current scope's.
    /// </summary>
    internal static PreparedStatements? StatementsOf(DbConnection? connection) =>
        Current is { _lease: { } lease } && ReferenceEquals(lease.Connection, connection) ? lease.Statements : null;


    /// <summary>
    /// Binds <paramref name="db"/> to the scope's connection, taking one from the pool the first time
    /// (<paramref name="createOwner"/> makes a context to open a new one when the pool has none idle).
    /// </summary>
    internal async ValueTask BindAsync(DbContext db, Func<DbContext> createOwner, CancellationToken cancellationToken)
    {
        if (_lease is null)
        {
            _lease = await _pool.RentAsync(createOwner, cancellationToken);
            if (_snapshot)
            {
                await _lease.BeginSnapshotAsync(cancellationToken);
            }
        }

        db.Database.SetDbConnection(_lease.Connection, contextOwnsConnection: false);
    }

    /// <summary>Before each command: refuses one that would overlap another on this scope's connection.</summary>
    internal static void CommandStarting(DbConnection? connection)
    {
        if (Current is { _lease: { } lease } scope && ReferenceEquals(lease.Connection, connection)
            && Interlocked.Increment(ref scope._commandsRunning) > 1)
        {
            Interlocked.Decrement(ref scope._commandsRunning);
            throw new InvalidOperationException(
                "Two reads of one operation ran at the same time on its shared connection; "
                + "the operation's resolvers must run one after another.");
        }
    }

    /// <summary>Called when a command's results are done with.</summary>
    internal static void CommandEnded(DbConnection? connection)
    {
        if (Current is { _lease: { } lease } scope && ReferenceEquals(lease.Connection, connection))
        {
            Interlocked.Decrement(ref scope._commandsRunning);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _ended = true;
        if (_lease is null)
        {
            return;
        }

        if (_snapshot)
        {
            await _lease.EndTransactionAsync();
        }

        await _pool.ReturnAsync(_lease); // pooled again only if the transaction did end
    }
}

/// <summary>
/// Open read connections kept between operations, so that an operation's reads cost no connection
/// opening: EF Core prepares every connection it opens (on SQLite it registers its functions, and the
/// host's interceptor sets the pragmas), and doing that per operation cost more CPU than the queries
/// of a page. A connection found closed or broken is not reused; at most <c>capacity</c> (16 by default) idle
/// ones are kept, the rest are closed. Disposed with the host.
/// </summary>
public sealed class ReadConnectionPool(int capacity = 16) : IAsyncDisposable
{
    private readonly ConcurrentBag<Lease> _idle = [];
    private int _idleCount;
    private bool _disposed;


    /// <summary>A pooled connection, the context that opened it (and owns it), and its prepared statements.</summary>
    public sealed class Lease(DbContext owner) : IAsyncDisposable
    {
        public DbConnection Connection { get; } = owner.Database.GetDbConnection();

        internal PreparedStatements Statements { get; } = new();

        /// <summary>Whether the connection is outside any transaction (always on SQL Server: none is left).</summary>
        internal bool InAutocommit =>
            Connection is not SqliteConnection sqlite || sqlite.Handle is not { } handle
            || raw.sqlite3_get_autocommit(handle) != 0;

        /// <summary>
        /// Opens a deferred read transaction on a SQLite connection: SQLite takes its snapshot at the first read
        /// and keeps it until <see cref="EndTransactionAsync"/>. Nothing on SQL Server.
        /// </summary>
        internal Task BeginSnapshotAsync(CancellationToken cancellationToken) =>
            Connection is SqliteConnection ? RunAsync("BEGIN", cancellationToken) : Task.CompletedTask;

        /// <summary>
        /// Ends the connection's transaction if it has one (rolled back when it cannot be committed, e.g. a read
        /// still pending); false when the connection is still in a transaction (it is then not reused).
        /// </summary>
        internal async Task<bool> EndTransactionAsync()
        {
            foreach (var end in (string[])["COMMIT", "ROLLBACK"])
            {
                if (InAutocommit)
                {
                    return true;
                }

                try
                {
                    await RunAsync(end, CancellationToken.None);
                }
                catch (SqliteException)
                {
                }
            }

            return InAutocommit;
        }

        private async Task RunAsync(string sql, CancellationToken cancellationToken)
        {
            var command = Statements.Take(sql) ?? CreateCommand(sql);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch
            {
                command.Dispose();
                throw;
            }

            Statements.Keep(command);
        }

        private SqliteCommand CreateCommand(string sql)
        {
            var command = ((SqliteConnection)Connection).CreateCommand();
            command.CommandText = sql;
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            Statements.Dispose();
            if (!await EndTransactionAsync() && Connection is SqliteConnection stuck)
            {
                // Microsoft.Data.Sqlite would pool the handle still in its transaction: drop its pool instead.
                SqliteConnection.ClearPool(stuck);
            }

            await owner.DisposeAsync();
        }
    }

    internal async ValueTask<Lease> RentAsync(Func<DbContext> createOwner, CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            if (idle.Connection.State == ConnectionState.Open)
            {
                return idle;
            }

            await idle.DisposeAsync();
        }

        var owner = createOwner();
        try
        {
            await owner.Database.OpenConnectionAsync(cancellationToken);
            return new Lease(owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }

    internal async ValueTask ReturnAsync(Lease lease)
    {
        // A connection left in a transaction (it would hold a snapshot and block checkpoints) is not kept.
        if (!_disposed && lease.Connection.State == ConnectionState.Open && lease.InAutocommit)
        {
            if (Interlocked.Increment(ref _idleCount) <= capacity)
            {
                _idle.Add(lease);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        await lease.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var idle))
        {
            await idle.DisposeAsync();
        }
    }
}

/// <summary>
/// Refuses a read that would start while another runs on the same <see cref="SharedReadConnection"/>
/// (a resolver awaiting two queries at once): on a shared connection that would interleave two commands.
/// </summary>
public sealed class SharedReadConnectionGuard : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        SharedReadConnection.CommandStarting(command.Connection);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        SharedReadConnection.CommandStarting(command.Connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(
        DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        SharedReadConnection.CommandEnded(command.Connection);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Ended(command);

    public override Task CommandFailedAsync(
        DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Ended(command);

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Ended(command);

    public override Task CommandCanceledAsync(
        DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Ended(command);

    private static Task Ended(DbCommand command)
    {
        SharedReadConnection.CommandEnded(command.Connection);
        return Task.CompletedTask;
    }
}
