namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>
/// A loader of children by their foreign key, on a real SQLite file: any batch of parents gets exactly the children
/// the same rows grouped in memory give, in the shape's order, from one SQL command that filters by the key.
/// </summary>
public sealed class ChildLoaderTests : IDisposable
{
    private static readonly Guid[] Parents = [.. Enumerable.Range(1, 5).Select(i => new Guid(i, 0, 0, new byte[8]))];

    private static readonly ChildLoader<NotesContext, Note> ByOwner = new(
        "notesByOwner", n => n.OwnerId, q => q.OrderBy(n => n.Rank).ThenBy(n => n.Id));

    private static readonly ChildLoader<NotesContext, Note> ByTopic = new(
        "notesByTopic", n => n.TopicId, q => q.OrderByDescending(n => n.Rank).ThenBy(n => n.Id));

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"children-{Guid.NewGuid():N}.db");
    private readonly SqlCommandCounter _commands = new();

    [Fact]
    public async Task Any_batch_of_parents_gets_their_children_grouped_and_ordered_from_one_filtered_command()
    {
        var notes = Gen.Select(Gen.Int[0, 4], Gen.Int[-1, 4], Gen.Int[0, 3])
            .Select((owner, topic, rank) => (Parents[owner], topic < 0 ? (Guid?)null : Parents[topic], rank))
            .Array[0, 12];
        var batches = Gen.Int[0, 4].Select(i => Parents[i]).Array[1, 5];
        using var services = Services();
        await Gen.Select(notes, batches).SampleAsync(
            async (rows, batch) =>
            {
                var stored = await StoreAsync(services, rows);
                await AssertLoadsAsync(
                    services, ByOwner, batch, stored, n => n.OwnerId, q => q.OrderBy(n => n.Rank).ThenBy(n => n.Id));
                await AssertLoadsAsync(
                    services, ByTopic, batch, stored, n => n.TopicId,
                    q => q.OrderByDescending(n => n.Rank).ThenBy(n => n.Id));
            },
            iter: 60,
            threads: 1);
    }

    private async Task AssertLoadsAsync(
        ServiceProvider services,
        ChildLoader<NotesContext, Note> loader,
        Guid[] batch,
        IReadOnlyList<Note> stored,
        Func<Note, Guid?> key,
        Func<IEnumerable<Note>, IEnumerable<Note>> order)
    {
        using var scope = services.CreateScope();
        var context = new ResolveFieldContext { RequestServices = scope.ServiceProvider };
        _commands.Reset();
        var pending = batch.Select(parent => loader.Load(context, parent)).ToList();
        for (var i = 0; i < batch.Length; i++)
        {
            var expected = order(stored.Where(n => key(n) == batch[i])).Select(n => n.Id);
            Assert.Equal(expected, (await pending[i].GetResultAsync()).Select(n => n.Id));
        }

        var sql = Assert.Single(_commands.Recent);
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        var filter = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..];
        var column = loader == ByOwner ? "\"OwnerId\"" : "\"TopicId\"";
        Assert.Contains(column + (batch.Distinct().Count() == 1 ? " = @" : " IN ("), filter, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Note>> StoreAsync(
        ServiceProvider services, (Guid Owner, Guid? Topic, int Rank)[] rows)
    {
        var factory = services.GetRequiredService<IDbContextFactory<NotesContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        await db.Notes.ExecuteDeleteAsync();
        var notes = rows
            .Select(r => new Note { Id = Guid.NewGuid(), OwnerId = r.Owner, TopicId = r.Topic, Rank = r.Rank })
            .ToList();
        db.Notes.AddRange(notes);
        await db.SaveChangesAsync();
        return notes;
    }

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddScoped<DataLoaderContext>()
            .AddDbContextFactory<NotesContext>(o => o.UseSqlite($"Data Source={_file}").AddInterceptors(_commands))
            .BuildServiceProvider();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    public sealed class Note
    {
        public Guid Id { get; set; }

        public Guid OwnerId { get; set; }

        public Guid? TopicId { get; set; }

        public int Rank { get; set; }
    }

    public sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }
}
