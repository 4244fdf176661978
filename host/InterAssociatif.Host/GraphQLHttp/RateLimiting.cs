using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;

namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// A fixed-window rate limit on every endpoint but the health probes, for each credential (its
/// subject) or, for anonymous callers, each address. A refused request gets 429, <c>Retry-After</c> and the code <c>RATE_LIMITED</c>,
/// before anything is parsed or executed.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddInterAssociatifRateLimiting(this IServiceCollection services, RequestLimitsOptions limits) =>
        services.AddRateLimiter(options =>
        {
            // Every endpoint (GraphQL, calendars, CSV exports, attachments, the IDE) except the health probes.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RateLimitPermits,
                    Window = limits.RateLimitWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.RateLimitWindow;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = $"{MediaTypes.Json}; charset=utf-8";
                var message = $"Too many requests: at most {limits.RateLimitPermits} per {limits.RateLimitWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s for one credential or address. Retry after {seconds} s. Nothing was executed.";
                await response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code = "RATE_LIMITED", retryAfterSeconds = seconds } } } }), cancellationToken);
            };
        });

    /// <summary>The credential's subject when the caller is authenticated, else its address.</summary>
    public static string PartitionKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && (http.User.FindFirst("sub") ?? http.User.FindFirst(ClaimTypes.NameIdentifier)) is { } subject
            ? $"credential:{subject.Value}"
            : $"address:{http.Connection.RemoteIpAddress}";
}
