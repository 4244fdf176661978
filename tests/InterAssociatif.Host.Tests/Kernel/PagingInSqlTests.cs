namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>
/// Paging in SQL answers what paging the same rows in memory answers, for every size of table, cursor
/// and page size; a forward page without <c>totalCount</c> sends one command and counts nothing, and
/// <c>totalCount</c> alone sends only the count. On a real SQLite file.
/// </summary>
public sealed class PagingInSqlTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"paging-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_forward_page_without_total_count_is_the_page_paged_in_memory_in_one_command()
    {
        await using (var setup = NewContext(new SqlCommandCounter()))
        {
            await setup.Database.EnsureCreatedAsync();
            setup.Rows.AddRange(Enumerable.Range(1, 30).Select(i => new Row { Id = i }));
            await setup.SaveChangesAsync();
        }

        var cases = Gen.Int[0, 30].SelectMany(total => Gen.Select(
            Gen.Const(total),
            Gen.Int[-1, Math.Max(-1, total - 1)],
            Gen.Int[-1, total + 2]));
        await cases.SampleAsync(
            async (total, after, first) =>
            {
                var cursor = after < 0 ? null : Paging.ToCursor(after);
                int? size = first < 0 ? null : first;
                var expected = Paging.FromList(
                    Enumerable.Range(1, total).ToList(), new PageRequest(size, cursor, null, null));

                // CsCheck runs samples in parallel: each has its own counter.
                var commands = new SqlCommandCounter();
                await using var db = NewContext(commands);
                commands.Reset();
                var actual = await Paging.ToConnectionAsync(
                    db.Rows.Where(r => r.Id <= total).OrderBy(r => r.Id).Select(r => r.Id),
                    new PageRequest(size, cursor, null, null, WantsTotal: false),
                    CancellationToken.None);
                Assert.Equal(
                    expected.Edges!.Select(e => (e.Node, e.Cursor)), actual.Edges!.Select(e => (e.Node, e.Cursor)));
                Assert.Equal(expected.PageInfo!.HasNextPage, actual.PageInfo!.HasNextPage);
                Assert.Equal(expected.PageInfo.HasPreviousPage, actual.PageInfo.HasPreviousPage);
                Assert.Equal(expected.PageInfo.EndCursor, actual.PageInfo.EndCursor);
                Assert.Equal(1, commands.Count);
                Assert.DoesNotContain(
                    commands.Recent, sql => sql.Contains("COUNT", StringComparison.OrdinalIgnoreCase));
            },
            iter: 300);
    }

    [Fact]
    public async Task Total_count_alone_sends_only_the_count()
    {
        var commands = new SqlCommandCounter();
        await using var db = NewContext(commands);
        await db.Database.EnsureCreatedAsync();
        db.Rows.AddRange(Enumerable.Range(1, 7).Select(i => new Row { Id = i }));
        await db.SaveChangesAsync();
        commands.Reset();
        var connection = await Paging.ToConnectionAsync(
            db.Rows.OrderBy(r => r.Id),
            new PageRequest(3, null, null, null, WantsItems: false),
            CancellationToken.None);
        Assert.Equal(7, connection.TotalCount);
        Assert.Equal(1, commands.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private RowsContext NewContext(SqlCommandCounter commands) =>
        new(new DbContextOptionsBuilder<RowsContext>()
            .UseSqlite($"Data Source={_file}")
            .AddInterceptors(commands)
            .Options);

    private sealed class Row
    {
        public int Id { get; set; }
    }

    private sealed class RowsContext(DbContextOptions<RowsContext> options) : DbContext(options)
    {
        public DbSet<Row> Rows => Set<Row>();
    }
}
