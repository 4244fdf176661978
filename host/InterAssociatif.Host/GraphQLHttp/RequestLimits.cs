using GraphQL.Validation.Complexity;
using ValidationContext = GraphQL.Validation.ValidationContext;

namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// Limits every GraphQL request is held to (configuration section <c>GraphQL:Limits</c>). Each is
/// checked before anything executes, so a rejected request costs no SQL command; each rejection has
/// a stable <c>extensions.code</c>.
/// </summary>
internal sealed class RequestLimitsOptions
{
    /// <summary>Deepest selection nesting (fields inside fields). Code <c>MAX_DEPTH_EXCEEDED</c>. Default 15.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Largest estimated cost: every field costs 1, multiplied by the page sizes (<c>first</c>/<c>last</c>)
    /// of the connections around it, and by 20 for other lists; introspection costs nothing. Code
    /// <c>MAX_COST_EXCEEDED</c>. Default 2,000,000 (an analyst's cross-tab over every question is ≈ 820,000: the ×5
    /// estimate for unpaged lists is coarse).
    /// </summary>
    public int MaxCost { get; set; } = 2_000_000;

    /// <summary>
    /// Most lexical tokens in one document (names, punctuators, values; comments and white space are
    /// free). Counted before parsing, in one pass that stops at the limit. Code <c>MAX_TOKENS_EXCEEDED</c>.
    /// Default 5,000 (GraphiQL's introspection query has about 350; the largest example operation about 300).
    /// </summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Most aliased fields in one document. Code <c>MAX_ALIASES_EXCEEDED</c>. Default 50.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Most operations in one document. Code <c>MAX_OPERATIONS_EXCEEDED</c>. Default 10.</summary>
    public int MaxOperations { get; set; } = 10;

    /// <summary>
    /// Longest execution of a query or mutation; then it is cancelled, down to the SQL command. Code <c>TIMEOUT</c>
    /// (503). Default 30 s.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most subscriptions open at once on one WebSocket. Code <c>TOO_MANY_SUBSCRIPTIONS</c>. Default 20.
    /// </summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>
    /// Longest a WebSocket message may wait for a client that does not read; then the connection is aborted. Default 30
    /// s.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requests per window for one credential (or, anonymous, one address). Code <c>RATE_LIMITED</c> (429,
    /// <c>Retry-After</c>). Default 600.
    /// </summary>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>The rate limit's window. Default one minute.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Total length of the parsed documents kept for reuse (characters of their text). Default 10,000,000.
    /// </summary>
    public long DocumentCacheCharacters { get; set; } = 10_000_000;
}

/// <summary>GraphQL.NET's complexity analysis, reporting our stable codes.</summary>
internal sealed class CostLimitRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    /// <summary>
    /// GraphQL.NET's estimate (page sizes multiply), except that introspection costs nothing: the IDE asks for the
    /// whole schema.
    /// </summary>
    public static ComplexityOptions For(RequestLimitsOptions limits)
    {
        var options = new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxCost };
        var estimate = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
            context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
            || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 0)
                : estimate(context);
        return options;
    }

    protected override ValueTask ValidateComplexityAsync(
        ValidationContext context, double totalComplexity, int maxDepth)
    {
        context.UserContext[Execution.OperationCost.Key] = totalComplexity;
        if (Options.MaxDepth is { } depthLimit && maxDepth > depthLimit)
        {
            context.ReportError(
                new ValidationError(
                    $"The query is nested {maxDepth} levels deep; at most {depthLimit} are allowed. Nothing was "
                    + $"executed.")
                { Code = "MAX_DEPTH_EXCEEDED" });
        }
        else if (Options.MaxComplexity is { } costLimit && totalComplexity > costLimit)
        {
            context.ReportError(
                new ValidationError(
                    $"The query's estimated cost is {totalComplexity:0}; at most {costLimit:0} is allowed. Ask for "
                    + $"smaller pages (`first`) or fewer nested lists. Nothing was executed.")
                { Code = "MAX_COST_EXCEEDED" });
        }

        return default;
    }
}

/// <summary>Counts operations and aliases in the document as sent (fragments included, each once).</summary>
internal sealed class DocumentLimitsRule(RequestLimitsOptions limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operations = context.Document.Definitions.OfType<GraphQLOperationDefinition>().Count();
        if (operations > limits.MaxOperations)
        {
            context.ReportError(
                new ValidationError(
                    $"The document holds {operations} operations; at most {limits.MaxOperations} are allowed. Nothing "
                    + $"was executed.")
                { Code = "MAX_OPERATIONS_EXCEEDED" });
        }

        var aliases = 0;
        var pending = new Stack<GraphQLSelectionSet>(
            context.Document.Definitions.OfType<IHasSelectionSetNode>()
                .Select(d => d.SelectionSet)
                .OfType<GraphQLSelectionSet>());
        while (pending.Count > 0 && aliases <= limits.MaxAliases)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                if (selection is GraphQLField { Alias: not null })
                {
                    aliases++;
                }

                if (selection is IHasSelectionSetNode { SelectionSet: { } inner })
                {
                    pending.Push(inner);
                }
            }
        }

        if (aliases > limits.MaxAliases)
        {
            context.ReportError(
                new ValidationError($"The document uses more than {limits.MaxAliases} aliases. Nothing was executed.")
                {
                    Code = "MAX_ALIASES_EXCEEDED"
                });
        }

        // Fragments spread twice at each level expand exponentially: count the expanded fields once
        // per fragment (memoised) so such a document is refused here, before the cost analysis walks it.
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        var sizes = new Dictionary<string, double>();
        double Size(GraphQLSelectionSet? set) => set is null ? 0 : set.Selections.Sum(selection => selection switch
        {
            GraphQLField field => 1 + Size(field.SelectionSet),
            GraphQLInlineFragment inline => Size(inline.SelectionSet),
            GraphQLFragmentSpread spread => FragmentSize(spread.FragmentName.Name.StringValue),
            _ => 0,
        });
        double FragmentSize(string name)
        {
            if (sizes.TryGetValue(name, out var known))
            {
                return known;
            }

            sizes[name] = 0; // a cycle counts nothing here; the spec's rule reports it
            return sizes[name] = fragments.TryGetValue(name, out var fragment) ? Size(fragment.SelectionSet) : 0;
        }

        var largest = context.Document.Definitions.OfType<GraphQLOperationDefinition>()
            .Select(o => Size(o.SelectionSet))
            .DefaultIfEmpty(0)
            .Max();
        if (largest > limits.MaxCost)
        {
            context.ReportError(
                new ValidationError(
                    $"Once its fragments are expanded, the document selects {largest:0} fields; its cost may not "
                    + $"exceed {limits.MaxCost}. Nothing was executed.")
                { Code = "MAX_COST_EXCEEDED" });
        }

        return default;
    }
}
