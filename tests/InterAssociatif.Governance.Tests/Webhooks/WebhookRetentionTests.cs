using InterAssociatif.Kernel.Persistence;

namespace InterAssociatif.Governance.Tests.Webhooks;

/// <summary>
/// Webhook delivery attempts are a log kept for a while only (<c>Retention:WebhookAttemptsDays</c>): pruned at the
/// cutoff to the tick, whatever their endpoint, on a real database file; the endpoints and the newer attempts stay.
/// </summary>
public sealed class WebhookRetentionTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Attempts_older_than_the_cutoff_are_deleted_and_no_other()
    {
        var log = factory.Services.GetServices<IRetainedLog>().Single(l => l.Name == "WebhookAttempts");
        var cutoff = DateTimeOffset.UtcNow - log.DefaultWindow;
        DateTimeOffset[] old = [cutoff - TimeSpan.FromDays(400), cutoff - TimeSpan.FromTicks(1)];
        DateTimeOffset[] kept = [cutoff, cutoff + TimeSpan.FromTicks(1), DateTimeOffset.UtcNow];
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        var endpoints = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.WebhookEndpoints.AddRange(endpoints.Select(id => new WebhookEndpoint
            {
                Id = id,
                Url = "https://partner.example.org/hooks",
                Events = "decision.recorded",
                Owner = "test-partner",
                Secret = "not used",
                Status = WebhookEndpointStatus.Paused,
                CreatedAt = cutoff - TimeSpan.FromDays(500),
            }));
            var attempts = endpoints.SelectMany(endpoint => old.Concat(kept).Select((at, i) => new WebhookAttempt
            {
                Id = Guid.CreateVersion7(at),
                EndpointId = endpoint,
                Sequence = i + 1,
                EventType = "decision.recorded",
                Attempt = 1,
                At = at,
                Succeeded = true,
            }));
            db.WebhookAttempts.AddRange(attempts);
            await db.SaveChangesAsync();
        }

        Assert.Equal(old.Length * endpoints.Length, await log.PruneAsync(cutoff, 1000, CancellationToken.None));

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var left = await db.WebhookAttempts.Where(a => endpoints.Contains(a.EndpointId)).ToListAsync();
            Assert.Equal(
                endpoints.SelectMany(_ => kept).Select(at => at.UtcTicks).Order(),
                left.Select(a => a.At.UtcTicks).Order());
            Assert.Equal(2, await db.WebhookEndpoints.CountAsync(e => endpoints.Contains(e.Id)));
        }

        Assert.Equal(0, await log.PruneAsync(cutoff, 1000, CancellationToken.None));
    }
}
