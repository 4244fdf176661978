using HealthChecks.Redis;

namespace InterAssociatif.Host.Instances;

/// <summary>
/// The <c>redis</c> check of <c>/health/ready</c>: Redis answers a ping (the library's check) and this
/// instance receives the others' events through it. Otherwise Degraded, never Unhealthy — the instance
/// keeps serving, reading other instances' events from the log and counting rate limits on its own.
/// </summary>
internal sealed class BackplaneHealthCheck(IConnectionMultiplexer redis, RedisEventBus bus) : IHealthCheck
{
    private readonly RedisHealthCheck _ping = new(redis);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ping = await _ping.CheckHealthAsync(context, cancellationToken);
        if (ping.Status == HealthStatus.Healthy && bus.Pushed)
        {
            return HealthCheckResult.Healthy("Events of other instances arrive through Redis; rate limits are shared.");
        }

        var why =
            ping.Status == HealthStatus.Healthy
                ? "Redis answers but this instance's subscription is not confirmed yet"
                : "Redis is unreachable";
        return HealthCheckResult.Degraded(
            $"{why}: events of other instances are read from the log every {bus.PollInterval?.TotalSeconds:0.###} s; "
                + "rate limits are counted by this instance alone.",
            ping.Exception
        );
    }
}
