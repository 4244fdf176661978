namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>
/// Work a request starts in the background (a feed's log reader, a delivery) inherits the request's asynchronous
/// flow; once it says it is background work, its commands are neither the request's
/// (<see cref="SqlCommandCounter.Count"/>) nor the operation's that started it
/// (<see cref="SqlCommandCounter.CountOperation"/>), on a real SQLite connection.
/// </summary>
public sealed class SqlCommandCounterTests
{
    [Fact]
    public async Task Background_work_started_inside_an_operation_is_counted_apart_from_it()
    {
        var counter = new SqlCommandCounter();
        var options = new DbContextOptionsBuilder<DbContext>()
            .UseSqlite("Data Source=:memory:")
            .AddInterceptors(counter)
            .Options;
        async Task SelectAsync()
        {
            await using var db = new DbContext(options);
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
        }

        var operation = SqlCommandCounter.CountOperation();
        await SelectAsync();
        await Task.Run(async () =>
        {
            SqlCommandCounter.CountAsBackground();
            await SelectAsync();
            await SelectAsync();
        });

        Assert.Equal(1, operation.Value);
        Assert.Equal(1, counter.Count);
        Assert.Equal(2, counter.BackgroundCount);
    }
}
