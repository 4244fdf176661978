namespace InterAssociatif.Host.Retention;

/// <summary>
/// Prunes every log the modules and the host keep for a while only (<see cref="IRetainedLog"/>): a minute after the
/// start, then every six hours, each log's records older than its window (<c>Retention:{Name}Days</c>, 0 keeps
/// them), a thousand at a time with a pause between. Every instance prunes: a delete of what another already
/// deleted deletes nothing.
/// </summary>
internal sealed class RetentionService : BackgroundService
{
    public const int Batch = 1000;

    /// <summary>A century: a longer window is a mistake (and past the calendar's start from today).</summary>
    public const int MaxDays = 36_500;
    private static readonly TimeSpan FirstPass = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private static readonly Counter<long> Pruned = new Meter("InterAssociatif.Retention").CreateCounter<long>(
        "interassociatif.retention.pruned", "{record}", "Records deleted from the logs kept for a while only, by log.");

    private readonly IReadOnlyList<(IRetainedLog Log, TimeSpan? Window)> _logs;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;

    public RetentionService(
        IEnumerable<IRetainedLog> logs,
        IConfiguration configuration,
        TimeProvider time,
        ILogger<RetentionService> logger)
    {
        _logs = logs.Select(log => (log, Window(log, configuration))).ToList();
        (_time, _logger) = (time, logger);
    }

    /// <summary>The window a log's records are kept for; null when they are kept for good.</summary>
    public static TimeSpan? Window(IRetainedLog log, IConfiguration configuration)
    {
        var key = $"Retention:{log.Name}Days";
        var days = configuration[key] switch
        {
            null or "" => (int)log.DefaultWindow.TotalDays,
            var text when int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= MaxDays => n,
            var text => throw new InvalidOperationException(
                $"{key}: '{text}' is not a number of days from 0 to {MaxDays} (0 keeps the records for good)."),
        };
        return days == 0 ? null : TimeSpan.FromDays(days);
    }

    /// <summary>Deletes every log's records older than its window at <paramref name="now"/>; how many, by log.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> PruneAsync(
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (log, window) in _logs)
        {
            if (window is not { } kept)
            {
                continue;
            }

            var before = now - kept;
            var total = 0;
            int deleted;
            while (true)
            {
                deleted = await log.PruneAsync(before, Batch, cancellationToken);
                total += deleted;
                if (deleted < Batch)
                {
                    break;
                }

                // A pause between two full batches lets the writers waiting for SQLite's one write lock in: the first
                // pass after a long time without one (an upgrade, a year of entries) must not starve the mutations.
                await Task.Delay(Pause, _time, cancellationToken);
            }

            counts[log.Name] = total;
            if (total > 0)
            {
                Pruned.Add(total, new KeyValuePair<string, object?>("log", log.Name));
                _logger.LogInformation(
                    "Retention: deleted {Count} records of {Log} written before {Before:O}.", total, log.Name, before);
            }
        }

        return counts;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its commands are the host's own, not a request's (SQL-count tests measure requests while it may run).
        SqlCommandCounter.CountAsBackground();
        try
        {
            await Task.Delay(FirstPass, _time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PruneAsync(_time.GetUtcNow(), stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogWarning(exception, "Retention: pruning failed; it is tried again at the next pass.");
                }

                await Task.Delay(Interval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
