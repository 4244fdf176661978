using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using InterAssociatif.Host.GraphQLHttp;
using Microsoft.Extensions.Caching.Memory;

namespace InterAssociatif.Host.Execution;

/// <summary>
/// Parsed documents, once: a document that parsed and passed validation is kept (keyed by its text,
/// bounded by the total length of the documents kept) and reused by HTTP, SSE and WebSocket alike. A
/// reused document skips parsing, the size pass and the rules that depend on the document alone; the
/// rules registered for cached documents (authorization, cost: they depend on the caller or the
/// variables) run on every request.
/// </summary>
internal sealed class DocumentCache(RequestLimitsOptions limits) : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _documents = new(
        new MemoryCacheOptions { SizeLimit = limits.DocumentCacheCharacters }
    );

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options).ConfigureAwait(false);
        }

        var cached = _documents.Get<GraphQLDocument>(query);
        if (cached is not null)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options).ConfigureAwait(false);
        if (cached is null && result is { Executed: true, Document: { } parsed })
        {
            _documents.Set(
                query,
                parsed,
                new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) }
            );
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();
}
