namespace InterAssociatif.Host.Tests.Kernel;

public sealed class PagingTests
{
    private static readonly int[] Items = Enumerable.Range(0, 45).ToArray();

    [Fact]
    public void Without_arguments_the_first_page_has_the_default_size()
    {
        var connection = Paging.FromList(Items, new PageRequest(null, null, null, null));
        Assert.Equal(Paging.DefaultPageSize, connection.Items!.Count);
        Assert.True(connection.PageInfo!.HasNextPage);
        Assert.Equal(45, connection.TotalCount);
    }

    [Fact]
    public void First_after_and_last_before_select_the_expected_window()
    {
        var first = Paging.FromList(Items, new PageRequest(10, Paging.ToCursor(39), null, null));
        Assert.Equal([40, 41, 42, 43, 44], first.Items!);
        Assert.False(first.PageInfo!.HasNextPage);
        Assert.True(first.PageInfo.HasPreviousPage);

        var last = Paging.FromList(Items, new PageRequest(null, null, 3, Paging.ToCursor(5)));
        Assert.Equal([2, 3, 4], last.Items!);

        var empty = Paging.FromList(Array.Empty<int>(), new PageRequest(5, null, null, null));
        Assert.Empty(empty.Items!);
        Assert.Null(empty.PageInfo!.StartCursor);
    }

    [Theory]
    [InlineData(101, null)]
    [InlineData(-1, null)]
    [InlineData(null, 1000)]
    public void Sizes_out_of_range_are_refused(int? first, int? last) =>
        Assert.Throws<InvalidPaginationException>(() => Paging.Validate(new PageRequest(first, null, last, null)));

    /// <summary>
    /// Any list and any page arguments, cursors beyond the end included (a position at <c>int.MaxValue</c> once
    /// wrapped to a negative start and answered the first page): the page is the window a plain model computes.
    /// </summary>
    [Fact]
    public void Every_page_is_the_window_of_its_arguments()
    {
        var position = Gen.OneOf(
            Gen.Int[0, 70].Select(p => (int?)p),
            Gen.Const((int?)null),
            Gen.Int[int.MaxValue - 1, int.MaxValue].Select(p => (int?)p));
        var size = Gen.OneOf(Gen.Int[0, 100].Select(p => (int?)p), Gen.Const((int?)null));
        Gen.Select(Gen.Int[0, 60], size, position, size, position).Sample((count, first, after, last, before) =>
        {
            var items = Enumerable.Range(0, count).ToArray();
            var page = new PageRequest(first, Cursor(after), last, Cursor(before));

            var connection = Paging.FromList(items, page);

            long start = after is { } from ? Math.Min(from + 1L, count) : 0;
            long end = before is { } to ? Math.Clamp(to, start, count) : count;
            end = first is { } f ? Math.Min(end, start + f) : end;
            start = last is { } l ? Math.Max(start, end - l) : start;
            end = first is null && last is null ? Math.Min(end, start + Paging.DefaultPageSize) : end;
            Assert.Equal(Enumerable.Range((int)start, (int)(end - start)), connection.Items!);
            Assert.Equal(count, connection.TotalCount);
            Assert.Equal(start > 0, connection.PageInfo!.HasPreviousPage);
            Assert.Equal(end < count, connection.PageInfo.HasNextPage);
            Assert.Equal(connection.Items!.Select(Paging.ToCursor), connection.Edges!.Select(e => e.Cursor));
        });
    }

    /// <summary>
    /// The same page of many lists at once answers, for each list, what the page of that list alone answers (the
    /// SQL path of a single connection), with
    /// one count at most and one read for a forward page (a backward one reads once per distinct window).
    /// </summary>
    [Fact]
    public async Task The_page_of_many_lists_is_the_page_of_each_list()
    {
        var position = Gen.OneOf(Gen.Int[0, 30].Select(p => (int?)p), Gen.Const((int?)null));
        var size = Gen.OneOf(Gen.Int[0, 100].Select(p => (int?)p), Gen.Const((int?)null));
        var page = Gen.Select(size, position, size, position, Gen.Bool, Gen.Bool)
            .Select((first, after, last, before, total, items) =>
                new PageRequest(first, Cursor(after), last, Cursor(before), total, items));
        var counts = Gen.OneOf(Gen.Int[0, 3], Gen.Int[0, 40]).Array[1, 6];
        await Gen.Select(counts, page).SampleAsync(async (counts, request) =>
        {
            var lists = new Lists(counts);
            var keys = Enumerable.Range(0, counts.Length).ToList();

            var connections = await Paging.ToConnectionsAsync(lists, keys, request, CancellationToken.None);

            foreach (var key in keys)
            {
                var alone = await Paging.ToConnectionAsync(new OneList(counts[key]), request, CancellationToken.None);
                var batched = connections[key];
                Assert.Equal(alone.Items!, batched.Items!);
                Assert.Equal(alone.TotalCount, batched.TotalCount);
                Assert.Equal(alone.PageInfo!.HasNextPage, batched.PageInfo!.HasNextPage);
                Assert.Equal(alone.PageInfo.HasPreviousPage, batched.PageInfo.HasPreviousPage);
                Assert.Equal(alone.Edges!.Select(e => e.Cursor), batched.Edges!.Select(e => e.Cursor));
            }

            Assert.True(lists.Counts <= 1, $"{lists.Counts} counts");
            var forward = request.Last is null && request.Before is null;
            Assert.True(forward ? lists.Reads <= 1 : lists.Reads <= counts.Length, $"{lists.Reads} reads");
        }, iter: 2000);
    }

    private static string? Cursor(int? position) => position is { } p ? Paging.ToCursor(p) : null;

    private sealed class OneList(int count) : IPageSource<int>
    {
        public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(count);

        public Task<List<int>> ReadAsync(int skip, int take, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Range(skip, Math.Max(0, Math.Min(take, count - skip))).ToList());
    }

    private sealed class Lists(int[] counts) : IPageSources<int, int>
    {
        public int Counts { get; private set; }

        public int Reads { get; private set; }

        public Task<IReadOnlyDictionary<int, int>> CountAsync(
            IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Counts++;
            return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => counts[k]));
        }

        public Task<IReadOnlyDictionary<int, IReadOnlyList<int>>> ReadAsync(
            IReadOnlyList<int> keys, int skip, int take, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyDictionary<int, IReadOnlyList<int>>>(keys
                .Where(k => counts[k] > skip)
                .ToDictionary(
                    k => k,
                    k => (IReadOnlyList<int>)[.. Enumerable.Range(skip, Math.Min(take, counts[k] - skip))]));
        }
    }
}
