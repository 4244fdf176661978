namespace InterAssociatif.Kernel.DataLoading;

/// <summary>The loaders of one request (a scoped service): each named loader exists once per request.</summary>
public sealed class DataLoaderContext
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    /// <summary>
    /// The loader called <paramref name="name"/>, made from <paramref name="state"/> by the first call.
    /// </summary>
    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue, TState>(
        string name, TState state, Func<TState, BatchLoader<TKey, TValue>> create)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)(_loaders.TryGetValue(name, out var loader)
            ? loader
            : _loaders.GetOrAdd(name, static (_, made) => made.create(made.state), (create, state)));
}

public static class DataLoaderResolveExtensions
{
    /// <summary>
    /// Loads one value by key through the request's loader called <paramref name="name"/>; the fetch
    /// receives every key requested at the same depth of the query.
    /// </summary>
    public static IDataLoaderResult<TValue> LoadBatched<TKey, TValue>(
        this IResolveFieldContext context,
        string name,
        TKey key,
        Func<IServiceProvider, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing,
        bool byId = false)
        where TKey : notnull =>
        context.LoadBatched(
            name, key, fetch, static (services, fetch, keys, ct) => fetch(services, keys, ct), missing, byId);

    /// <summary>
    /// The same with the fetch's own <paramref name="state"/> (e.g. the set to read), so that a resolver's call
    /// allocates no closure once the request's loader exists.
    /// </summary>
    public static IDataLoaderResult<TValue> LoadBatched<TKey, TValue, TState>(
        this IResolveFieldContext context,
        string name,
        TKey key,
        TState state,
        Func<IServiceProvider, TState, IReadOnlyList<TKey>, CancellationToken,
            Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing,
        bool byId = false)
        where TKey : notnull
    {
        var services = context.RequestServices
            ?? throw new InvalidOperationException("Request services are not available.");
        var loader = services.GetRequiredService<DataLoaderContext>().GetOrAdd(
            name,
            (services, state, fetch, missing, byId),
            static made => new BatchLoader<TKey, TValue>(
                (keys, ct) => made.fetch(made.services, made.state, keys, ct), made.missing, made.byId));
        return loader.Load(key);
    }

    /// <summary>Combines several pending results into one list (used by <c>nodes(ids:)</c>).</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> WhenAll<T>(IReadOnlyList<IDataLoaderResult<T>> results) =>
        new AllResults<T>(results);

    /// <summary>Maps a pending result once it is available.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) =>
        result is IMappableResult<TIn> mappable ? mappable.Map(map) : new MappedResult<TIn, TOut>(result, map);

    /// <summary>A result that is already known.</summary>
    public static IDataLoaderResult<T> FromValue<T>(T value) => new ValueResult<T>(value);

    private sealed class AllResults<T>(IReadOnlyList<IDataLoaderResult<T>> results)
        : IDataLoaderResult<IReadOnlyList<T>>, IWaitingLoad
    {
        public bool Waits => results.All(r => r is IWaitingLoad { Waits: true });

        public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new T[results.Count];
            for (var i = 0; i < results.Count; i++)
            {
                values[i] = await results[i].GetResultAsync(cancellationToken).ConfigureAwait(false);
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map)
        : IDataLoaderResult<TOut>, IWaitingLoad
    {
        public bool Waits => inner is IWaitingLoad { Waits: true };

        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class ValueResult<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            Task.FromResult<object?>(value);
    }
}
