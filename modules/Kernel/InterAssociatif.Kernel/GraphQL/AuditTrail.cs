namespace InterAssociatif.Kernel.GraphQL;

/// <summary>What became of a write attempt.</summary>
[System.ComponentModel.Description("What became of a write attempt.")]
public enum AuditOutcome
{
    [System.ComponentModel.Description("It took effect.")]
    Accepted,

    [System.ComponentModel.Description(
        "It ran and was refused with errors (bad input, conflict): nothing was written.")]
    Refused,

    [System.ComponentModel.Description("The caller may not make it: refused by authorization before anything ran.")]
    Denied,
}

/// <summary>
/// One write attempt as the audit trail keeps it: who, which operation, which objects, and what became of it.
/// </summary>
/// <param name="Operation">The mutation field (e.g. <c>recordDecision</c>) or endpoint operation (e.g.
/// <c>uploadAttachment</c>).</param>
/// <param name="User">The caller.</param>
/// <param name="ObjectIds">Global ids of the object changed and of the objects the input names.</param>
/// <param name="Outcome">Accepted, refused with errors, or denied to the caller.</param>
public sealed record AuditRecord(
    string Operation, ClaimsPrincipal? User, IReadOnlyList<string> ObjectIds, AuditOutcome Outcome)
{
    public bool Succeeded => Outcome == AuditOutcome.Accepted;
}

/// <summary>Where every write attempt is recorded (implemented by the host).</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>
/// Records mutations the authorization rule refused before execution (they never reach the
/// mutation convention, which records the others): one <see cref="AuditOutcome.Denied"/> entry per
/// root field of the refused mutation operation. It wraps every execution — HTTP, SSE, WebSocket.
/// </summary>
public static class DeniedMutationAudit
{
    public static async Task<ExecutionResult> ExecuteAsync(
        ExecutionOptions options, Func<ExecutionOptions, Task<ExecutionResult>> next)
    {
        var result = await next(options).ConfigureAwait(false);
        if (result.Executed || ValidateOnly.IsRequested(options.UserContext)
            || result.Errors?.Any(e => e.Code == Authorization.AccessDeniedError.ErrorCode) != true
            || options.RequestServices?.GetService(typeof(IAuditTrail)) is not IAuditTrail audit)
        {
            return result;
        }

        var document = result.Document ?? options.Document;
        if (document is null && options.Query is { } query)
        {
            try
            {
                document = GraphQLParser.Parser.Parse(query);
            }
            catch (GraphQLParser.Exceptions.GraphQLParserException)
            {
                return result;
            }
        }

        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var operation = options.OperationName is { } name
            ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        if (operation?.Operation != OperationType.Mutation)
        {
            return result;
        }

        foreach (var field in RootFields(operation.SelectionSet, document!).Distinct(StringComparer.Ordinal))
        {
            await audit.RecordAsync(
                new AuditRecord(field, options.User, [], AuditOutcome.Denied), CancellationToken.None)
                .ConfigureAwait(false);
        }

        return result;
    }

    private static IEnumerable<string> RootFields(GraphQLSelectionSet set, GraphQLDocument document, int depth = 0)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when !field.Name.StringValue.StartsWith("__", StringComparison.Ordinal):
                    yield return field.Name.StringValue;
                    break;
                case GraphQLInlineFragment inline when depth < 10:
                    foreach (var inner in RootFields(inline.SelectionSet, document, depth + 1))
                    {
                        yield return inner;
                    }

                    break;
                case GraphQLFragmentSpread spread when depth < 10
                    && document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name) is { } fragment:
                    foreach (var inner in RootFields(fragment.SelectionSet, document, depth + 1))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }
}
