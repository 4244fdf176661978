using System.Runtime.CompilerServices;

namespace InterAssociatif.Host.Execution;

/// <summary>
/// What validation computes for a request besides its rules — the variables coerced to their types and the
/// arguments of every field parsed — kept with a cached document for the same operation, caller and variables
/// (the pass <see cref="DocumentCache"/> skipped the rules for), instead of walking the document again at every
/// request. Only valid results are kept, at most 256 per document, as long as the document is.
/// </summary>
internal sealed class ValidationReuse(IDocumentValidator inner) : IDocumentValidator
{
    /// <summary>
    /// The user-context key <see cref="DocumentCache"/> sets to the pass of a request whose rules it skipped.
    /// </summary>
    public const string PassKey = "interassociatif:pass";

    private const int PerDocument = 256;

    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<string, IValidationResult>> _results =
        [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not { } rules || rules.Any()
            || !options.UserContext.TryGetValue(PassKey, out var value) || value is not string pass)
        {
            return inner.ValidateAsync(options);
        }

        var results = _results.GetOrCreateValue(options.Document);
        return results.TryGetValue(pass, out var kept)
            ? Task.FromResult(kept)
            : KeepAsync(inner.ValidateAsync(options), results, pass);
    }

    private static async Task<IValidationResult> KeepAsync(
        Task<IValidationResult> validation, ConcurrentDictionary<string, IValidationResult> results, string pass)
    {
        var result = await validation.ConfigureAwait(false);
        if (result.IsValid && results.Count < PerDocument)
        {
            results.TryAdd(pass, result);
        }

        return result;
    }
}
