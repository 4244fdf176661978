using System.Diagnostics.Metrics;

namespace InterAssociatif.Kernel.DataLoading;

/// <summary>
/// Loaders whose query captures more than its keys, and so is translated again at every batch instead of being
/// compiled once: a defect that still answers correctly, only slower (≈8 % of a page's CPU on 4 December). Counted
/// per loader on the <c>InterAssociatif.Loaders</c> meter (served at <c>/metrics</c>) and named here for the tests.
/// </summary>
internal static class TranslatedLoaders
{
    private static readonly Meter Meter = new("InterAssociatif.Loaders");

    private static readonly Counter<long> Batches = Meter.CreateCounter<long>(
        "interassociatif.loader.translated_batches",
        "{batch}",
        "Loader batches translated again because the loader's query captures more than its keys.");

    private static readonly ConcurrentDictionary<string, byte> Seen = new(StringComparer.Ordinal);

    /// <summary>The loaders that ran translated since the process started.</summary>
    public static IReadOnlyCollection<string> Names => [.. Seen.Keys];

    public static void Record(string loader)
    {
        Seen.TryAdd(loader, 0);
        Batches.Add(1, new KeyValuePair<string, object?>("loader", loader));
    }
}
