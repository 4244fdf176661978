using Microsoft.AspNetCore.Connections;

namespace InterAssociatif.Host.Composition;

/// <summary>
/// Requests the client broke, on every endpoint: a body shorter than its <c>Content-Length</c>, one arriving more
/// slowly than Kestrel's <c>MinRequestBodyDataRate</c>, one over a size limit, a connection reset or closed
/// mid-request. Kestrel reports them as exceptions from the body's reads; they are the client's doing, not the
/// server's, so they are logged at Information (never as an unhandled error) and, while the connection can still
/// carry an answer, answered with Kestrel's status (400 <c>INVALID_REQUEST</c>, 408 <c>REQUEST_TIMEOUT</c>, 413
/// <c>REQUEST_TOO_LARGE</c>) in the shape of every other refusal.
/// </summary>
internal static partial class ClientFaults
{
    public static bool Is(Exception exception, HttpContext http) =>
        exception is BadHttpRequestException or ConnectionResetException
        || (exception is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested);

    public static void UseClientFaults(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientFaults).FullName!);
        app.Use((http, next) => InvokeAsync(http, next, logger));
    }

    /// <summary>Runs the rest of the pipeline, answering (or only logging) what the client broke.</summary>
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(http);
        }
        catch (Exception exception) when (Is(exception, http))
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            Broken(logger, http.Request.Method, http.Request.Path, exception.Message);
            if (http.Response.HasStarted || http.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            var code = status switch
            {
                StatusCodes.Status408RequestTimeout => "REQUEST_TIMEOUT",
                StatusCodes.Status413PayloadTooLarge => "REQUEST_TOO_LARGE",
                _ => "INVALID_REQUEST",
            };
            Telemetry.Observability.Refused.Add(1, new KeyValuePair<string, object?>("code", code));
            http.Response.Clear();
            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(
                new { errors = new[] { new { message = exception.Message, extensions = new { code } } } },
                CancellationToken.None);
        }
    }

    [LoggerMessage(LogLevel.Information, "The client broke off {Method} {Path}: {Reason}")]
    private static partial void Broken(ILogger logger, string method, PathString path, string reason);
}
