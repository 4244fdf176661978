using GraphQLParser.Exceptions;

namespace InterAssociatif.Host.Execution;

/// <summary>
/// Runs one GraphQL operation for every transport (HTTP, SSE, WebSocket) the same way: the schema's
/// executer with its limits and audit, the caller's identity, the execution timeout when asked, and
/// faults masked as <c>INTERNAL_SERVER_ERROR</c> with a trace id that is also in the log.
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<InterAssociatifSchema> executer,
    RequestLimitsOptions limits,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<GraphQLExecutor> logger)
{
    /// <summary>Operations that take longer are logged (<c>Telemetry:SlowOperationThreshold</c>, 500 ms).</summary>
    private readonly TimeSpan _slow =
        configuration.GetValue("Telemetry:SlowOperationThreshold", TimeSpan.FromMilliseconds(500));

    /// <summary>The outcome of one operation; <see cref="TimedOut"/> when it ran past the execution timeout.</summary>
    public readonly record struct Outcome(ExecutionResult Result, bool TimedOut);

    public static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

    /// <summary>
    /// Executes <paramref name="request"/>. With <paramref name="timeLimited"/>, the execution timeout
    /// cancels resolvers and the SQL command under way (an open transaction is rolled back); a
    /// subscription is not time-limited, its stream lives as long as the client wants it.
    /// </summary>
    public async Task<Outcome> ExecuteAsync(
        GraphQLRequest request,
        ClaimsPrincipal user,
        IServiceProvider services,
        string traceId,
        bool timeLimited,
        CancellationToken aborted,
        GraphQLDocument? document = null,
        CostMode cost = CostMode.None)
    {
        // The timeout runs on the host's clock (a test moves it by hand instead of waiting).
        using var timer = timeLimited ? new CancellationTokenSource(limits.ExecutionTimeout, time) : null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(
            aborted, timer?.Token ?? CancellationToken.None);

        // Every line logged while the operation runs names it and the caller's role (never who, nor what
        // the variables hold); the trace id comes with the activity.
        var logScope = new OperationLogScope(request.OperationName, user);
        using var scope = logger.BeginScope(logScope);
        ExecutionResult result;
        var started = Stopwatch.GetTimestamp();
        var commands = Kernel.Persistence.SqlCommandCounter.CountOperation();
        var userContext = new Dictionary<string, object?>();
        OperationCost.Prepare(cost, userContext);
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                UserContext = userContext,
                Listeners = { logScope },
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = user,
                RequestServices = services,
                CancellationToken = timeLimited ? deadline.Token : aborted,
                UnhandledExceptionDelegate = context =>
                {
                    context.Exception = Mask(context.OriginalException, traceId);
                    return Task.CompletedTask;
                },
            });
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            result = new ExecutionResult();
        }

        // Past the deadline, whatever the resolvers made of the cancellation (an interrupted SQL
        // command surfaces as a database error), the answer is the timeout.
        if (timeLimited && deadline.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            logger.LogWarning(
                "A GraphQL request was cancelled after {Timeout} (trace id {TraceId})",
                limits.ExecutionTimeout,
                traceId);
            var timeout = new ExecutionResult { Executed = false };
            timeout.AddError(new ExecutionError(
                $"The request ran longer than {limits.ExecutionTimeout.TotalSeconds:0.###} s and was cancelled; "
                + $"nothing it would have written was kept. "
                + "Ask for less, or retry later.")
            { Code = "TIMEOUT" });
            return new Outcome(timeout, TimedOut: true);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Record(request, result, elapsed, commands.Value);
        if (elapsed >= _slow)
        {
            logger.LogWarning(
                "Slow GraphQL operation {OperationName} ({OperationType}): {DurationMs:0} ms, cost {Cost}, "
                    + "{SqlCommands} SQL commands (trace id {TraceId})",
                result.Operation?.Name?.StringValue ?? request.OperationName ?? "(unnamed)",
                result.Operation?.Operation.ToString().ToLowerInvariant() ?? "unknown",
                elapsed.TotalMilliseconds,
                userContext.TryGetValue(OperationCost.Key, out var measured) && measured is double estimate
                    ? Math.Ceiling(estimate)
                    : null,
                commands.Value,
                traceId);
        }

        return new Outcome(OperationCost.Finish(cost, result, userContext, limits), TimedOut: false);
    }

    /// <summary>
    /// The log scope of one operation: its name (the document's, once it is parsed) and the caller's roles —
    /// never who the caller is nor what the variables hold.
    /// </summary>
    private sealed class OperationLogScope(string? name, ClaimsPrincipal user)
        : GraphQL.Execution.DocumentExecutionListenerBase, IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string _role =
            string.Join(' ', Kernel.Authorization.Roles.All.Where(user.IsInRole)) is { Length: > 0 } roles
                ? roles
                : "anonymous";

        private string _name = name ?? "(unnamed)";

        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("GraphQLOperation", _name),
            1 => new("Role", _role),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public override Task AfterValidationAsync(
            GraphQL.Execution.IExecutionContext context, GraphQL.Validation.IValidationResult validationResult)
        {
            _name = context.Operation.Name?.StringValue ?? _name;
            return Task.CompletedTask;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"GraphQLOperation:{_name} Role:{_role}";
    }

    /// <summary>The operation's metrics: its duration and SQL commands, or the codes that refused it.</summary>
    private static void Record(GraphQLRequest request, ExecutionResult result, TimeSpan duration, long commands)
    {
        if (!result.Executed)
        {
            foreach (var code in (result.Errors ?? []).Select(e => e.Code ?? "INVALID").Distinct())
            {
                Telemetry.Observability.Refused.Add(1, new KeyValuePair<string, object?>("code", code));
            }

            return;
        }

        var type = result.Operation?.Operation.ToString().ToLowerInvariant();
        var name = result.Operation?.Name?.StringValue ?? request.OperationName;
        Telemetry.Observability.RecordOperation(name, type, duration, commands);
    }

    /// <summary>
    /// A document the parser refuses is the client's error; any other fault is logged with the trace id and masked.
    /// </summary>
    private ExecutionError Mask(Exception exception, string traceId)
    {
        if (exception is GraphQLParserException refused)
        {
            // The parser's own message quotes the document: say where instead.
            return new ExecutionError(
                $"The document could not be parsed: {refused.Description} (line {refused.Location.Line}, column "
                + $"{refused.Location.Column}).")
            {
                Code = refused is GraphQLMaxDepthExceededException ? "MAX_DEPTH_EXCEEDED" : "SYNTAX_ERROR",
            };
        }

        logger.LogError(exception, "Unhandled error while executing a GraphQL request (trace id {TraceId})", traceId);
        return new ServerFaultError(traceId);
    }
}
