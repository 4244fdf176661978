namespace InterAssociatif.Governance.Tests.Webhooks;

/// <summary>
/// Webhooks across a killed process and across two instances: real host processes on one SQLite file, and a
/// real receiver on 127.0.0.1 that goes down and comes back on the same port.
/// </summary>
public sealed class WebhookProcessTests : IAsyncLifetime
{
    // A host killed while it held an endpoint's lease leaves it for 30 s at most: the restarted one waits that out.
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(45);
    private readonly TemporaryFolder _data = new();
    private readonly List<HostProcess> _hosts = [];

    private HostProcess NewHost()
    {
        var settings = new Dictionary<string, string>
        {
            ["Webhooks__AllowedHosts__0"] = "127.0.0.1",
            ["Webhooks__AllowInsecureHttp"] = "true",
        };
        for (var i = 0; i < 30; i++)
        {
            settings[$"Webhooks__RetrySchedule__{i}"] = "00:00:00.3";
        }

        var host = new HostProcess(_data.Path, settings);
        _hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task Decisions_recorded_while_the_receiver_is_down_reach_it_in_order_after_a_host_restart()
    {
        var host = NewHost();
        await host.StartAsync();
        var partner = host.GraphQL(await host.TokenAsync("partner"));
        var coordinator = host.GraphQL(await host.TokenAsync("coordinator"));
        await using var receiver = new WebhookReceiver(); // not started: its port refuses connections
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);

        var titles = new[] { "Pendant la panne 1", "Pendant la panne 2", "Pendant la panne 3" };
        foreach (var title in titles)
        {
            await Webhooks.RecordAsync(coordinator, title);
        }

        // It tried, and failed, while the receiver was down.
        await Webhooks.WaitForAsync(partner, endpoint, s => s.Int("node.failures") >= 2);
        await host.KillAsync();

        await receiver.StartAsync();
        await host.StartAsync();
        var received = new List<ReceivedWebhook>();
        foreach (var unused in titles)
        {
            received.Add(
                await receiver.NextAsync(Soon) ?? throw new Xunit.Sdk.XunitException($"only {received.Count} came")
            );
        }

        Assert.Equal(
            titles, received.Select(r => JsonNode.Parse(r.Body)!["data"]!["decision"]!["title"]!.GetValue<string>()));
        Assert.Equal(3, received.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task With_two_instances_each_event_reaches_the_endpoint_once()
    {
        var a = NewHost();
        await a.StartAsync(); // the first creates the database and the signing key
        var b = NewHost();
        await b.StartAsync();
        var partner = a.GraphQL(await a.TokenAsync("partner"));
        var coordinator = await a.TokenAsync("coordinator");
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);

        var titles = Enumerable.Range(1, 8).Select(i => $"Décision {i} sur deux instances").ToList();
        for (var i = 0; i < titles.Count; i++)
        {
            await Webhooks.RecordAsync((i % 2 == 0 ? a : b).GraphQL(coordinator), titles[i]);
        }

        var received = new List<ReceivedWebhook>();
        foreach (var unused in titles)
        {
            received.Add(
                await receiver.NextAsync(Soon) ?? throw new Xunit.Sdk.XunitException($"only {received.Count} came")
            );
        }

        // Every attempt is logged, even one whose instance lost the endpoint meanwhile: once the endpoint has moved
        // past the last event, the log and the receiver hold each event exactly once, in order.
        var last = JsonNode.Parse(received[^1].Body)!["position"]!.GetValue<string>();
        await Webhooks.WaitForAsync(partner, endpoint, s => s.String("node.position") == last);
        Assert.Equal(
            titles, received.Select(r => JsonNode.Parse(r.Body)!["data"]!["decision"]!["title"]!.GetValue<string>()));
        var log = await Webhooks.DeliveriesAsync(b.GraphQL(await b.TokenAsync("coordinator")), endpoint, 50);
        Assert.Equal(titles.Count, log.Count);
        Assert.Equal(titles.Count, log.Select(a => a!["position"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(titles.Count, receiver.All.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _data.Dispose();
    }
}
