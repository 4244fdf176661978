using InterAssociatif.Host.Retention;
using Microsoft.Extensions.Configuration;

namespace InterAssociatif.Host.Tests.Retention;

/// <summary>
/// The logs kept for a while only (<see cref="IRetainedLog"/>), on a real database file: the audit trail pruned at its
/// window to the tick, in batches, its entries' objects with them; the window read from the configuration, refused
/// with its key when it is not a number of days; every registered log documented and pruned by the host.
/// </summary>
public sealed class RetentionTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task The_audit_trail_keeps_what_its_window_holds_and_deletes_the_rest_in_batches()
    {
        var service = factory.Services.GetRequiredService<RetentionService>();
        var now = DateTimeOffset.UtcNow;
        var cutoff = now - TimeSpan.FromDays(365);
        var old = Enumerable.Range(0, RetentionService.Batch * 2 + 7)
            .Select(i => cutoff - TimeSpan.FromDays(1) - TimeSpan.FromSeconds(i))
            .Append(cutoff - TimeSpan.FromTicks(1))
            .ToList();
        var kept = new[] { cutoff, cutoff + TimeSpan.FromTicks(1), now - TimeSpan.FromDays(1) };
        var seeded = await SeedAsync([.. old, .. kept]);

        var counts = await service.PruneAsync(now, CancellationToken.None);

        Assert.Equal(old.Count, counts["AuditTrail"]);
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AccessDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var left = await db.AuditEntries.Where(e => seeded.Contains(e.Id)).Select(e => e.At).ToListAsync();
        Assert.Equal(kept.Select(k => k.UtcTicks).Order(), left.Select(at => at.UtcTicks).Order());
        var objects = await db.AuditObjects.Where(o => seeded.Contains(o.EntryId)).CountAsync();
        Assert.Equal(kept.Length, objects);
        Assert.Equal(0, (await service.PruneAsync(now, CancellationToken.None))["AuditTrail"]);
    }

    [Theory]
    [InlineData(null, 365)]
    [InlineData("", 365)]
    [InlineData("30", 30)]
    [InlineData("0", null)]
    [InlineData("36500", 36500)]
    public void The_window_is_the_setting_in_days_or_the_logs_own_and_0_keeps_for_good(string? setting, int? days)
    {
        var log = factory.Services.GetServices<IRetainedLog>().Single(l => l.Name == "AuditTrail");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:AuditTrailDays"] = setting })
            .Build();
        Assert.Equal(days is { } d ? TimeSpan.FromDays(d) : null, RetentionService.Window(log, configuration));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("a year")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("36501")]
    [InlineData("2147483647")]
    public void A_window_that_is_not_a_number_of_days_is_refused_naming_its_key(string setting)
    {
        var log = factory.Services.GetServices<IRetainedLog>().Single(l => l.Name == "AuditTrail");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:AuditTrailDays"] = setting })
            .Build();
        var refused = Assert.Throws<InvalidOperationException>(() => { RetentionService.Window(log, configuration); });
        Assert.Contains("Retention:AuditTrailDays", refused.Message, StringComparison.Ordinal);
        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Every log a module or the host registers: kept a while by default, pruned, and documented.</summary>
    [Fact]
    public async Task Every_retained_log_has_a_default_window_is_pruned_and_is_in_the_READMEs_configuration()
    {
        var logs = factory.Services.GetServices<IRetainedLog>().ToList();
        var readme = await File.ReadAllTextAsync(RepositoryFiles.Path("README.md"));
        var counts = await factory.Services.GetRequiredService<RetentionService>()
            .PruneAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(logs.Count >= 2, $"{logs.Count} retained logs were found");
        Assert.All(logs, log =>
        {
            Assert.True(log.DefaultWindow >= TimeSpan.FromDays(1), $"{log.Name}: {log.DefaultWindow}");
            Assert.Contains(log.Name, counts.Keys);
            Assert.Contains($"`Retention:{log.Name}Days`", readme, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Between two full batches the service waits, on its clock, before the next: writers waiting for SQLite's write
    /// lock get it. Three full batches and a last one: two pauses, then done.
    /// </summary>
    [Fact]
    public async Task Full_batches_are_paused_between_so_that_writers_get_in()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new Batches(RetentionService.Batch, RetentionService.Batch, RetentionService.Batch, 7);
        var quiet = Microsoft.Extensions.Logging.Abstractions.NullLogger<RetentionService>.Instance;
        var service = new RetentionService([log], new ConfigurationBuilder().Build(), time, quiet);

        var pruning = service.PruneAsync(time.GetUtcNow(), CancellationToken.None);
        for (var pause = 1; pause <= 3; pause++)
        {
            Assert.Equal(pause, log.Calls);
            Assert.False(pruning.IsCompleted, $"it did not wait after batch {pause}");
            time.Advance(TimeSpan.FromMilliseconds(199));
            Assert.Equal(pause, log.Calls);
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(RetentionService.Batch * 3 + 7, (await pruning)["Test"]);
        Assert.Equal(4, log.Calls);
    }

    /// <summary>A log that deletes the given counts, one per call (the service's pacing is what is tested).</summary>
    private sealed class Batches(params int[] counts) : IRetainedLog
    {
        public int Calls { get; private set; }

        public string Name => "Test";

        public TimeSpan DefaultWindow => TimeSpan.FromDays(1);

        public Task<int> PruneAsync(DateTimeOffset before, int batch, CancellationToken cancellationToken) =>
            Task.FromResult(counts[Calls++]);
    }

    private async Task<List<Guid>> SeedAsync(IReadOnlyList<DateTimeOffset> instants)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AccessDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var entries = instants.Select(at =>
        {
            var id = Guid.CreateVersion7(at);
            return new AuditEntry
            {
                Id = id,
                At = at,
                Operation = "retentionTest",
                Outcome = InterAssociatif.Kernel.GraphQL.AuditOutcome.Accepted,
                Succeeded = true,
                Objects = [new AuditObject { EntryId = id, ObjectId = "T2JqZWN0OjE" }],
            };
        }).ToList();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
        return entries.Select(e => e.Id).ToList();
    }
}
