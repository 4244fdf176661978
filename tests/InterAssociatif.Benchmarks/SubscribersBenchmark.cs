using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace InterAssociatif.Benchmarks;

/// <summary>
/// Fan-out of <c>decisionRecorded</c>: the host (a real process on loopback) with 0, 1 and then
/// <c>subscribers</c> graphql-transport-ws subscribers, one socket each; <c>decisions</c> decisions are
/// recorded one after another (the next once every subscriber has the previous, or after 5 s).
/// Prints recordDecision's latency (p50/p99), the delivery latency from the start of the mutation to
/// each subscriber's <c>next</c> (p50/p99 over every decision × subscriber), and checks that every
/// subscriber got every decision exactly once, in order.
/// Usage: <c>dotnet build -c Release host/InterAssociatif.Host &amp;&amp; dotnet run -c Release --project
/// tests/InterAssociatif.Benchmarks -- subscribers [subscribers=1000] [decisions=30]</c>.
/// </summary>
internal static class SubscribersBenchmark
{
    private const string Subscription = "subscription { decisionRecorded { cursor decision { title } } }";

    public static async Task RunAsync(int subscribers, int decisions)
    {
        var root = RefusalBenchmark.RepositoryRoot();
        var data = Path.Combine(Path.GetTempPath(), "interassociatif-fanout-" + Guid.NewGuid().ToString("N"));
        var port = RefusalBenchmark.FreePort();
        using var host = RefusalBenchmark.StartHost(
            RefusalBenchmark.HostDll(root), data, port, "--environment", "Development", "--Ide:Enabled", "true");
        var origin = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = origin };
        try
        {
            await RefusalBenchmark.WaitReadyAsync(http);
            var token = (
                await (
                    await http.PostAsJsonAsync("/ide/token", new { role = "coordinator" })
                ).Content.ReadFromJsonAsync<JsonObject>()
            )!["token"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var bodies = await PostAsync(http, new { query = "{ bodies(first: 1) { nodes { id } } }" });
            var bodyId = bodies["data"]!["bodies"]!["nodes"]![0]!["id"]!.GetValue<string>();

            // Warm-up (JIT, pools), not measured: a few decisions with one subscriber.
            var warm = await SubscribeAsync(origin, token, 1);
            _ = await RecordAsync(http, bodyId, warm, 10, "warm-up");
            warm.ForEach(w => w.Dispose());

            Console.WriteLine($"{decisions} decisions recorded one after another; latency from the mutation's start.");
            Console.WriteLine(
                $"{"subscribers",11} {"recordDecision p50",19} {"p99",8} "
                    + $"{"delivery p50",13} {"p99",8} {"exactly once, in order",23}"
            );
            var round = 0;
            foreach (var count in new[] { 0, 1, subscribers }.Distinct())
            {
                round++;
                var sockets = await SubscribeAsync(origin, token, count);
                try
                {
                    var (mutation, delivery, ordered) = await RecordAsync(
                        http, bodyId, sockets, decisions, $"r{round}");
                    Console.WriteLine(
                        $"{count,11} {P(mutation, 0.5),16:F1} ms {P(mutation, 0.99),5:F1} ms "
                            + $"{(count == 0 ? "-" : $"{P(delivery, 0.5):F1} ms"),13} "
                            + $"{(count == 0 ? "-" : $"{P(delivery, 0.99):F1} ms"),8} "
                            + $"{(count == 0 ? "-" : ordered ? "yes" : "NO"),23}"
                    );
                }
                finally
                {
                    foreach (var socket in sockets)
                    {
                        socket.Dispose();
                    }
                }
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(List<double> Mutation, List<double> Delivery, bool Ordered)> RecordAsync(
        HttpClient http, string bodyId, IReadOnlyList<Subscriber> sockets, int decisions, string prefix)
    {
        var mutation = new List<double>();
        var started = new long[decisions];
        for (var k = 0; k < decisions; k++)
        {
            var title = $"{prefix}-{k}";
            started[k] = Stopwatch.GetTimestamp();
            var answer = await PostAsync(
                http,
                new
                {
                    query = "mutation($input: RecordDecisionInput!) "
                        + "{ recordDecision(input: $input) { errors { code } } }",
                    variables = new
                    {
                        input = new
                        {
                            bodyId,
                            title,
                            decidedOn = "2020-01-01",
                        },
                    },
                }
            );
            mutation.Add(Stopwatch.GetElapsedTime(started[k]).TotalMilliseconds);
            if (
                answer["data"]?["recordDecision"]?["errors"] is JsonArray { Count: > 0 }
                || answer["errors"] is not null
            )
            {
                throw new InvalidOperationException($"recordDecision failed: {answer.ToJsonString()}");
            }

            var wait = Stopwatch.StartNew();
            while (sockets.Any(s => s.Received.Count <= k) && wait.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(1);
            }
        }

        var delivery = new List<double>();
        var ordered = true;
        foreach (var socket in sockets)
        {
            var titles = socket.Received.Select(r => r.Title).ToList();
            ordered &= titles.SequenceEqual(Enumerable.Range(0, decisions).Select(k => $"{prefix}-{k}"));
            foreach (var (title, at) in socket.Received)
            {
                var k = int.Parse(title[(prefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                delivery.Add((at - started[k]) * 1000.0 / Stopwatch.Frequency);
            }
        }

        return (mutation, delivery, ordered);
    }

    private static async Task<List<Subscriber>> SubscribeAsync(Uri origin, string token, int count)
    {
        var sockets = new List<Subscriber>();
        var ws = new Uri($"ws://{origin.Authority}/graphql");
        for (var i = 0; i < count; i++)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            await socket.ConnectAsync(ws, CancellationToken.None);
            var subscriber = new Subscriber(socket);
            await subscriber.SendAsync(
                new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } }
            );
            await subscriber.ExpectAsync("connection_ack");
            await subscriber.SendAsync(
                new
                {
                    id = "1",
                    type = "subscribe",
                    payload = new { query = Subscription },
                }
            );

            // Messages are handled in order: once the pong is back, the subscription is listening.
            await subscriber.SendAsync(new { type = "ping" });
            await subscriber.ExpectAsync("pong");
            subscriber.Listen();
            sockets.Add(subscriber);
        }

        return sockets;
    }

    internal static async Task<JsonObject> PostAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/graphql", body);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    internal static double P(List<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
    }

    /// <summary>One subscriber's socket and the decisions it received, with the instant each arrived.</summary>
    private sealed class Subscriber(ClientWebSocket socket) : IDisposable
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly CancellationTokenSource _stop = new();

        public ConcurrentQueue<(string Title, long At)> Received { get; } = new();

        public Task SendAsync(object message) =>
            socket.SendAsync(
                JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

        public async Task ExpectAsync(string type)
        {
            var message = await ReceiveAsync(CancellationToken.None);
            if (message?["type"]?.GetValue<string>() != type)
            {
                throw new InvalidOperationException($"Expected {type}, got {message?.ToJsonString()}");
            }
        }

        public void Listen() =>
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var message = await ReceiveAsync(_stop.Token);
                    if (message is null)
                    {
                        return;
                    }

                    if (message["type"]?.GetValue<string>() == "next")
                    {
                        var at = Stopwatch.GetTimestamp();
                        var title = message["payload"]!["data"]!["decisionRecorded"]!["decision"]![
                            "title"
                        ]!.GetValue<string>();
                        Received.Enqueue((title, at));
                    }
                }
            });

        private async Task<JsonNode?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var length = 0;
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return null;
                    }

                    length += result.Count;
                    if (result.EndOfMessage)
                    {
                        return JsonNode.Parse(Encoding.UTF8.GetString(_buffer, 0, length));
                    }
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested || socket.State != WebSocketState.Open)
            {
                return null;
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            socket.Abort();
            socket.Dispose();
            _stop.Dispose();
        }
    }
}
