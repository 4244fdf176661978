using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterAssociatif.Testing;

namespace InterAssociatif.Benchmarks;

/// <summary>
/// The host next to the hand-written <see cref="ReferenceServer"/>, both real processes on loopback
/// reading the same SQLite file (the host's demo data). Their answers are checked equal first; then
/// each request is loaded by <c>connections</c> concurrent clients for <c>seconds</c>, host and
/// reference alternating for <c>rounds</c> rounds (the order flips every round). Prints requests per
/// second, p50 and p99 latency, the ratio host / reference, and each process's peak RSS under load.
/// Usage: <c>dotnet build -c Release host/InterAssociatif.Host &amp;&amp; dotnet run -c Release --project
/// tests/InterAssociatif.Benchmarks -- pages [seconds] [rounds] [connections]</c>.
/// </summary>
internal static class PagesBenchmark
{
    public static async Task RunAsync(int seconds, int rounds, int connections)
    {
        var root = RefusalBenchmark.RepositoryRoot();
        var data = Path.Combine(Path.GetTempPath(), "interassociatif-pages-" + Guid.NewGuid().ToString("N"));
        var hostPort = RefusalBenchmark.FreePort();
        using var host = RefusalBenchmark.StartHost(RefusalBenchmark.HostDll(root), data, hostPort);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        Process? reference = null;
        try
        {
            var hostUrl = new Uri($"http://127.0.0.1:{hostPort}/graphql");
            using (var ready = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}") })
            {
                await RefusalBenchmark.WaitReadyAsync(ready);
            }

            var referencePort = RefusalBenchmark.FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (
                var argument in new[]
                {
                    typeof(PagesBenchmark).Assembly.Location,
                    "reference",
                    Path.Combine(data, "interassociatif.db"),
                    referencePort.ToString(CultureInfo.InvariantCulture),
                }
            )
            {
                start.ArgumentList.Add(argument);
            }

            reference = Process.Start(start)!;
            var referenceUrl = new Uri($"http://127.0.0.1:{referencePort}/graphql");
            var page = await File.ReadAllTextAsync(Path.Combine(root, "schema", "operations", "DirectoryPage.graphql"));
            var requests = new (string Name, string Body)[]
            {
                ("{ __typename }", JsonSerializer.Serialize(new { query = "{ __typename }" })),
                (
                    "DirectoryPage (asOf 2017-09-18)",
                    JsonSerializer.Serialize(new { query = page, variables = new { asOf = "2017-09-18" } })
                ),
            };

            foreach (var (name, body) in requests)
            {
                var expected = await AnswerAsync(http, hostUrl, body, retryUntilUp: false);
                var actual = await AnswerAsync(http, referenceUrl, body, retryUntilUp: true);
                if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
                {
                    throw new InvalidOperationException(
                        $"{name}: the reference answers differently.\nhost: {expected}\nreference: {actual}"
                    );
                }
            }

            await PrintCostsAsync(requests.Skip(1), http, referenceUrl);
            Console.WriteLine(
                $"{connections} connections, {rounds} alternating rounds of {seconds} s; answers checked equal."
            );
            Console.WriteLine(
                $"{"request",-34} {"host req/s",11} {"p50",7} {"p99",7} "
                + $"{"ref req/s",10} {"p50",7} {"p99",7} {"ratio",6}"
            );
            long hostRss = 0,
                referenceRss = 0;
            foreach (var (name, body) in requests)
            {
                var totals = new Dictionary<bool, Load>();
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var isHost in round % 2 == 0 ? new[] { true, false } : [false, true])
                    {
                        var load = await LoadAsync(
                            http,
                            isHost ? hostUrl : referenceUrl,
                            body,
                            seconds,
                            connections,
                            isHost ? host : reference
                        );
                        totals[isHost] = totals.TryGetValue(isHost, out var sum) ? sum.Add(load) : load;
                        (hostRss, referenceRss) = isHost
                            ? (Math.Max(hostRss, load.PeakRss), referenceRss)
                            : (hostRss, Math.Max(referenceRss, load.PeakRss));
                    }
                }

                var (h, r) = (totals[true], totals[false]);
                Console.WriteLine(
                    $"{name,-34} {h.PerSecond,11:F0} {h.P(0.50),5:F1}ms {h.P(0.99),5:F1}ms "
                    + $"{r.PerSecond,10:F0} {r.P(0.50),5:F1}ms {r.P(0.99),5:F1}ms {h.PerSecond / r.PerSecond,6:F2}"
                );
            }

            Console.WriteLine(
                $"Peak RSS under load: host {hostRss / 1024 / 1024} MiB, reference {referenceRss / 1024 / 1024} MiB."
            );
        }
        finally
        {
            foreach (var process in new[] { host, reference })
            {
                if (process is { HasExited: false })
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            reference?.Dispose();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// SQL commands and connections per request: the host's counted exactly in process (the test
    /// host, on its own copy of the demo data), the reference's as it reports them.
    /// </summary>
    private static async Task PrintCostsAsync(
        IEnumerable<(string Name, string Body)> requests,
        HttpClient http,
        Uri referenceUrl
    )
    {
        // Outside a test project WebApplicationFactory cannot guess the host's content root: name it.
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_INTERASSOCIATIF_HOST",
            Path.Combine(RefusalBenchmark.RepositoryRoot(), "host", "InterAssociatif.Host")
        );
        await using var counted = new InterAssociatifFactory();
        using var client = counted.CreateClient();
        foreach (var (name, body) in requests)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            (await client.PostAsync("/graphql", content)).EnsureSuccessStatusCode();
            counted.SqlCommands.Reset();
            using var again = new StringContent(body, Encoding.UTF8, "application/json");
            (await client.PostAsync("/graphql", again)).EnsureSuccessStatusCode();
            var (hostCommands, hostConnections) = (counted.SqlCommands.Count, counted.SqlCommands.ConnectionsUsed);
            await AnswerAsync(http, referenceUrl, body, retryUntilUp: false);
            var reference = JsonNode.Parse(await http.GetStringAsync(new Uri(referenceUrl, "/costs")))!;
            Console.WriteLine(
                $"{name}: SQL commands per request host {hostCommands}, reference {reference["commands"]}; "
                + $"connections host {hostConnections}, reference {reference["connections"]}."
            );
        }
    }

    private static async Task<string> AnswerAsync(HttpClient http, Uri url, string body, bool retryUntilUp)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.PostAsync(
                    url,
                    new StringContent(body, Encoding.UTF8, "application/json")
                );
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException) when (retryUntilUp && attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<Load> LoadAsync(
        HttpClient http,
        Uri url,
        string body,
        int seconds,
        int connections,
        Process? server
    )
    {
        var content = Encoding.UTF8.GetBytes(body);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var peakRss = 0L;
        var sampler = Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                peakRss = Math.Max(peakRss, Rss(server));
                await Task.Delay(250);
            }
        });
        var workers = Enumerable
            .Range(0, connections)
            .Select(_ =>
                Task.Run(async () =>
                {
                    var latencies = new List<double>();
                    while (Stopwatch.GetTimestamp() < until)
                    {
                        var started = Stopwatch.GetTimestamp();
                        using var request = new ByteArrayContent(content);
                        request.Headers.ContentType = new("application/json");
                        using var response = await http.PostAsync(url, request);
                        await response.Content.CopyToAsync(Stream.Null);
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new InvalidOperationException(
                                $"{url} answered {(int)response.StatusCode} under load."
                            );
                        }

                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }

                    return latencies;
                })
            )
            .ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        await sampler;
        return new Load(all, seconds, peakRss);
    }

    /// <summary>Resident memory of a process (Linux), 0 when unknown.</summary>
    private static long Rss(Process? process)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process?.Id}/status")
                .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null
                ? 0
                : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
                    * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private sealed record Load(List<double> Latencies, double Seconds, long PeakRss)
    {
        public double PerSecond => Latencies.Count / Seconds;

        public Load Add(Load other) =>
            new([.. Latencies, .. other.Latencies], Seconds + other.Seconds, Math.Max(PeakRss, other.PeakRss));

        public double P(double quantile)
        {
            var sorted = Latencies.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
        }
    }
}
