using GraphQL.DI;
using Microsoft.Extensions.Caching.Memory;

namespace InterAssociatif.Host.Execution;

/// <summary>
/// Parsed documents, once: a document that parsed and passed validation is kept (keyed by its text,
/// bounded by the total length of the documents kept) and reused by HTTP, SSE and WebSocket alike. A
/// reused document skips parsing, the size pass and the rules that depend on the document alone. The
/// rules registered for cached documents (authorization, cost) depend on the caller and the variables:
/// they run again unless this document already passed them for the same operation, the same
/// authorization key (<see cref="CallerExtensions.AuthorizationKey"/>: roles, organisation, person,
/// scopes) and the same variables — the cost measured then is remembered with the pass, for
/// <see cref="OperationCost"/>. Then the variables coerced and the arguments parsed for that pass are reused too
/// (<see cref="ValidationReuse"/>).
/// </summary>
internal sealed class DocumentCache(RequestLimitsOptions limits) : IConfigureExecution, IDisposable
{
    /// <summary>Callers × variables remembered per document; past it, the rules simply run.</summary>
    private const int PassesPerDocument = 256;

    private readonly MemoryCache _documents = new(
        new MemoryCacheOptions { SizeLimit = limits.DocumentCacheCharacters });

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options).ConfigureAwait(false);
        }

        var cached = _documents.Get<Cached>(query);
        var pass = PassKey(options);
        if (cached is not null)
        {
            options.Document = cached.Document;
            if (pass is not null && cached.Passed.TryGetValue(pass, out var cost))
            {
                options.ValidationRules = [];
                options.UserContext[ValidationReuse.PassKey] = pass;
                if (cost is not null)
                {
                    options.UserContext[OperationCost.Key] = cost;
                }
            }
            else
            {
                options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            }
        }

        var result = await next(options).ConfigureAwait(false);
        if (!result.Executed)
        {
            return result;
        }

        if (cached is null && result.Document is { } parsed)
        {
            cached = new Cached(parsed);
            _documents.Set(
                query,
                cached,
                new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) }
            );
        }

        // Every rule ran and passed (a new document), or the rules for cached documents did.
        if (pass is not null && cached is not null && cached.Passed.Count < PassesPerDocument)
        {
            cached.Passed.TryAdd(pass, options.UserContext.TryGetValue(OperationCost.Key, out var cost) ? cost : null);
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();

    /// <summary>What the rules for cached documents depend on; null when the variables cannot be written.</summary>
    private static string? PassKey(ExecutionOptions options)
    {
        try
        {
            var variables = options.Variables is { Count: > 0 } inputs ? JsonSerializer.Serialize(inputs) : "";
            return string.Join('\n', options.OperationName, options.User.AuthorizationKey(), variables);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed class Cached(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        /// <summary>The passes remembered, each with the cost measured then.</summary>
        public ConcurrentDictionary<string, object?> Passed { get; } = new(StringComparer.Ordinal);
    }
}
