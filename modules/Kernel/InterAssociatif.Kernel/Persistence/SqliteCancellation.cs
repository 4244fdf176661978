namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// Makes a cancelled request stop its SQLite command. Microsoft.Data.Sqlite runs commands
/// synchronously and only looks at the token before starting, so a long statement would run to its
/// end; here the token interrupts the connection (<c>sqlite3_interrupt</c>) while the command runs.
/// </summary>
public sealed class SqliteCancellation : DbCommandInterceptor
{
    // Every watched command is released when it ends (executed, failed, cancelled, its reader closed):
    // a plain dictionary, not a ConditionalWeakTable, whose finalizable containers cost a finalizer
    // thread at a few hundred pages a second.
    private readonly ConcurrentDictionary<DbCommand, Interruption> _watches = new(ReferenceEqualityComparer.Instance);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        object? result,
        CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(
        DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(
        DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    // A reader keeps stepping through rows after it is returned: it is watched until it is closed.
    public override ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(
        DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    private void Watch(DbCommand command, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || command.Connection is not SqliteConnection connection)
        {
            return;
        }

        var watch = new Interruption();
        _watches[command] = watch;
        watch.Registration = cancellationToken.Register(() => _ = watch.InterruptUntilDoneAsync(connection));
    }

    private void Release(DbCommand command)
    {
        if (_watches.TryRemove(command, out var watch))
        {
            watch.Finish();
        }
    }

    /// <summary>
    /// <c>sqlite3_interrupt</c> only stops statements already running: cancelled just before the
    /// statement starts, one call would be lost. So it is repeated until the command is over.
    /// </summary>
    private sealed class Interruption
    {
        private readonly Lock _gate = new();
        private bool _done;

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>The command is over: no interrupt may reach the connection's next command.</summary>
        public void Finish()
        {
            lock (_gate)
            {
                _done = true;
            }

            Registration.Dispose();
        }

        public async Task InterruptUntilDoneAsync(SqliteConnection connection)
        {
            while (true)
            {
                lock (_gate)
                {
                    if (_done || connection.Handle is not { } handle)
                    {
                        return;
                    }

                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
            }
        }
    }
}
