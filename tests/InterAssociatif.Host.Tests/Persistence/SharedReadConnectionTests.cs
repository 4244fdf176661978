using InterAssociatif.Host.Access;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.Persistence;
using InterAssociatif.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>
/// An operation's reads share one connection across modules, taken from the host's pool and given
/// back; writes keep their own; two reads overlapping on the shared connection are refused. On the
/// host's real database file.
/// </summary>
public sealed class SharedReadConnectionTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private ReadConnectionPool Pool => factory.Services.GetRequiredService<ReadConnectionPool>();

    private List<IModuleDatabase> Modules => [.. factory.Services.GetServices<IModuleDatabase>()];

    [Fact]
    public async Task Every_module_reads_through_the_one_connection_of_the_scope_and_the_next_scope_reuses_it()
    {
        Assert.True(Modules.Count >= 5, "the host's four modules and its own tables");
        System.Data.Common.DbConnection first;
        await using (SharedReadConnection.Begin(Pool))
        {
            var contexts = Modules.Select(m => m.CreateContext()).ToList();
            foreach (var db in contexts)
            {
                Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync());
            }

            first = contexts[0].Database.GetDbConnection();
            Assert.All(contexts, db => Assert.Same(first, db.Database.GetDbConnection()));
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }

            Assert.Equal(System.Data.ConnectionState.Open, first.State);
        }

        await using (SharedReadConnection.Begin(Pool))
        {
            await using var db = Modules[^1].CreateContext();
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync());
            Assert.Same(first, db.Database.GetDbConnection());
        }
    }

    [Fact]
    public async Task Outside_a_scope_and_for_a_write_a_context_has_its_own_connection()
    {
        await using var scope = SharedReadConnection.Begin(Pool);
        await using var read = Modules[0].CreateContext();
        await read.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync();
        var factoryOfAccess = factory.Services.GetRequiredService<IDbContextFactory<AccessDbContext>>();
        await using (var change = await factoryOfAccess.BeginChangeAsync(new ErrorList(), CancellationToken.None))
        {
            Assert.NotSame(read.Database.GetDbConnection(), change.Db.Database.GetDbConnection());
        }

        await scope.DisposeAsync();
        await using var after = Modules[0].CreateContext();
        await after.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync();
        Assert.NotSame(read.Database.GetDbConnection(), after.Database.GetDbConnection());
    }

    [Fact]
    public async Task A_read_that_would_overlap_another_on_the_shared_connection_is_refused()
    {
        await using var scope = SharedReadConnection.Begin(Pool);
        await using var a = Modules[0].CreateContext();
        await using var b = Modules[1].CreateContext();
        await using var rows = a.Database.SqlQueryRaw<int>("SELECT 1 AS Value UNION ALL SELECT 2").AsAsyncEnumerable()
            .GetAsyncEnumerator();
        Assert.True(await rows.MoveNextAsync());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            b.Database.SqlQueryRaw<int>("SELECT 3 AS Value").SingleAsync());
        Assert.Contains("at the same time", refused.Message);
        Assert.True(await rows.MoveNextAsync());
        Assert.False(await rows.MoveNextAsync());
        await rows.DisposeAsync();
        Assert.Equal(3, await b.Database.SqlQueryRaw<int>("SELECT 3 AS Value").SingleAsync());
    }
}
