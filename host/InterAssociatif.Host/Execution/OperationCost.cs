namespace InterAssociatif.Host.Execution;

/// <summary>What a client asks to know of an operation's cost (the <c>GraphQL-Cost</c> request header).</summary>
internal enum CostMode
{
    /// <summary>Nothing: the cost is only checked against the limit.</summary>
    None,

    /// <summary><c>report</c>: the response carries <c>extensions.cost</c>.</summary>
    Report,

    /// <summary><c>validate</c>: measured and validated, not executed (no SQL, nothing written).</summary>
    Validate,
}

/// <summary>
/// An operation's estimated cost — the measure <c>GraphQL:Limits:MaxCost</c> limits (each field 1, times the
/// <c>first</c>/<c>last</c> of the connections around it, times 20 for other lists; introspection free) —
/// reported to clients that ask with <c>GraphQL-Cost: report</c> or <c>validate</c> as
/// <c>extensions.cost = { requested, limit }</c>, also when the limit refuses the operation.
/// </summary>
internal static class OperationCost
{
    public const string Header = "GraphQL-Cost";

    /// <summary>Where the cost rule leaves the measure, in the operation's user context.</summary>
    public const string Key = "interassociatif.cost";

    /// <summary>The mode a request asks for, or an error naming the header when its value is not one.</summary>
    public static (CostMode Mode, ExecutionError? Error) Read(HttpRequest request)
    {
        var value = request.Headers[Header].ToString().Trim();
        return value.ToLowerInvariant() switch
        {
            "" => (CostMode.None, null),
            "report" => (CostMode.Report, null),
            "validate" => (CostMode.Validate, null),
            _ => (
                CostMode.None,
                new ExecutionError(
                    $"The {Header} header is `report` or `validate`, not `{value}`. Nothing was executed.")
                {
                    Code = "INVALID_COST_HEADER",
                }
            ),
        };
    }

    /// <summary>Marks the user context of an operation that must be validated only.</summary>
    public static void Prepare(CostMode mode, IDictionary<string, object?> userContext)
    {
        if (mode == CostMode.Validate)
        {
            userContext[ValidateOnly.Key] = true;
        }
    }

    /// <summary>
    /// Adds <c>extensions.cost</c> when asked and measured; a validated operation that passed every rule
    /// answers with no <c>data</c>.
    /// </summary>
    public static ExecutionResult Finish(
        CostMode mode, ExecutionResult result, IDictionary<string, object?> userContext, RequestLimitsOptions limits)
    {
        if (mode == CostMode.None)
        {
            return result;
        }

        if (userContext.TryGetValue(Key, out var measured) && measured is double requested)
        {
            result.Extensions ??= [];
            result.Extensions["cost"] = new Dictionary<string, object?>
            {
                ["requested"] = (long)Math.Ceiling(requested),
                ["limit"] = limits.MaxCost,
            };
        }

        if (mode == CostMode.Validate && result.Executed)
        {
            result.Executed = false;
            result.Data = null;
        }

        return result;
    }
}
