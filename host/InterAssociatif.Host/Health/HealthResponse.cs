namespace InterAssociatif.Host.Health;

/// <summary>
/// The body of <c>/health/*</c>: the overall status as plain text (what probes read), or, for a client
/// that accepts JSON, the status with each check's status and description — which check is degraded and why.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        if (
            !http
                .Request.GetTypedHeaders()
                .Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        )
        {
            http.Response.ContentType = "text/plain";
            return http.Response.WriteAsync(report.Status.ToString());
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.Message,
                }
            ),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
