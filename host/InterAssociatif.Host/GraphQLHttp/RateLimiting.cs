using RedisRateLimiting;

namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// A fixed-window rate limit on every endpoint but the health probes, for each credential (its
/// subject) or, for anonymous callers, each address. A refused request gets 429, <c>Retry-After</c> and the code
/// <c>RATE_LIMITED</c>,
/// before anything is parsed or executed. With Redis (several instances), the window is counted once in
/// Redis for all of them; while Redis is unreachable, each instance counts on its own.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddInterAssociatifRateLimiting(
        this IServiceCollection services, RequestLimitsOptions limits, IConnectionMultiplexer? redis) =>
        services.AddRateLimiter(options =>
        {
            FixedWindowRateLimiterOptions Local() => new()
            {
                PermitLimit = limits.RateLimitPermits,
                Window = limits.RateLimitWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            };

            // Every endpoint (GraphQL, calendars, CSV exports, attachments, the IDE) except the health probes.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("health")
                : redis is null
                    ? RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => Local())
                    : RateLimitPartition.Get(PartitionKey(http), key => new SharedRateLimiter(
                        redis,
                        new RedisFixedWindowRateLimiter<string>(
                            $"interassociatif:{key}",
                            new RedisFixedWindowRateLimiterOptions
                            {
                                PermitLimit = limits.RateLimitPermits,
                                Window = limits.RateLimitWindow,
                                ConnectionMultiplexerFactory = () => redis,
                            }),
                        new FixedWindowRateLimiter(Local()))));
            options.OnRejected = async (context, cancellationToken) =>
            {
                Telemetry.Observability.Refused.Add(1, new KeyValuePair<string, object?>("code", "RATE_LIMITED"));
                var retryAfter = RetryAfter(context.Lease) ?? limits.RateLimitWindow;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = $"{MediaTypes.Json}; charset=utf-8";
                var message = $"Too many requests: at most {limits.RateLimitPermits} per "
                    + $"{limits.RateLimitWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s for one "
                    + $"credential or address. Retry after {seconds} s. Nothing was executed.";
                await response.WriteAsync(
                    JsonSerializer.Serialize(
                        new
                        {
                            errors = new[]
                            {
                                new { message, extensions = new { code = "RATE_LIMITED", retryAfterSeconds = seconds } }
                            }
                        }),
                    cancellationToken);
            };
        });

    /// <summary>
    /// When to try again, as the lease says (a <see cref="TimeSpan"/> from the local limiter, whole
    /// seconds from the Redis one, under the same metadata name).
    /// </summary>
    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var after)
            ? after switch
            {
                TimeSpan span => span,
                int seconds => TimeSpan.FromSeconds(seconds),
                _ => null,
            }
            : null;

    /// <summary>The credential's subject when the caller is authenticated, else its address.</summary>
    public static string PartitionKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
        && (http.User.FindFirst("sub") ?? http.User.FindFirst(ClaimTypes.NameIdentifier)) is { } subject
            ? $"credential:{subject.Value}"
            : $"address:{http.Connection.RemoteIpAddress}";
}
