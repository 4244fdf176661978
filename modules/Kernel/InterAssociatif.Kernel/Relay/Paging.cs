namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// The Relay pagination arguments of a connection field, and which parts of the connection the client
/// selected: <c>totalCount</c> (<see cref="WantsTotal"/>), the records or the page info (<see cref="WantsItems"/>).
/// </summary>
public sealed record PageRequest(
    int? First, string? After, int? Last, string? Before, bool WantsTotal = true, bool WantsItems = true)
{
    public static PageRequest From(IResolveFieldContext context)
    {
        var selected = context.SubFields?.Values.Select(f => f.Field.Name.StringValue).ToHashSet();
        return new(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before"),
            WantsTotal: selected is null || selected.Contains("totalCount"),
            WantsItems: selected is null || selected.Overlaps(["edges", "nodes", "pageInfo"]));
    }

    /// <summary>A page read forwards from <see cref="After"/>: its records can be read without counting.</summary>
    internal bool Forward => Last is null && Before is null;
}

/// <summary>
/// Cursor pagination that runs in SQL: one command for <c>totalCount</c> and one for the page, only
/// those the client selected; a forward page without <c>totalCount</c> reads one record more than it
/// returns to know whether there is a next page, and counts nothing.
/// Cursors are opaque positions in the sorted result; the sort always ends with the primary key,
/// so positions are stable while the data does not change.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const string CursorPrefix = "cursor:";

    public static string ToCursor(int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Checks the arguments before any SQL is sent; throws a typed GraphQL error naming the argument.
    /// </summary>
    public static void Validate(PageRequest page)
    {
        CheckSize(page.First, "first");
        CheckSize(page.Last, "last");
        _ = Position(page.After, "after");
        _ = Position(page.Before, "before");
    }

    public static Task<Connection<T>> ToConnectionAsync<T>(
        IQueryable<T> sorted, PageRequest page, CancellationToken cancellationToken) =>
        ToConnectionAsync(new QueryPages<T>(sorted), page, cancellationToken);

    public static async Task<Connection<T>> ToConnectionAsync<T>(
        IPageSource<T> sorted, PageRequest page, CancellationToken cancellationToken)
    {
        Validate(page);
        if (!page.WantsItems)
        {
            return Build<T>([], 0, page.WantsTotal ? await sorted.CountAsync(cancellationToken) : null);
        }

        if (!page.WantsTotal && page.Forward)
        {
            var from = After(page);
            var size = page.First ?? DefaultPageSize;
            var read = await sorted.ReadAsync(from, size + 1, cancellationToken);
            var more = read.Count > size;
            return Build(more ? read[..size] : read, from, total: null, more);
        }

        var total = await sorted.CountAsync(cancellationToken);
        var (start, end) = Window(page, total);
        var items = end > start ? await sorted.ReadAsync(start, end - start, cancellationToken) : [];
        return Build(items, start, total);
    }

    /// <summary>Builds a connection over items that are already in memory (small, bounded child lists).</summary>
    public static Connection<T> FromList<T>(IReadOnlyList<T> all, PageRequest page)
    {
        Validate(page);
        var (start, end) = Window(page, all.Count);
        return Build(all.Skip(start).Take(Math.Max(0, end - start)).ToList(), start, all.Count);
    }

    /// <summary>
    /// The same page of many lists (a connection under each record of a list), in as many commands as one list
    /// takes: one count of every list if needed, and one read of every list's window — more only when a backward
    /// page puts the lists' windows at different positions.
    /// </summary>
    public static async Task<IReadOnlyDictionary<TKey, Connection<T>>> ToConnectionsAsync<TKey, T>(
        IPageSources<TKey, T> lists, IReadOnlyList<TKey> keys, PageRequest page, CancellationToken cancellationToken)
        where TKey : notnull
    {
        Validate(page);
        var totals = page.WantsTotal || (page.WantsItems && !page.Forward)
            ? await lists.CountAsync(keys, cancellationToken)
            : null;
        if (!page.WantsItems)
        {
            return keys.ToDictionary(key => key, key => Build<T>([], 0, totals?.GetValueOrDefault(key)));
        }

        var (from, size) = (After(page), page.First ?? DefaultPageSize);
        if (totals is null)
        {
            // Forward without a count: one record more than the page tells whether there is a next one.
            var read = await lists.ReadAsync(keys, from, size + 1, cancellationToken);
            return keys.ToDictionary(key => key, key => read.GetValueOrDefault(key) is { } items
                ? Build([.. items.Take(size)], from, total: null, hasNextPage: items.Count > size)
                : Build<T>([], from, total: null, hasNextPage: false));
        }

        // A forward page is the same window of every list (each list stops at its own end).
        var forward = (from, (int)Math.Min(from + (long)size, int.MaxValue));
        var windows = keys.Select(key => (Key: key, Total: totals.GetValueOrDefault(key)))
            .Select(list => (list.Key, list.Total, Window: page.Forward ? forward : Window(page, list.Total)));
        var connections = new Dictionary<TKey, Connection<T>>();
        foreach (var sameWindow in windows.GroupBy(list => list.Window))
        {
            var (start, end) = sameWindow.Key;
            var read = end > start
                ? await lists.ReadAsync([.. sameWindow.Select(list => list.Key)], start, end - start, cancellationToken)
                : new Dictionary<TKey, IReadOnlyList<T>>();
            foreach (var list in sameWindow)
            {
                var items = read.GetValueOrDefault(list.Key) ?? [];
                connections[list.Key] = Build([.. items], Math.Min(start, list.Total), list.Total);
            }
        }

        return connections;
    }

    internal static (int Start, int End) Window(PageRequest page, int total)
    {
        var start = Math.Min(After(page), total);
        var end = Position(page.Before, "before") is { } before ? Math.Clamp(before, start, total) : total;
        if (page.First is { } first)
        {
            end = Math.Min(end, start + first);
        }

        if (page.Last is { } last)
        {
            start = Math.Max(start, end - last);
        }

        if (page.First is null && page.Last is null)
        {
            end = Math.Min(end, start + DefaultPageSize);
        }

        return (start, end);
    }

    /// <summary>The position after <see cref="PageRequest.After"/>'s (the last one's reads nothing).</summary>
    private static int After(PageRequest page) =>
        Position(page.After, "after") is { } after ? (int)Math.Min(after + 1L, int.MaxValue) : 0;

    private static Connection<T> Build<T>(List<T> items, int start, int? total, bool? hasNextPage = null)
    {
        var edges = items.Select((item, i) => new Edge<T> { Node = item, Cursor = ToCursor(start + i) }).ToList();
        return new Connection<T>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasPreviousPage = start > 0,
                HasNextPage = hasNextPage ?? start + items.Count < total,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    private static void CheckSize(int? size, string argument)
    {
        if (size is < 0)
        {
            throw new InvalidPaginationException(argument, $"`{argument}` must not be negative.");
        }

        if (size > MaxPageSize)
        {
            throw new InvalidPaginationException(
                argument,
                $"`{argument}` must not exceed {MaxPageSize} (the maximum page size); ask for the next page with "
                + $"`after`.");
        }
    }

    private static int? Position(string? cursor, string argument)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal) &&
                int.TryParse(
                    text.AsSpan(CursorPrefix.Length),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidPaginationException(argument, $"`{argument}` is not a cursor returned by this connection.");
    }
}

/// <summary>A sorted list that can be counted and read a window at a time, in SQL.</summary>
public interface IPageSource<T>
{
    Task<int> CountAsync(CancellationToken cancellationToken);

    Task<List<T>> ReadAsync(int skip, int take, CancellationToken cancellationToken);
}

/// <summary>
/// Sorted lists, one per key, counted and read a window at a time for many keys at once (in SQL, e.g. with each
/// list's rows numbered).
/// </summary>
public interface IPageSources<TKey, T>
    where TKey : notnull
{
    Task<IReadOnlyDictionary<TKey, int>> CountAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>Records [skip, skip + take) of each list, in order (a list with none may be left out).</summary>
    Task<IReadOnlyDictionary<TKey, IReadOnlyList<T>>> ReadAsync(
        IReadOnlyList<TKey> keys, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>Any sorted query, translated by EF Core at each call.</summary>
internal sealed class QueryPages<T>(IQueryable<T> sorted) : IPageSource<T>
{
    private static readonly MethodInfo Inlined =
        typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    public Task<int> CountAsync(CancellationToken cancellationToken) => sorted.CountAsync(cancellationToken);

    /// <summary>
    /// The window, its size written in the SQL (<c>LIMIT 51</c>, <see cref="EF.Constant{T}"/>: EF Core makes a
    /// parameter of a plain constant), as <see cref="PagedQuery{TContext, TArgs, T}"/> does.
    /// </summary>
    public Task<List<T>> ReadAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var from = sorted.Skip(skip);
        var size = Expression.Call(Inlined, Expression.Constant(take));
        var window = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], from.Expression, size);
        return from.Provider.CreateQuery<T>(window).ToListAsync(cancellationToken);
    }
}

/// <summary>Bad pagination arguments (<c>extensions.code = INVALID_PAGINATION</c>).</summary>
public sealed class InvalidPaginationException : ExecutionError
{
    public InvalidPaginationException(string argument, string message)
        : base(message)
    {
        Code = "INVALID_PAGINATION";
        Extensions ??= [];
        Extensions["argument"] = argument;
    }
}
