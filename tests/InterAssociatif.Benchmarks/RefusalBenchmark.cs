using System.Net.Sockets;

namespace InterAssociatif.Benchmarks;

/// <summary>
/// What a refused hostile document costs the server, next to a normal page: the built host runs as
/// a real process on loopback with the demo data; each document is sent <c>runs</c> times in a row
/// and the host's own CPU time (user + system, from the process) is divided by the requests. The
/// client's median latency is printed too. Usage:
/// <c>dotnet build -c Release host/InterAssociatif.Host &amp;&amp; dotnet run -c Release --project
/// tests/InterAssociatif.Benchmarks -- refusals [runs]</c>.
/// </summary>
internal static class RefusalBenchmark
{
    public static async Task RunAsync(int runs)
    {
        var root = RepositoryRoot();
        var dll = HostDll(root);

        var data = Path.Combine(Path.GetTempPath(), "interassociatif-refusals-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var host = StartHost(dll, data, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await WaitReadyAsync(http);
            var page = await File.ReadAllTextAsync(Path.Combine(root, "schema", "operations", "DirectoryPage.graphql"));
            var documents = new (string Name, string Query)[]
            {
                ("DirectoryPage (answered)", page),
                ("85,000 repeated fields, 935 KB (refused)", "{ "
                    + string.Concat(Enumerable.Repeat("__typename ", 85_000))
                    + "}"),
                ("10,000 aliases (refused)", "{ "
                    + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename"))
                    + " }"),
            };

            Console.WriteLine(
                $"{"document",-44} {"bytes",9} {"status",6} {"host CPU/request",17} {"median latency",15} "
                + $"{"CPU vs page",12}");
            double? pageCpu = null;
            foreach (var (name, query) in documents)
            {
                var body = JsonSerializer.Serialize(new { query });
                var (status, cpu, latency) = await MeasureAsync(http, host, body, runs);
                pageCpu ??= cpu;
                Console.WriteLine(
                    $"{name,-44} {Encoding.UTF8.GetByteCount(body),9} {status,6} {cpu,14:F3} ms {latency,12:F3} ms "
                    + $"{cpu / pageCpu,11:F2}×");
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// Starts the built host as a process on loopback with the demo data in <paramref name="data"/>,
    /// without rate limit nor IDE.
    /// </summary>
    internal static Process StartHost(string dll, string data, int port, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            dll, "--Urls", $"http://127.0.0.1:{port}", "--DataDirectory", data, "--Logging:LogLevel:Default", "Warning",
            "--GraphQL:Limits:RateLimitPermits", "100000000", "--Ide:Enabled", "false",
        }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        var host = Process.Start(start)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        return host;
    }

    internal static string HostDll(string root)
    {
        var dll = Path.Combine(root, "host", "InterAssociatif.Host", "bin", "Release", "net10.0");
        dll = Path.Combine(dll, "InterAssociatif.Host.dll");
        const string Build = "dotnet build -c Release host/InterAssociatif.Host";
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"Build the host first: {Build} ({dll} is missing)");
    }

    private static async Task<(int Status, double CpuMs, double MedianMs)> MeasureAsync(
        HttpClient http, Process host, string body, int runs)
    {
        var status = 0;
        for (var i = 0; i < Math.Max(10, runs / 10); i++)
        {
            status = await PostAsync(http, body);
        }

        var latencies = new List<double>(runs);
        host.Refresh();
        var before = host.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            status = await PostAsync(http, body);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        host.Refresh();
        var cpu = (host.TotalProcessorTime - before).TotalMilliseconds / runs;
        latencies.Sort();
        return (status, cpu, latencies[latencies.Count / 2]);
    }

    private static async Task<int> PostAsync(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json")
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    internal static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The host did not become ready within 60 s.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InterAssociatif.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
