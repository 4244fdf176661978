namespace InterAssociatif.Benchmarks;

/// <summary>
/// The host next to the hand-written <see cref="ReferenceServer"/>, both real processes on loopback
/// reading the same SQLite file (the host's demo data). Their answers are checked equal first; then,
/// after one unmeasured round of every request on both (the runtime tiers its code up meanwhile),
/// each request is loaded by <c>connections</c> concurrent clients for <c>seconds</c>, host and
/// reference alternating for <c>rounds</c> rounds (the order flips every round). Prints requests per
/// second, p50 and p99 latency, the ratio host / reference, what the host allocated per request, each server's
/// processor time per request and their ratio (reference / host: steadier than the rates', which also move with
/// the load generator on the same cores), and each process's peak RSS under load.
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
            var meetingPage = await File.ReadAllTextAsync(
                Path.Combine(root, "schema", "operations", "MeetingPage.graphql")
            );
            var coordinator = await TokenAsync(RefusalBenchmark.HostDll(root), data);
            var meeting = await MeetingIdAsync(body => AnswerAsync(http, hostUrl, body, false, coordinator));
            var requests = new Request[]
            {
                new("{ __typename }", JsonSerializer.Serialize(new { query = "{ __typename }" }), null),
                new(
                    "DirectoryPage (asOf 2017-09-18)",
                    JsonSerializer.Serialize(new { query = page, variables = new { asOf = "2017-09-18" } }),
                    null
                ),
                new(
                    "MeetingPage (18 Sept 2017)",
                    JsonSerializer.Serialize(new { query = meetingPage, variables = new { id = meeting } }),
                    coordinator
                ),
            };

            foreach (var (name, body, token) in requests)
            {
                var expected = await AnswerAsync(http, hostUrl, body, retryUntilUp: false, token);
                var actual = await AnswerAsync(http, referenceUrl, body, retryUntilUp: true, token);
                if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
                {
                    throw new InvalidOperationException(
                        $"{name}: the reference answers differently.\nhost: {expected}\nreference: {actual}"
                    );
                }
            }

            await PrintCostsAsync(requests.Skip(1), http, referenceUrl);

            // Unmeasured: both processes run every request once for the length of a round, so that the
            // rounds measure code the runtime has finished tiering up, not its JIT at work.
            foreach (var (_, body, token) in requests)
            {
                foreach (var (url, process) in new[] { (hostUrl, host), (referenceUrl, reference) })
                {
                    await LoadAsync(http, url, body, token, seconds, connections, process);
                }
            }

            Console.WriteLine(
                $"{connections} connections, {rounds} alternating rounds of {seconds} s after one unmeasured"
                    + " round of each; answers checked equal."
            );
            Console.WriteLine(
                $"{"request",-34} {"host req/s",11} {"p50",7} {"p99",7} "
                    + $"{"ref req/s",10} {"p50",7} {"p99",7} {"ratio",6} {"host alloc/req",13}"
                    + $" {"CPU/req host",13} {"ref",7} {"ratio",6}"
            );
            long hostRss = 0,
                referenceRss = 0;
            foreach (var (name, body, token) in requests)
            {
                var totals = new Dictionary<bool, Load>();
                double hostAllocated = 0;
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var isHost in round % 2 == 0 ? new[] { true, false } : [false, true])
                    {
                        var allocatedBefore = isHost ? await AllocatedAsync(http, hostUrl) : 0;
                        var load = await LoadAsync(
                            http,
                            isHost ? hostUrl : referenceUrl,
                            body,
                            token,
                            seconds,
                            connections,
                            isHost ? host : reference
                        );
                        hostAllocated += isHost ? await AllocatedAsync(http, hostUrl) - allocatedBefore : 0;
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
                        + $" {hostAllocated / h.Latencies.Count / 1024,9:F0} KiB"
                        + $" {h.CpuPerRequest,10:F0} µs {r.CpuPerRequest,4:F0} µs"
                        + $" {r.CpuPerRequest / h.CpuPerRequest,6:F2}"
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
    /// The bytes the host process has allocated so far, from the runtime's meter on its <c>/metrics</c>
    /// (a scrape allocates a little too: negligible beside thousands of pages).
    /// </summary>
    private static async Task<double> AllocatedAsync(HttpClient http, Uri graphql)
    {
        const string Name = "dotnet_gc_heap_total_allocated_bytes_total";
        var scrape = await http.GetStringAsync(new Uri(graphql, "/metrics"));
        var line = scrape.Split('\n').Single(l => l.StartsWith(Name, StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// SQL commands and connections per request: the host's counted exactly in process (the test
    /// host, on its own copy of the demo data), the reference's as it reports them.
    /// </summary>
    private static async Task PrintCostsAsync(IEnumerable<Request> requests, HttpClient http, Uri referenceUrl)
    {
        // Outside a test project WebApplicationFactory cannot guess the host's content root: name it.
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_INTERASSOCIATIF_HOST",
            Path.Combine(RefusalBenchmark.RepositoryRoot(), "host", "InterAssociatif.Host")
        );
        await using var counted = new InterAssociatifFactory();
        using var client = counted.CreateClient();
        var countedUrl = new Uri(client.BaseAddress!, "/graphql");
        var countedToken = counted.Token("coordinator");
        var countedMeeting = await MeetingIdAsync(body => AnswerAsync(client, countedUrl, body, false, countedToken));
        foreach (var (name, body, token) in requests)
        {
            // The counted host has its own copy of the demo data, with its own ids.
            var hostBody = token is null
                ? body
                : body.Replace(
                    JsonNode.Parse(body)!["variables"]!["id"]!.GetValue<string>(),
                    countedMeeting,
                    StringComparison.Ordinal
                );
            var hostToken = token is null ? null : countedToken;
            await AnswerAsync(client, countedUrl, hostBody, false, hostToken);
            counted.SqlCommands.Reset();
            await AnswerAsync(client, countedUrl, hostBody, false, hostToken);
            var (hostCommands, hostConnections) = (counted.SqlCommands.Count, counted.SqlCommands.ConnectionsUsed);
            await AnswerAsync(http, referenceUrl, body, retryUntilUp: false, token);
            var reference = JsonNode.Parse(await http.GetStringAsync(new Uri(referenceUrl, "/costs")))!;
            Console.WriteLine(
                $"{name}: SQL commands per request host {hostCommands}, reference {reference["commands"]}; "
                    + $"connections host {hostConnections}, reference {reference["connections"]}."
            );
        }
    }

    private static async Task<string> AnswerAsync(
        HttpClient http, Uri url, string body, bool retryUntilUp, string? token = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.SendAsync(Post(url, new StringContent(body, Encoding.UTF8), token));
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException) when (retryUntilUp && attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }

    private static HttpRequestMessage Post(Uri url, HttpContent content, string? token)
    {
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    /// <summary>A coordinator's token from the host's own command line, signed with its data folder's key.</summary>
    private static async Task<string> TokenAsync(string dll, string data)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { dll, "token", "--role", "coordinator", "--DataDirectory", data })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim().Split('\n')[^1].Trim();
    }

    /// <summary>The meeting of 18 September 2017, as the page's header says to find it.</summary>
    private static async Task<string> MeetingIdAsync(Func<string, Task<string>> ask)
    {
        const string Query =
            "{ meetings(filter: { from: \"2017-09-18T00:00:00Z\", to: \"2017-09-19T00:00:00Z\" }) { nodes { id } } }";
        var answer = JsonNode.Parse(await ask(JsonSerializer.Serialize(new { query = Query })))!;
        return answer["data"]!["meetings"]!["nodes"]![0]!["id"]!.GetValue<string>();
    }

    private sealed record Request(string Name, string Body, string? Token);

    private static async Task<Load> LoadAsync(
        HttpClient http, Uri url, string body, string? token, int seconds, int connections, Process? server)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var cpuBefore = Cpu(server);
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
                        using var request = Post(url, new ByteArrayContent(content), token);
                        using var response = await http.SendAsync(request);
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
        return new Load(all, seconds, peakRss, (Cpu(server) - cpuBefore).TotalSeconds);
    }

    /// <summary>
    /// The processor time a server process has used: its CPU per request is steadier than its rate, which also
    /// moves with what else the machine runs (the load generator shares its cores).
    /// </summary>
    private static TimeSpan Cpu(Process? process)
    {
        if (process is null)
        {
            return TimeSpan.Zero;
        }

        process.Refresh();
        return process.TotalProcessorTime;
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

    private sealed record Load(List<double> Latencies, double Seconds, long PeakRss, double CpuSeconds)
    {
        public double PerSecond => Latencies.Count / Seconds;

        /// <summary>The server's processor time per request, in microseconds.</summary>
        public double CpuPerRequest => CpuSeconds * 1e6 / Math.Max(1, Latencies.Count);

        public Load Add(Load other) =>
            new(
                [.. Latencies, .. other.Latencies],
                Seconds + other.Seconds,
                Math.Max(PeakRss, other.PeakRss),
                CpuSeconds + other.CpuSeconds);

        public double P(double quantile)
        {
            var sorted = Latencies.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
        }
    }
}
