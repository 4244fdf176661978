namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// GraphQL over SSE, distinct-connections mode: one POST per operation; each result is an
/// <c>event: next</c>, the end an <c>event: complete</c>. A request that cannot execute gets its
/// errors as JSON with 400 (401/403 when the only problem is authorization). A stream whose credential
/// stops holding (expiry, revocation on any instance) ends with an <c>event: next</c> carrying the
/// <c>FORBIDDEN</c> error, and no <c>complete</c>.
/// </summary>
internal sealed class ServerSentEventsResponder(
    GraphQLExecutor executor, IGraphQLTextSerializer serializer, Subscriptions.CredentialWatches watches)
{
    public const string EventStream = "text/event-stream";

    public async Task RespondAsync(HttpContext http, GraphQLRequest request, string traceId)
    {
        var result = (await executor.ExecuteAsync(
            request, http.User, http.RequestServices, traceId, timeLimited: false, http.RequestAborted)).Result;
        if (!result.Executed)
        {
            http.Response.StatusCode = result.Errors?.All(e => e is AccessDeniedError) == true
                ? http.User.Identity?.IsAuthenticated == true
                    ? StatusCodes.Status403Forbidden
                    : StatusCodes.Status401Unauthorized
                : StatusCodes.Status400BadRequest;
            http.Response.ContentType = $"{MediaTypes.Json}; charset=utf-8";
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return;
        }

        http.Response.ContentType = EventStream;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(http.RequestAborted);
        var writer = new SemaphoreSlim(1, 1);
        Task Write(string text) => WriteBytes(Encoding.UTF8.GetBytes(text));
        async Task WriteBytes(ReadOnlyMemory<byte> message)
        {
            await writer.WaitAsync(http.RequestAborted);
            try
            {
                await http.Response.Body.WriteAsync(message, http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
            finally
            {
                writer.Release();
            }
        }

        async Task Next(ExecutionResult next)
        {
            var json = await ResultJson.WriteAsync(serializer, next);
            await WriteBytes(ResultJson.Frame("event: next\ndata: "u8, json.Span, "\n\n"u8));
        }

        if (result.Streams is not { Count: > 0 } streams)
        {
            await Next(result);
            await Write("event: complete\ndata: \n\n");
            return;
        }

        Telemetry.Observability.SseStreams.Add(1);
        Telemetry.Observability.Subscriptions.Add(1);
        try
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = streams.Values.First().Subscribe(new SseObserver(
                next => Next(next).GetAwaiter().GetResult(),
                () => finished.TrySetResult()));
            using var aborted = http.RequestAborted.Register(() => finished.TrySetResult());
            var forbidden = false;
            using var watch = watches.Watch(http.User, async reason =>
            {
                forbidden = true;
                var error = new
                {
                    errors = new[] { new { message = reason, extensions = new { code = "FORBIDDEN" } } },
                };
                var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(error);
                await WriteBytes(ResultJson.Frame("event: next\ndata: "u8, json, "\n\n"u8));
                finished.TrySetResult();
            });
            await finished.Task;
            if (!http.RequestAborted.IsCancellationRequested && !forbidden)
            {
                await Write("event: complete\ndata: \n\n");
            }
        }
        finally
        {
            Telemetry.Observability.SseStreams.Add(-1);
            Telemetry.Observability.Subscriptions.Add(-1);
        }
    }

    private sealed class SseObserver(Action<ExecutionResult> next, Action done) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => next(value);

        public void OnError(Exception error) => done();

        public void OnCompleted() => done();
    }
}
