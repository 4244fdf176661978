namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>, as the graphql-over-http specification defines it:
/// POST with <c>application/json</c>; GET for queries only (405 for a mutation, nothing executed);
/// the response media type negotiated from <c>Accept</c> (406 when neither JSON type is acceptable);
/// 413 over the configured body size; a POST whose content type a browser may send cross-site
/// without a preflight is refused unless it carries <c>GraphQL-Require-Preflight</c>.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    GraphQLRequestReader reader,
    GraphQLExecutor executor,
    ServerSentEventsResponder events,
    WebSocketTransport webSockets,
    IGraphQLTextSerializer serializer,
    IdePage ide,
    TrustedDocuments trusted,
    CredentialRefusals credentials,
    ILogger<GraphQLHttpEndpoint> logger)
{

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            // What this request's writes set off waits for its response (a WebSocket lives too long for that).
            var pending = Kernel.Events.AfterResponse.Begin();
            http.Response.OnCompleted(() =>
            {
                pending.RunAll();
                return Task.CompletedTask;
            });
        }

        try
        {
            await HandleCoreAsync(http);
        }
        catch (Exception exception) when (!http.Response.HasStarted && !ClientFaults.Is(exception, http))
        {
            var traceId = GraphQLExecutor.TraceId(http);
            logger.LogError(exception, "Unhandled error in the GraphQL endpoint (trace id {TraceId})", traceId);
            await WriteRequestErrorAsync(
                http, StatusCodes.Status500InternalServerError, MediaTypes.Json, new ServerFaultError(traceId));
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        var request = http.Request;
        if (http.WebSockets.IsWebSocketRequest)
        {
            await webSockets.AcceptAsync(http);
            return;
        }

        var accept = request.GetTypedHeaders().Accept;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(
                http,
                StatusCodes.Status405MethodNotAllowed,
                MediaTypes.Json,
                Error("METHOD_NOT_ALLOWED", $"{request.Method} is not supported: use POST, or GET for queries."));
            return;
        }

        if (isGet && ide.Enabled && MediaTypes.PrefersHtml(accept))
        {
            await ide.WriteAsync(http);
            return;
        }

        var streamed = HttpMethods.IsPost(request.Method)
            && accept.Any(a =>
                a.MediaType.Equals(ServerSentEventsResponder.EventStream, StringComparison.OrdinalIgnoreCase));
        var mediaType = streamed ? MediaTypes.Json : MediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(
                http,
                StatusCodes.Status406NotAcceptable,
                MediaTypes.Json,
                Error(
                    "NOT_ACCEPTABLE",
                    $"The response can be {MediaTypes.GraphQLResponse} or {MediaTypes.Json}; the Accept header allows "
                    + $"neither."));
            return;
        }

        // A caller who sent credentials that do not hold is told so, instead of being served as anonymous.
        if (await credentials.RefusalAsync(http) is { } refused)
        {
            http.Response.Headers.WWWAuthenticate = refused.Challenge;
            await WriteRequestErrorAsync(
                http, StatusCodes.Status401Unauthorized, mediaType, Error(refused.Code, refused.Message));
            return;
        }

        var (graphQLRequest, failure) = await reader.ReadAsync(http, isGet);
        if (failure is not null)
        {
            await WriteRequestErrorAsync(
                http, failure.Value.Status, mediaType, Error(failure.Value.Code, failure.Value.Message));
            return;
        }

        if (trusted.Resolve(graphQLRequest!, http.User) is { } untrusted)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, untrusted);
            return;
        }

        if (string.IsNullOrWhiteSpace(graphQLRequest!.Query))
        {
            await WriteRequestErrorAsync(
                http,
                StatusCodes.Status400BadRequest,
                mediaType,
                Error("QUERY_MISSING", "The request has no `query`: send a GraphQL document."));
            return;
        }

        GraphQLDocument? document = null;
        if (isGet)
        {
            document = TryParse(graphQLRequest.Query);
            if (document is not null
                && OperationType(document, graphQLRequest.OperationName) is { } type
                && type != GraphQLParser.AST.OperationType.Query)
            {
                http.Response.Headers.Allow = "POST";
                await WriteRequestErrorAsync(
                    http,
                    StatusCodes.Status405MethodNotAllowed,
                    mediaType,
                    Error(
                        "METHOD_NOT_ALLOWED",
                        $"A {type.ToString().ToLowerInvariant()} cannot be sent with GET: use POST. Nothing was "
                        + $"executed."));
                return;
            }
        }

        var traceId = GraphQLExecutor.TraceId(http);
        if (streamed)
        {
            await events.RespondAsync(http, graphQLRequest, traceId);
            return;
        }

        var (cost, costError) = OperationCost.Read(request);
        if (costError is not null)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, costError);
            return;
        }

        var (result, timedOut) = await executor.ExecuteAsync(
            graphQLRequest,
            http.User,
            http.RequestServices,
            traceId,
            timeLimited: true,
            http.RequestAborted,
            document,
            cost);
        if (timedOut)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status503ServiceUnavailable, mediaType, result.Errors![0]);
            return;
        }

        http.Response.StatusCode = StatusFor(result, mediaType);
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// With <c>application/json</c>, every well-formed request gets 200. With
    /// <c>application/graphql-response+json</c>, a request error (nothing executed) gets 400 — or
    /// 401/403 when the only problem is authorization — and an executed request gets 200, as does an
    /// operation that was only to be validated (<c>GraphQL-Cost: validate</c>) and passed.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (mediaType == MediaTypes.Json || result.Executed || result.Errors is not { Count: > 0 })
        {
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.Count > 0 && errors.All(e => e is AccessDeniedError))
        {
            return errors.OfType<AccessDeniedError>().Any(e => !e.Authenticated)
                ? StatusCodes.Status401Unauthorized
                : StatusCodes.Status403Forbidden;
        }

        return StatusCodes.Status400BadRequest;
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
        Telemetry.Observability.Refused.Add(1, new KeyValuePair<string, object?>("code", error.Code));
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
