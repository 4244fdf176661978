namespace InterAssociatif.Benchmarks;

/// <summary>
/// Two host instances (real processes, one SQLite file) and a real <c>redis-server</c>: decisions are
/// recorded on A one after another while a graphql-transport-ws subscriber listens on B; the latency is
/// from sending the mutation on A to receiving the event on B. Then Redis is killed (B reads the log on
/// its poll interval) and started again (how long until B receives by push again).
/// </summary>
internal static class InstancesBenchmark
{
    private const string Subscription = "subscription { decisionRecorded { cursor decision { title } } }";
    private const string Record =
        "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }";

    public static async Task RunAsync(int decisions)
    {
        var data = Path.Combine(Path.GetTempPath(), "interassociatif-instances-" + Guid.NewGuid().ToString("N"));
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Events__PollInterval"] = "00:00:02",
            ["GraphQL__Limits__RateLimitPermits"] = "1000000",
        };
        await using var a = new HostProcess(data, settings);
        await a.StartAsync();
        await using var b = new HostProcess(data, settings);
        await b.StartAsync();
        try
        {
            var coordinator = a.GraphQL(await a.TokenAsync("coordinator"));
            var partner = await a.TokenAsync("partner");
            var bodyId = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }")).String(
                "bodies.nodes[0].id"
            );
            await using var socket = await GraphQLWebSocketClient.InitializedAsync(
                b.Origin, new { Authorization = $"Bearer {partner}" });
            await socket.ListeningAsync("feed", new { query = Subscription });

            async Task<(List<double> Latencies, bool Ordered)> MeasureAsync(string phase, int count)
            {
                var latencies = new List<double>();
                var ordered = true;
                for (var i = 0; i < count; i++)
                {
                    var title = $"{phase} {i}";
                    var clock = Stopwatch.StartNew();
                    await coordinator.QueryAsync(
                        Record,
                        new
                        {
                            input = new
                            {
                                bodyId,
                                title,
                                decidedOn = "2022-01-01",
                            },
                        }
                    );
                    var received = await socket.ReceiveAsync(TimeSpan.FromSeconds(30));
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    ordered &=
                        received?["payload"]?["data"]?["decisionRecorded"]?["decision"]?["title"]?.GetValue<string>()
                        == title;
                }

                return (latencies, ordered);
            }

            _ = await MeasureAsync("warm-up", 10);
            var pushed = await MeasureAsync("pushed", decisions);
            var revocations = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                revocations.Add(await RevocationAsync(coordinator, b));
            }

            await redis.StopAsync();
            await b.WaitForCheckAsync("redis", "Degraded", TimeSpan.FromSeconds(30));
            var polled = await MeasureAsync("polled", Math.Max(5, decisions / 10));

            var back = Stopwatch.StartNew();
            await redis.StartAsync();
            var returned = await b.WaitForCheckAsync("redis", "Healthy", TimeSpan.FromSeconds(60));
            var toPush = back.Elapsed.TotalSeconds;
            var again = await MeasureAsync("pushed again", Math.Max(5, decisions / 10));

            Console.WriteLine("Decisions recorded on A one after another; latency from sending the mutation on A");
            Console.WriteLine("to receiving the event on B (graphql-transport-ws), Events:PollInterval = 2 s.");
            Console.WriteLine(
                $"{"phase",-28} {"decisions",9} {"p50",9} {"p99",9} {"max",9}  exactly once, in order"
            );
            void Row(string name, (List<double> Latencies, bool Ordered) m) =>
                Console.WriteLine(
                    $"{name,-28} {m.Latencies.Count,9} {P(m.Latencies, 0.5),6:F1} ms "
                        + $"{P(m.Latencies, 0.99),6:F1} ms {m.Latencies.Max(),6:F1} ms  {(m.Ordered ? "yes" : "NO")}"
                );
            Row("Redis up (push)", pushed);
            Row("Redis killed (log polled)", polled);
            Row("Redis back (push again)", again);
            Console.WriteLine(
                $"An API key revoked on A closed its WebSocket on B after p50 {P(revocations, 0.5):F1} ms, "
                    + $"max {revocations.Max():F1} ms (10 keys, Redis up)."
            );
            Console.WriteLine(
                returned
                    ? $"B received by push again {toPush.ToString("F1", CultureInfo.InvariantCulture)} s "
                        + "after Redis restarted."
                    : "B did NOT go back to push within 60 s."
            );
        }
        finally
        {
            await b.KillAsync();
            await a.KillAsync();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// Issues a key, opens a WebSocket with it on B, revokes it on A: milliseconds until B closes it.
    /// </summary>
    private static async Task<double> RevocationAsync(GraphQLTestClient coordinator, HostProcess b)
    {
        var issued = await coordinator.QueryAsync(
            "mutation { issueApiKey(input: { name: \"Mesure\", scopes: [SUBSCRIBE_DECISIONS] }) "
                + "{ issued { secret apiKey { id } } } }"
        );
        await using var socket = await GraphQLWebSocketClient.InitializedAsync(
            b.Origin, new { apiKey = issued.String("issueApiKey.issued.secret") });
        var clock = Stopwatch.StartNew();
        await coordinator.QueryAsync(
            "mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { errors { code } } }",
            new { input = new { id = issued.String("issueApiKey.issued.apiKey.id") } }
        );
        var closed = await socket.ReceiveAsync(TimeSpan.FromSeconds(30));
        return closed is null ? clock.Elapsed.TotalMilliseconds : double.NaN;
    }

    private static double P(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
    }
}
