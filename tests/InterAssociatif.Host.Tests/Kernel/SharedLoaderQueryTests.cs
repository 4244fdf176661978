namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>
/// A loader shared by name (loads by id of a type, its cards) runs the first call site's query for every call site:
/// each call site is checked once to pass the same query, and one with another query fails at its first call.
/// </summary>
public sealed class SharedLoaderQueryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddDbContextFactory<ItemsContext>(o => o.UseSqlite("Data Source=:memory:"))
        .BuildServiceProvider();

    [Fact]
    public void Call_sites_passing_the_same_query_through_different_delegates_pass_again_and_again()
    {
        var loader = new SharedLoaderQuery<ItemsContext, Item>("byId:Item");
        Func<ItemsContext, IQueryable<Item>> first = db => db.Items;
        Func<ItemsContext, IQueryable<Item>> second = db => db.Set<Item>();

        for (var call = 0; call < 3; call++)
        {
            loader.Check(first, null, _services);
            loader.Check(second, null, _services);
        }
    }

    [Fact]
    public void A_call_site_passing_another_query_fails_at_its_first_call_naming_the_loader()
    {
        var loader = new SharedLoaderQuery<ItemsContext, Item>("byId:Item");
        loader.Check(db => db.Items, null, _services);

        var failure = Assert.Throws<InvalidOperationException>(
            () => loader.Check(db => db.Items.Where(i => i.Rank > 0), null, _services));
        Assert.Contains("'byId:Item'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cards_of_one_name_must_project_alike()
    {
        var loader = new SharedLoaderQuery<ItemsContext, Item>("card:Item");
        Expression<Func<Item, Item>> card = i => new Item { Id = i.Id };
        Expression<Func<Item, Item>> sameCard = i => new Item { Id = i.Id };
        Expression<Func<Item, Item>> otherCard = i => new Item { Id = i.Id, Rank = i.Rank };
        loader.Check(db => db.Items, card, _services);
        loader.Check(db => db.Items, sameCard, _services);

        Assert.Throws<InvalidOperationException>(() => loader.Check(db => db.Items, otherCard, _services));
    }

    [Fact]
    public void A_query_made_anew_at_every_call_is_refused_past_the_bound_of_call_sites()
    {
        var loader = new SharedLoaderQuery<ItemsContext, Item>("byId:Item");
        var bound = SharedLoaderQuery<ItemsContext, Item>.CallSites;
        for (var call = 0; call < bound; call++)
        {
            loader.Check(Anew(bound), null, _services);
        }

        var failure = Assert.Throws<InvalidOperationException>(() => loader.Check(Anew(bound), null, _services));
        Assert.Contains($"more than {bound} call sites", failure.Message, StringComparison.Ordinal);

        // A lambda that captures a value: a new delegate at each call, for the same query.
        static Func<ItemsContext, IQueryable<Item>> Anew(int take) => db => db.Items.Take(take);
    }

    public void Dispose() => _services.Dispose();

    public sealed class Item
    {
        public Guid Id { get; set; }

        public int Rank { get; set; }
    }

    public sealed class ItemsContext(DbContextOptions<ItemsContext> options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();
    }
}
