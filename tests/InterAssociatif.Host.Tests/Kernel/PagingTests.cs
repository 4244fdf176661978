using CsCheck;
using InterAssociatif.Kernel.Relay;

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
        var position = Gen.OneOf(Gen.Int[0, 70].Select(p => (int?)p), Gen.Const((int?)null), Gen.Int[int.MaxValue - 1, int.MaxValue].Select(p => (int?)p));
        var size = Gen.OneOf(Gen.Int[0, 100].Select(p => (int?)p), Gen.Const((int?)null));
        Gen.Select(Gen.Int[0, 60], size, position, size, position).Sample((count, first, after, last, before) =>
        {
            var items = Enumerable.Range(0, count).ToArray();
            var page = new PageRequest(first, after is { } a ? Paging.ToCursor(a) : null, last, before is { } b ? Paging.ToCursor(b) : null);

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
}
