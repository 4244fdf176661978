using ExecutionContext = GraphQL.Execution.ExecutionContext;
using IExecutionStrategy = GraphQL.Execution.IExecutionStrategy;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// An operation validated by every rule (limits, cost, authorization) but not executed: with
/// <see cref="Key"/> in its user context it resolves nothing, sends no SQL command and writes nothing
/// (not even the audit entry of a denied mutation).
/// </summary>
public static class ValidateOnly
{
    public const string Key = "interassociatif.validateOnly";

    public static bool IsRequested(IDictionary<string, object?>? userContext) => userContext?.ContainsKey(Key) == true;
}

/// <summary>The registered strategies, or none at all when only validation was asked for.</summary>
internal sealed class ValidateOnlyStrategySelector(IEnumerable<ExecutionStrategyRegistration> registrations)
    : DefaultExecutionStrategySelector(registrations)
{
    public override IExecutionStrategy Select(ExecutionContext context) =>
        ValidateOnly.IsRequested(context.UserContext) ? Nothing.Instance : base.Select(context);

    private sealed class Nothing : IExecutionStrategy
    {
        public static readonly Nothing Instance = new();

        public Task<ExecutionResult> ExecuteAsync(ExecutionContext context) => Task.FromResult(new ExecutionResult());

        public Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode) => Task.CompletedTask;

        public Dictionary<string, (GraphQLField field, global::GraphQL.Types.FieldType fieldType)>? GetSubFields(
            ExecutionContext executionContext, ExecutionNode executionNode) => null;
    }
}
