namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// Runs a GraphQL document on behalf of a principal outside any request (a background delivery), through the
/// same executor, schema, authorization and limits as the API: what it answers is what the API would answer
/// that caller. The host provides it.
/// </summary>
public interface IGraphQLRunner
{
    /// <summary>The result's <c>data</c>; a result with errors throws <see cref="GraphQLRunException"/>.</summary>
    Task<JsonElement> RunAsync(
        string document,
        IReadOnlyDictionary<string, object?> variables,
        ClaimsPrincipal user,
        CancellationToken cancellationToken
    );
}

/// <summary>A document run by <see cref="IGraphQLRunner"/> answered with errors (their codes and messages).</summary>
public sealed class GraphQLRunException(string message) : Exception(message);
