namespace InterAssociatif.Host.Instances;

/// <summary>
/// One partition's limiter when instances share Redis: the window counted in Redis while it answers,
/// this instance's own window while it does not (each instance then allows the whole budget; the
/// Redis health check says Degraded meanwhile).
/// </summary>
internal sealed class SharedRateLimiter(IConnectionMultiplexer redis, RateLimiter shared, RateLimiter local)
    : RateLimiter
{
    public override TimeSpan? IdleDuration =>
        shared.IdleDuration is { } s && local.IdleDuration is { } l ? (s < l ? s : l) : null;

    public override RateLimiterStatistics? GetStatistics() =>
        redis.IsConnected ? shared.GetStatistics() : local.GetStatistics();

    // The Redis limiter cannot answer without a round trip: refusing here makes the middleware ask
    // again, asynchronously.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        redis.IsConnected ? NotYet.Instance : local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(
        int permitCount, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                return await shared.AcquireAsync(permitCount, cancellationToken);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // Redis went away between the check and the call: count here.
            }
        }

        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }
    }

    private sealed class NotYet : RateLimitLease
    {
        public static readonly NotYet Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
