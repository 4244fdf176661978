namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// Counts the SQL commands every module sends, and the connections EF Core opens for them. Tests use
/// it to prove that the number of commands for a request depends on its depth, not on its page sizes
/// (no N+1), that rejected requests cost no command at all, and that a request's reads share one connection.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private const int Remembered = 200;
    private static readonly AsyncLocal<System.Runtime.CompilerServices.StrongBox<long>?> Operation = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recent = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recentBackground = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DbConnection, bool> _used =
        new(ReferenceEqualityComparer.Instance);
    private static readonly AsyncLocal<bool> Background = new();
    private long _count;
    private long _background;
    private long _connections;
    private volatile bool _remembering;

    /// <summary>Commands sent on behalf of callers (requests, operations), since <see cref="Reset"/>.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Commands of background work (<see cref="CountAsBackground"/>): deliveries, not requests.</summary>
    public long BackgroundCount => Interlocked.Read(ref _background);

    /// <summary>
    /// Marks the current asynchronous flow, and what it starts, as background work (a delivery worker, a feed's
    /// reader): its commands are counted in <see cref="BackgroundCount"/> and not in the operation that started it
    /// (<see cref="CountOperation"/>), so that a request's count stays its own.
    /// </summary>
    public static void CountAsBackground()
    {
        Background.Value = true;
        Operation.Value = null;
    }

    /// <summary>Connections opened (a pooled one counts each time it is taken from the pool).</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connections);

    /// <summary>
    /// The text of the last commands since <see cref="Reset"/> (at most 200), to tell which tables
    /// they touched. Kept only once someone has called <see cref="Reset"/> (a test): a production
    /// host, which never does, pays nothing for it.
    /// </summary>
    public IReadOnlyList<string> Recent => [.. _recent];

    /// <summary>The same for background work's commands (<see cref="CountAsBackground"/>).</summary>
    public IReadOnlyList<string> RecentBackground => [.. _recentBackground];

    /// <summary>
    /// The distinct connections the commands since <see cref="Reset"/> ran on (kept, like <see cref="Recent"/>,
    /// for tests only).
    /// </summary>
    public int ConnectionsUsed => _used.Count;

    /// <summary>
    /// Counts, from now on, the commands of the current asynchronous flow (one GraphQL operation and the
    /// loaders it starts); the box holds their number.
    /// </summary>
    public static System.Runtime.CompilerServices.StrongBox<long> CountOperation() =>
        Operation.Value = new System.Runtime.CompilerServices.StrongBox<long>();

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _background, 0);
        Interlocked.Exchange(ref _connections, 0);
        _recent.Clear();
        _recentBackground.Clear();
        _used.Clear();
        _remembering = true;
    }

    private void Counted(DbCommand command)
    {
        Interlocked.Increment(ref Background.Value ? ref _background : ref _count);
        if (Operation.Value is { } operation)
        {
            Interlocked.Increment(ref operation.Value);
        }

        if (!_remembering)
        {
            return;
        }

        var recent = Background.Value ? _recentBackground : _recent;
        recent.Enqueue(command.CommandText);
        if (!Background.Value && command.Connection is { } connection)
        {
            _used.TryAdd(connection, true);
        }

        while (recent.Count > Remembered && recent.TryDequeue(out _))
        {
        }
    }

    /// <summary>Every command, whatever it executes (reader, non-query, scalar), once it has its SQL.</summary>
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Counted(result);
        return result;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened();

    public Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Opened();
        return Task.CompletedTask;
    }

    private void Opened()
    {
        if (!Background.Value)
        {
            Interlocked.Increment(ref _connections);
        }
    }
}
