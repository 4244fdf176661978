namespace InterAssociatif.Host.Execution;

/// <summary>
/// Runs a module's own document through the API's executor (limits, authorization, loaders, execution timeout),
/// in a service scope of its own as a request would have, and answers the result's <c>data</c>.
/// </summary>
internal sealed class GraphQLRunner(
    GraphQLExecutor executor, IServiceScopeFactory scopes, IGraphQLSerializer serializer) : IGraphQLRunner
{
    public async Task<JsonElement> RunAsync(
        string document,
        IReadOnlyDictionary<string, object?> variables,
        ClaimsPrincipal user,
        CancellationToken cancellationToken
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var request = new GraphQLRequest { Query = document, Variables = new Inputs(variables.ToDictionary()) };
        var traceId = Activity.Current?.TraceId.ToString() ?? ActivityTraceId.CreateRandom().ToString();
        var (result, _) = await executor.ExecuteAsync(
            request, user, scope.ServiceProvider, traceId, timeLimited: true, cancellationToken);
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new GraphQLRunException(string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}")));
        }

        using var json = new MemoryStream();
        await serializer.WriteAsync(json, result, cancellationToken);
        json.Position = 0;
        using var parsed = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken);
        return parsed.RootElement.GetProperty("data").Clone();
    }
}
