namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>Ids created together keep their order, as text (how SQLite stores and sorts them) and as Guids.</summary>
public sealed class SequentialIdsTests
{
    [Fact]
    public void Ids_created_together_sort_in_creation_order_and_stay_version_7()
    {
        var instants = Gen.Long[0, 4_102_444_800_000L].Select(DateTimeOffset.FromUnixTimeMilliseconds);
        Gen.Select(instants, Gen.Int[1, 10_000]).Sample((at, count) =>
        {
            var ids = new SequentialIds(at);
            var created = Enumerable.Range(0, count).Select(_ => ids.Next()).ToList();
            Assert.Equal(created, created.Order().ToList());
            Assert.Equal(
                created.Select(i => i.ToString()), created.Select(i => i.ToString()).Order(StringComparer.Ordinal));
            Assert.All(created, id => Assert.Equal(7, id.Version));
            Assert.All(created, id => Assert.Equal(0b10, id.Variant >> 2));
            Assert.Equal(count, created.Distinct().Count());
        }, iter: 200);
    }
}
