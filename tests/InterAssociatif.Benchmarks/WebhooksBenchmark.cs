namespace InterAssociatif.Benchmarks;

/// <summary>
/// Webhook deliveries under load: the host (a real process on loopback, receivers allowed on 127.0.0.1) and real
/// receivers in this process. Each round registers its endpoints, records <c>decisions</c> decisions back to back
/// as a coordinator, waits until every endpoint has every decision (at most 2 minutes), then deletes its endpoints.
/// Rounds: no endpoint; <c>endpoints</c> endpoints answering at once; the same plus <c>slow</c> endpoints that take
/// 2 s to answer each delivery (one delivery in flight per endpoint: a slow one receives its decisions at its own
/// pace; the round waits for the fast ones only). Prints recordDecision's latency (p50/p99), the delivery latency
/// from the start of the mutation to the receiver reading the body (p50/p99, over every decision × fast endpoint),
/// the fast endpoints' deliveries per second (from the first mutation to the last delivery), and whether every fast
/// endpoint got every decision exactly once (by <c>webhook-id</c>) and in order, and every slow one a prefix of them.
/// Usage: <c>dotnet build -c Release host/InterAssociatif.Host &amp;&amp; dotnet run -c Release --project
/// tests/InterAssociatif.Benchmarks -- webhooks [endpoints=50] [decisions=100] [slow=1]</c>.
/// </summary>
internal static class WebhooksBenchmark
{
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(int endpoints, int decisions, int slow)
    {
        var root = RefusalBenchmark.RepositoryRoot();
        var data = Path.Combine(Path.GetTempPath(), "interassociatif-webhooks-" + Guid.NewGuid().ToString("N"));
        var port = RefusalBenchmark.FreePort();
        using var host = RefusalBenchmark.StartHost(
            RefusalBenchmark.HostDll(root), data, port, "--environment", "Development", "--Ide:Enabled", "true",
            "--Webhooks:AllowedHosts:0", "127.0.0.1", "--Webhooks:AllowInsecureHttp", "true");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await using var fast = new WebhookReceiver();
        await using var late = new WebhookReceiver { Delay = SlowAnswer };
        await fast.StartAsync();
        await late.StartAsync();
        try
        {
            await RefusalBenchmark.WaitReadyAsync(http);
            var token = await (await http.PostAsJsonAsync("/ide/token", new { role = "coordinator" }))
                .Content.ReadFromJsonAsync<JsonObject>();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token!["token"]!.GetValue<string>());
            var bodies = await SubscribersBenchmark.PostAsync(
                http, new { query = "{ bodies(first: 1) { nodes { id } } }" });
            var bodyId = bodies["data"]!["bodies"]!["nodes"]![0]!["id"]!.GetValue<string>();

            // Warm-up (JIT, pools, connections), not measured.
            _ = await RoundAsync(http, bodyId, fast, late, 2, 0, 10, "warm-up");

            Console.WriteLine($"{decisions} decisions recorded back to back; latency from the mutation's start.");
            Console.WriteLine(
                $"{"endpoints",9} {"slow",4} {"recordDecision p50",19} {"p99",8} {"delivery p50",13} {"p99",9} "
                + $"{"deliveries/s",12} {"exactly once, in order",23}");
            var round = 0;
            foreach (var (count, slowCount) in new[] { (0, 0), (endpoints, 0), (endpoints, slow) }.Distinct())
            {
                var result = await RoundAsync(http, bodyId, fast, late, count, slowCount, decisions, $"r{++round}");
                var none = count == 0;
                Console.WriteLine(
                    $"{count,9} {slowCount,4} {SubscribersBenchmark.P(result.Mutation, 0.5),16:F1} ms "
                    + $"{SubscribersBenchmark.P(result.Mutation, 0.99),5:F1} ms "
                    + $"{(none ? "-" : $"{SubscribersBenchmark.P(result.Delivery, 0.5):F1} ms"),13} "
                    + $"{(none ? "-" : $"{SubscribersBenchmark.P(result.Delivery, 0.99):F1} ms"),9} "
                    + $"{(none ? "-" : $"{result.PerSecond:F0}"),12} "
                    + $"{(none ? "-" : result.Complete ? "yes" : "NO"),23}");
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    private sealed record Round(List<double> Mutation, List<double> Delivery, double PerSecond, bool Complete);

    private static async Task<Round> RoundAsync(
        HttpClient http, string bodyId, WebhookReceiver fast, WebhookReceiver late, int count, int slow, int decisions,
        string prefix)
    {
        var paths = new List<(string Path, WebhookReceiver Receiver)>();
        var ids = new List<string>();
        for (var i = 0; i < count + slow; i++)
        {
            var receiver = i < count ? fast : late;
            var url = receiver.Url.Replace("/hooks/decisions", $"/hooks/{prefix}/{i}", StringComparison.Ordinal);
            paths.Add((new Uri(url).AbsolutePath, receiver));
            ids.Add(await RegisterAsync(http, url));
        }

        var mutation = new List<double>();
        var started = new Dictionary<string, long>();
        var first = Stopwatch.GetTimestamp();
        for (var k = 0; k < decisions; k++)
        {
            var title = $"{prefix}-{k}";
            started[title] = Stopwatch.GetTimestamp();
            await RecordAsync(http, bodyId, title);
            mutation.Add(Stopwatch.GetElapsedTime(started[title]).TotalMilliseconds);
        }

        var wait = Stopwatch.StartNew();
        while (paths.Any(p => p.Receiver == fast && Of(p.Receiver, p.Path).Count < decisions)
            && wait.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(10);
        }

        var delivery = new List<double>();
        var complete = true;
        var last = first;
        foreach (var (path, receiver) in paths)
        {
            var received = Of(receiver, path);
            var titles = received
                .Select(r => JsonNode.Parse(r.Body)!["data"]!["decision"]!["title"]!.GetValue<string>())
                .ToList();
            var expected = Enumerable.Range(0, receiver == fast ? decisions : titles.Count)
                .Select(k => $"{prefix}-{k}");
            complete &= titles.SequenceEqual(expected)
                && received.Select(r => r.Id).Distinct().Count() == titles.Count;
            if (receiver == fast)
            {
                delivery.AddRange(received.Zip(titles, (r, t) => (r.At - started[t]) * 1000.0 / Stopwatch.Frequency));
                last = Math.Max(last, received.Count > 0 ? received.Max(r => r.At) : last);
            }
        }

        foreach (var id in ids)
        {
            var deleted = await SubscribersBenchmark.PostAsync(http, new
            {
                query = "mutation($input: DeleteWebhookEndpointInput!) "
                    + "{ deleteWebhookEndpoint(input: $input) { errors { code } } }",
                variables = new { input = new { id } },
            });
            Expect(deleted, "deleteWebhookEndpoint");
        }

        var seconds = (last - first) / (double)Stopwatch.Frequency;
        return new(mutation, delivery, count * decisions / seconds, complete);
    }

    private static List<ReceivedWebhook> Of(WebhookReceiver receiver, string path) =>
        receiver.All.Where(r => r.Path == path).ToList();

    private static async Task<string> RegisterAsync(HttpClient http, string url)
    {
        var registered = await SubscribersBenchmark.PostAsync(http, new
        {
            query = "mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) "
                + "{ issued { endpoint { id } } errors { code field message } } }",
            variables = new { input = new { url, events = new[] { "DECISION_RECORDED" } } },
        });
        Expect(registered, "registerWebhookEndpoint");
        return registered["data"]!["registerWebhookEndpoint"]!["issued"]!["endpoint"]!["id"]!.GetValue<string>();
    }

    private static async Task RecordAsync(HttpClient http, string bodyId, string title)
    {
        var recorded = await SubscribersBenchmark.PostAsync(http, new
        {
            query = "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
            variables = new { input = new { bodyId, title, decidedOn = "2020-01-01" } },
        });
        Expect(recorded, "recordDecision");
    }

    private static void Expect(JsonObject answer, string mutation)
    {
        if (answer["errors"] is not null || answer["data"]?[mutation]?["errors"] is JsonArray { Count: > 0 })
        {
            throw new InvalidOperationException($"{mutation} failed: {answer.ToJsonString()}");
        }
    }
}
