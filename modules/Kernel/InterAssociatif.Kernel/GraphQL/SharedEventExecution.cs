using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// An event a module hands, as the same object, to every subscription it concerns. Subscriptions that
/// would compute the same result for it share one execution and one serialization (see
/// <see cref="SharedEventExecutionStrategy"/>).
/// </summary>
public interface ISharedEvent
{
    SharedExecutions Executions { get; }
}

/// <summary>The executions of one <see cref="ISharedEvent"/>, by what makes a result differ.</summary>
public sealed class SharedExecutions
{
    private readonly ConcurrentDictionary<Key, Lazy<Task<ExecutionResult>>> _results = new();

    /// <summary>How many distinct executions the event needed (tests read it).</summary>
    public int Count => _results.Count;

    internal Task<ExecutionResult> GetOrStart(Key key, Func<Task<ExecutionResult>> execute) =>
        _results.GetOrAdd(key, static (_, run) => new Lazy<Task<ExecutionResult>>(run), execute).Value;

    /// <summary>
    /// What a subscription's result depends on besides the event: the document (the parsed document is
    /// shared by text), the operation, the variables and what resolvers may read of the caller.
    /// </summary>
    internal readonly record struct Key(
        GraphQLDocument Document, GraphQLOperationDefinition Operation, string Variables, string Caller);
}

/// <summary>A result computed once for several subscribers, with its JSON, written once.</summary>
public sealed class SharedExecutionResult(ExecutionResult result, byte[] json) : ExecutionResult(result)
{
    /// <summary>The result as the GraphQL serializer writes it (UTF-8 JSON).</summary>
    public ReadOnlyMemory<byte> Json { get; } = json;
}

/// <summary>
/// Executes subscriptions. An <see cref="ISharedEvent"/> is executed once per document, operation,
/// variables and <see cref="CallerExtensions.AuthorizationKey"/>, in a scope of its own (no subscriber's
/// departure can cancel it), and serialized once; every subscriber with that key receives the same
/// <see cref="SharedExecutionResult"/>. Other events are executed per subscriber, as GraphQL.NET does.
/// </summary>
public sealed class SharedEventExecutionStrategy : SubscriptionExecutionStrategy
{
    private const string KeyEntry = "InterAssociatif.SharedExecutionKey";

    protected override ValueTask<ExecutionResult> ProcessDataAsync(
        ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is not ISharedEvent shared || context.RequestServices is null || KeyOf(context) is not { } key)
        {
            return base.ProcessDataAsync(context, node, value);
        }

        return new ValueTask<ExecutionResult>(
            shared.Executions.GetOrStart(key, () => ExecuteOnceAsync(context, node, value)));
    }

    /// <summary>Runs on the first subscriber's context, copied before anything is awaited.</summary>
    private async Task<ExecutionResult> ExecuteOnceAsync(ExecutionContext subscriber, ExecutionNode node, object? value)
    {
        using var context = CloneExecutionContext(subscriber, CancellationToken.None);
        await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        var result = await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
        using var json = new MemoryStream();
        await scope
            .ServiceProvider.GetRequiredService<IGraphQLSerializer>()
            .WriteAsync(json, result)
            .ConfigureAwait(false);
        return new SharedExecutionResult(result, json.ToArray());
    }

    /// <summary>
    /// The subscription's key, computed at its first event and kept in its user context (every event's
    /// context is a copy of the subscription's and shares that dictionary).
    /// </summary>
    private static SharedExecutions.Key? KeyOf(ExecutionContext context)
    {
        if (context.UserContext.TryGetValue(KeyEntry, out var cached))
        {
            return (SharedExecutions.Key?)cached;
        }

        SharedExecutions.Key? key = VariablesKey(context) is { } variables
            ? new(context.Document, context.Operation, variables, context.User.AuthorizationKey())
            : null;
        context.UserContext[KeyEntry] = key;
        return key;
    }

    /// <summary>
    /// The variables as JSON ("" without any); null when a value cannot be written (no sharing then).
    /// </summary>
    private static string? VariablesKey(ExecutionContext context)
    {
        var variables = context.Variables.Select(v => KeyValuePair.Create(v.Name, v.Value)).ToList();
        if (variables.Count == 0)
        {
            return "";
        }

        try
        {
            return JsonSerializer.Serialize(variables);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
