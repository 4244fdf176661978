namespace InterAssociatif.Kernel.DataLoading;

/// <summary>
/// A per-request batching loader on GraphQL.NET's <see cref="IDataLoaderResult"/>. Resolvers call
/// <see cref="Load"/> for one key each; the execution strategy collects the pending results of a
/// level and the first one awaited sends one fetch (one SQL command) for every key queued so far.
/// Results are cached for the rest of the request, so a key is never fetched twice.
/// </summary>
/// <param name="waits">
/// A loader of records by id: while other loaders are pending it waits, since what they load may name more of
/// the same records (see <see cref="IWaitingLoad"/>).
/// </param>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing,
    bool waits = false)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = [];
    private Batch _pending = new();

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                batch = _pending;
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }

            return new Result<TValue>(this, batch, key, static value => value);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Fetch is null)
            {
                if (ReferenceEquals(batch, _pending))
                {
                    _pending = new Batch();
                }

                batch.Fetch = fetch(batch.Keys, cancellationToken);
            }

            return batch.Fetch;
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetch { get; set; }
    }

    /// <summary>
    /// The value of one key, mapped: mapping it again (<see cref="DataLoaderResolveExtensions.Then"/>) composes
    /// the maps on this same result instead of wrapping it, so a reference checked for visibility and then for
    /// dangling is still one pending result, answered without an async state machine once its batch is fetched.
    /// </summary>
    private sealed class Result<TOut>(BatchLoader<TKey, TValue> loader, Batch batch, TKey key, Func<TValue, TOut> map)
        : IDataLoaderResult<TOut>, IWaitingLoad, IMappableResult<TOut>
    {
        public bool Waits => loader.LoadsById && batch.Fetch is null;

        public IDataLoaderResult<TNext> Map<TNext>(Func<TOut, TNext> next) =>
            new Result<TNext>(loader, batch, key, value => next(map(value)));

        public Task<TOut> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var fetch = loader.Dispatch(batch, cancellationToken);
            return fetch.IsCompletedSuccessfully ? Task.FromResult(ValueIn(fetch.Result)) : AwaitAsync(fetch);
        }

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        {
            var fetch = loader.Dispatch(batch, cancellationToken);
            return fetch.IsCompletedSuccessfully
                ? Task.FromResult<object?>(ValueIn(fetch.Result))
                : AwaitObjectAsync(fetch);
        }

        private TOut ValueIn(IReadOnlyDictionary<TKey, TValue> values) =>
            map(values.TryGetValue(key, out var value) ? value : loader.Missing);

        private async Task<TOut> AwaitAsync(Task<IReadOnlyDictionary<TKey, TValue>> fetch) =>
            ValueIn(await fetch.ConfigureAwait(false));

        private async Task<object?> AwaitObjectAsync(Task<IReadOnlyDictionary<TKey, TValue>> fetch) =>
            ValueIn(await fetch.ConfigureAwait(false));
    }

    private TValue Missing { get; } = missing;

    private bool LoadsById { get; } = waits;
}

/// <summary>
/// A pending result that may wait for a later wave of the query: a load of records by id whose batch has not
/// been sent. The execution strategy sends the other loaders of a wave first, so that the ids those name join
/// the same batch (a meeting's organiser and its attendees' organisations: one command, not one per depth).
/// </summary>
public interface IWaitingLoad
{
    bool Waits { get; }
}

/// <summary>A pending result that maps its value itself, without a further async step.</summary>
internal interface IMappableResult<out T>
{
    IDataLoaderResult<TNext> Map<TNext>(Func<T, TNext> next);
}
