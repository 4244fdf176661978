namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// Keeps the SQLite statements of a pooled read connection prepared between operations. Microsoft.Data.Sqlite
/// prepares a command's SQL again for every new command object (and EF Core creates one per query), which
/// cost about a tenth of a page's CPU; a command kept with its SQL is only reset and bound again. Only the
/// connections of <see cref="ReadConnectionPool"/> keep statements (they stay open between operations and
/// run one command at a time); other commands are left as EF Core makes them.
/// </summary>
public sealed class PreparedStatementReuse : DbCommandInterceptor
{
    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result) =>
        result is SqliteCommand created && SharedReadConnection.StatementsOf(eventData.Connection) is { } statements
            ? new ReusedCommand(statements, created)
            : result;

    /// <summary>
    /// The command EF Core sees: it takes the kept command of its SQL when there is one, and keeps its own
    /// for the next time when it is disposed.
    /// </summary>
    private sealed class ReusedCommand(PreparedStatements statements, SqliteCommand created) : DbCommand
    {
        private SqliteCommand _inner = created;
        private DbDataReader? _reader;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string CommandText
        {
            get => _inner.CommandText;
            set
            {
                if (value is not null && value != _inner.CommandText && statements.Take(value) is { } kept)
                {
                    _inner.Dispose();
                    _inner = kept;
                    return;
                }

                _inner.CommandText = value;
            }
        }

        public override int CommandTimeout { get => _inner.CommandTimeout; set => _inner.CommandTimeout = value; }

        public override CommandType CommandType { get => _inner.CommandType; set => _inner.CommandType = value; }

        public override bool DesignTimeVisible
        {
            get => _inner.DesignTimeVisible;
            set => _inner.DesignTimeVisible = value;
        }

        public override UpdateRowSource UpdatedRowSource
        {
            get => _inner.UpdatedRowSource;
            set => _inner.UpdatedRowSource = value;
        }

        protected override DbConnection? DbConnection
        {
            get => _inner.Connection;
            set => _inner.Connection = (SqliteConnection?)value;
        }

        protected override DbParameterCollection DbParameterCollection => _inner.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => _inner.Transaction;
            set => _inner.Transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() => _inner.Cancel();

        public override int ExecuteNonQuery() => _inner.ExecuteNonQuery();

        public override object? ExecuteScalar() => _inner.ExecuteScalar();

        public override void Prepare() => _inner.Prepare();

        protected override DbParameter CreateDbParameter() => _inner.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            _reader = _inner.ExecuteReader(behavior);

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(
            CommandBehavior behavior,
            CancellationToken cancellationToken
        ) => _reader = await _inner.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _reader is { IsClosed: false })
            {
                // Its reader is still open (EF Core closes it first; an interrupted read may not): not kept.
                _inner.Dispose();
            }
            else if (disposing)
            {
                _inner.Parameters.Clear();
                _inner.Transaction = null;
                statements.Keep(_inner);
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// The prepared commands of one pooled read connection, by SQL text: at most <c>capacity</c> of them (the
/// one unused the longest is dropped first). Used by one operation at a time, guarded all the same.
/// </summary>
public sealed class PreparedStatements(int capacity = 64) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _bySql = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();
    private bool _disposed;

    /// <summary>The kept command of this SQL, now in use (null when none is kept).</summary>
    public SqliteCommand? Take(string sql)
    {
        lock (_gate)
        {
            if (!_bySql.Remove(sql, out var node))
            {
                return null;
            }

            _recent.Remove(node);
            return node.Value;
        }
    }

    /// <summary>Keeps a command that is done with, unless one is kept for its SQL already.</summary>
    public void Keep(SqliteCommand command)
    {
        SqliteCommand? dropped = command;
        lock (_gate)
        {
            if (!_disposed && command.CommandText.Length > 0 && !_bySql.ContainsKey(command.CommandText))
            {
                _bySql[command.CommandText] = _recent.AddFirst(command);
                dropped = null;
                if (_recent.Count > capacity)
                {
                    dropped = _recent.Last!.Value;
                    _recent.RemoveLast();
                    _bySql.Remove(dropped.CommandText);
                }
            }
        }

        dropped?.Dispose();
    }

    public void Dispose()
    {
        List<SqliteCommand> kept;
        lock (_gate)
        {
            _disposed = true;
            kept = [.. _recent];
            _recent.Clear();
            _bySql.Clear();
        }

        foreach (var command in kept)
        {
            command.Dispose();
        }
    }
}
