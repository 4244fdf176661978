using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using InterAssociatif.Host.Ide;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>, as the graphql-over-http specification defines it:
/// POST with <c>application/json</c>; GET for queries only (405 for a mutation, nothing executed);
/// the response media type negotiated from <c>Accept</c> (406 when neither JSON type is acceptable);
/// 413 over the configured body size; a POST whose content type a browser may send cross-site
/// without a preflight is refused unless it carries <c>GraphQL-Require-Preflight</c>.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<InterAssociatifSchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> options,
    IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> jwt,
    IdePage ide,
    RequestLimitsOptions limits,
    Access.ApiKeyService keys,
    Kernel.Events.IEventBus bus,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public const string EventStream = "text/event-stream";

    public const string PreflightHeader = "GraphQL-Require-Preflight";

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await HandleCoreAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            var traceId = TraceId(http);
            logger.LogError(exception, "Unhandled error in the GraphQL endpoint (trace id {TraceId})", traceId);
            await WriteRequestErrorAsync(http, StatusCodes.Status500InternalServerError, MediaTypes.Json, new ServerFaultError(traceId));
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        var request = http.Request;
        if (http.WebSockets.IsWebSocketRequest)
        {
            await AcceptWebSocketAsync(http);
            return;
        }

        var accept = request.GetTypedHeaders().Accept;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json, Error("METHOD_NOT_ALLOWED", $"{request.Method} is not supported: use POST, or GET for queries."));
            return;
        }

        if (isGet && ide.Enabled && MediaTypes.PrefersHtml(accept))
        {
            await ide.WriteAsync(http);
            return;
        }

        var events = HttpMethods.IsPost(request.Method) && accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase));
        var mediaType = events ? MediaTypes.Json : MediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json, Error("NOT_ACCEPTABLE", $"The response can be {MediaTypes.GraphQLResponse} or {MediaTypes.Json}; the Accept header allows neither."));
            return;
        }

        // A caller who sent credentials that do not hold is told so, instead of being served as anonymous.
        if ((request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(Access.ApiKeyService.HeaderName)) && (await http.AuthenticateAsync()).Failure is { } authenticationFailure)
        {
            if (authenticationFailure is Access.ApiKeyRefusedException refusedKey)
            {
                http.Response.Headers.WWWAuthenticate = "ApiKey";
                await WriteRequestErrorAsync(http, StatusCodes.Status401Unauthorized, mediaType, Error(refusedKey.Code, refusedKey.Message));
                return;
            }

            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            var expired = authenticationFailure is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException
                || (authenticationFailure is AggregateException aggregate && aggregate.InnerExceptions.Any(e => e is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException));
            await WriteRequestErrorAsync(http, StatusCodes.Status401Unauthorized, mediaType, Error(expired ? "TOKEN_EXPIRED" : "INVALID_TOKEN", expired ? "The bearer token has expired." : "The bearer token is not valid (signature, issuer or audience)."));
            return;
        }

        var (graphQLRequest, failure) = isGet ? ReadQueryString(request) : await ReadBodyAsync(http);
        if (failure is not null)
        {
            await WriteRequestErrorAsync(http, failure.Value.Status, mediaType, Error(failure.Value.Code, failure.Value.Message));
            return;
        }

        if (string.IsNullOrWhiteSpace(graphQLRequest!.Query))
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, Error("QUERY_MISSING", "The request has no `query`: send a GraphQL document."));
            return;
        }

        GraphQLDocument? document = null;
        if (isGet)
        {
            document = TryParse(graphQLRequest.Query);
            if (document is not null && OperationType(document, graphQLRequest.OperationName) is { } type && type != GraphQLParser.AST.OperationType.Query)
            {
                http.Response.Headers.Allow = "POST";
                await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, Error("METHOD_NOT_ALLOWED", $"A {type.ToString().ToLowerInvariant()} cannot be sent with GET: use POST. Nothing was executed."));
                return;
            }
        }

        var traceId = TraceId(http);
        if (events)
        {
            await StreamEventsAsync(http, graphQLRequest, traceId);
            return;
        }

        // The execution timeout cancels resolvers and the SQL command under way; an open transaction is rolled back.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(limits.ExecutionTimeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(Options(http, graphQLRequest, traceId, deadline.Token, document));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            result = new ExecutionResult();
        }

        // Past the deadline, whatever the resolvers made of the cancellation (an interrupted SQL
        // command surfaces as a database error), the answer is the timeout.
        if (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("A GraphQL request was cancelled after {Timeout} (trace id {TraceId})", limits.ExecutionTimeout, traceId);
            await WriteRequestErrorAsync(http, StatusCodes.Status503ServiceUnavailable, mediaType, Error("TIMEOUT", $"The request ran longer than {limits.ExecutionTimeout.TotalSeconds:0.###} s and was cancelled; nothing it would have written was kept. Ask for less, or retry later."));
            return;
        }

        http.Response.StatusCode = StatusFor(result, mediaType);
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// GraphQL over SSE, distinct-connections mode: one POST per operation; each result is an
    /// <c>event: next</c>, the end an <c>event: complete</c>. A request that cannot execute gets its
    /// errors as JSON with 400.
    /// </summary>
    private async Task StreamEventsAsync(HttpContext http, GraphQLRequest request, string traceId)
    {
        var result = await executer.ExecuteAsync(Options(http, request, traceId, http.RequestAborted));
        if (!result.Executed)
        {
            http.Response.StatusCode = result.Errors?.All(e => e is AccessDeniedError) == true
                ? http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized
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
        async Task Write(string text)
        {
            await writer.WaitAsync(http.RequestAborted);
            try
            {
                await http.Response.WriteAsync(text, http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
            finally
            {
                writer.Release();
            }
        }

        if (result.Streams is not { Count: > 0 } streams)
        {
            await Write($"event: next\ndata: {serializer.Serialize(result)}\n\n");
            await Write("event: complete\ndata: \n\n");
            return;
        }

        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = streams.Values.First().Subscribe(new SseObserver(
            next => Write($"event: next\ndata: {serializer.Serialize(next)}\n\n").GetAwaiter().GetResult(),
            () => finished.TrySetResult()));
        using var aborted = http.RequestAborted.Register(() => finished.TrySetResult());
        await finished.Task;
        if (!http.RequestAborted.IsCancellationRequested)
        {
            await Write("event: complete\ndata: \n\n");
        }
    }

    private async Task AcceptWebSocketAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Subscriptions.WebSocketSession.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the {Subscriptions.WebSocketSession.Protocol} subprotocol.");
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(Subscriptions.WebSocketSession.Protocol);
        await new Subscriptions.WebSocketSession(socket, http, executer, serializer, jwt, options.Value.ConnectionInitTimeout, limits.MaxSubscriptionsPerConnection, limits.SendTimeout, keys, bus, logger).RunAsync();
    }

    /// <summary>The execution of one request: a document the parser refuses is the client's error; any other fault is masked and logged with the trace id.</summary>
    private ExecutionOptions Options(HttpContext http, GraphQLRequest request, string traceId, CancellationToken cancellationToken, GraphQLDocument? document = null) => new()
    {
        Query = request.Query,
        Document = document,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        User = http.User,
        RequestServices = http.RequestServices,
        CancellationToken = cancellationToken,
        UnhandledExceptionDelegate = context =>
        {
            // A document the parser refuses (e.g. nested beyond its depth limit) is the client's error, not a fault.
            if (context.OriginalException is GraphQLParser.Exceptions.GraphQLParserException refused)
            {
                // The parser's own message quotes the document: say where instead.
                context.Exception = new ExecutionError($"The document could not be parsed: {refused.Description} (line {refused.Location.Line}, column {refused.Location.Column}).")
                {
                    Code = refused is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException ? "MAX_DEPTH_EXCEEDED" : "SYNTAX_ERROR",
                };
                return Task.CompletedTask;
            }

            logger.LogError(context.OriginalException, "Unhandled error while executing a GraphQL request (trace id {TraceId})", traceId);
            context.Exception = new ServerFaultError(traceId);
            return Task.CompletedTask;
        },
    };

    private sealed class SseObserver(Action<ExecutionResult> next, Action done) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => next(value);

        public void OnError(Exception error) => done();

        public void OnCompleted() => done();
    }

    /// <summary>
    /// With <c>application/json</c>, every well-formed request gets 200. With
    /// <c>application/graphql-response+json</c>, a request error (nothing executed) gets 400 — or
    /// 401/403 when the only problem is authorization — and an executed request gets 200.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (mediaType == MediaTypes.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.Count > 0 && errors.All(e => e is AccessDeniedError))
        {
            return errors.OfType<AccessDeniedError>().Any(e => !e.Authenticated) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        }

        return StatusCodes.Status400BadRequest;
    }

    private (GraphQLRequest? Request, Failure? Failure) ReadQueryString(HttpRequest request)
    {
        var query = request.Query;
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"].ToString(),
                OperationName = NullIfEmpty(query["operationName"].ToString()),
                Variables = NullIfEmpty(query["variables"].ToString()) is { } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = NullIfEmpty(query["extensions"].ToString()) is { } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            }, null);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "`variables` and `extensions` must be JSON objects."));
        }
    }

    private async Task<(GraphQLRequest? Request, Failure? Failure)> ReadBodyAsync(HttpContext http)
    {
        var request = http.Request;
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"Send the request as {MediaTypes.Json}."));
        }

        var type = contentType.MediaType.Value?.ToLowerInvariant();
        var isSimple = type is "application/x-www-form-urlencoded" or "multipart/form-data" or "text/plain";
        if (isSimple && !request.Headers.ContainsKey(PreflightHeader))
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "PREFLIGHT_REQUIRED", $"A {type} request must carry the `{PreflightHeader}` header (protection against cross-site requests). Prefer {MediaTypes.Json}."));
        }

        if (type is "application/x-www-form-urlencoded" or "multipart/form-data")
        {
            var form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = (int)Math.Min(limit, int.MaxValue), MultipartBodyLengthLimit = limit }, http.RequestAborted);
            try
            {
                return (new GraphQLRequest
                {
                    Query = form["query"].ToString(),
                    OperationName = NullIfEmpty(form["operationName"].ToString()),
                    Variables = NullIfEmpty(form["variables"].ToString()) is { } variables ? serializer.Deserialize<Inputs>(variables) : null,
                }, null);
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
            {
                return (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "`variables` must be a JSON object."));
            }
        }

        if (type != MediaTypes.Json || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"Send the request as {MediaTypes.Json} (UTF-8)."));
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            body.Write(buffer, 0, read);
        }

        if (body.Length == 0)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body is empty: send {\"query\": \"…\"}."));
        }

        body.Position = 0;
        if (FirstToken(body) == '[')
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "BATCHING_NOT_SUPPORTED", "Batched requests (a JSON array) are not supported: send one operation per request."));
        }

        try
        {
            body.Position = 0;
            var parsed = await serializer.ReadAsync<GraphQLRequest>(body, http.RequestAborted);
            return parsed is null
                ? (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body must be a JSON object."))
                : (parsed, null);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body is not a valid GraphQL request: a JSON object with a string `query`, optional `operationName` (string) and `variables` (object)."));
        }
    }

    private static char? FirstToken(Stream body)
    {
        int b;
        while ((b = body.ReadByte()) >= 0)
        {
            if (!char.IsWhiteSpace((char)b))
            {
                return (char)b;
            }
        }

        return null;
    }

    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null; // the executer reports the syntax error with its location
        }
    }

    private static OperationType? OperationType(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == operationName);
        return operation?.Operation;
    }

    private async Task WriteRequestErrorAsync(HttpContext http, int status, string mediaType, ExecutionError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static ExecutionError Error(string code, string message) => new(message) { Code = code };

    private static Failure TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body exceeds the limit of {limit} bytes.");

    private static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    private readonly record struct Failure(int Status, string Code, string Message);
}
