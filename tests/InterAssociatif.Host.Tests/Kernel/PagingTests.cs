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
}
