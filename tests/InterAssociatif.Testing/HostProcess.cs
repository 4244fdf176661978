namespace InterAssociatif.Testing;

/// <summary>
/// The built host as a real process on a loopback port, with its configuration as environment
/// variables. Several may share one data folder (one SQLite file, one local signing key): start the
/// first before the others, so that it creates both. A host on a data folder of its own deletes it when disposed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly TemporaryFolder? _ownFolder;
    private Process? _process;
    private SuiteLogs.File? _log;
    private HttpClient? _http;

    private HostProcess(TemporaryFolder ownFolder, IReadOnlyDictionary<string, string>? settings)
        : this(ownFolder.Path, settings) => _ownFolder = ownFolder;

    public HostProcess(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        Port = FreePort();
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["DataDirectory"] = dataDirectory,
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Urls"] = $"http://127.0.0.1:{Port}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>A client of the host's origin, disposed with it.</summary>
    public HttpClient Http => _http ??= new HttpClient { BaseAddress = new Uri(Origin) };

    /// <summary>A host started on a data folder of its own, which goes when the host is disposed.</summary>
    public static async Task<HostProcess> StartedAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new HostProcess(new TemporaryFolder(), settings);
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A free TCP port on the loopback interface (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host and waits until <c>/health/ready</c> answers 200 (Healthy or Degraded).</summary>
    public async Task StartAsync()
    {
        _process?.Dispose();
        var start = StartInfo();
        if (SuiteLogs.Folder is not null)
        {
            start.Environment["Logging__Console__LogLevel__Default"] = "Trace";
        }

        _process = Process.Start(start)!;
        _log?.Dispose();
        _log = SuiteLogs.Folder is null ? null : new SuiteLogs.File("process");
        var log = _log;
        _process.OutputDataReceived += (_, line) => log?.Write(line.Data);
        _process.ErrorDataReceived += (_, line) => log?.Write(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(Origin) };
        for (var i = 0; i < 240; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("The host did not become ready in 60 s.");
    }

    /// <summary>A bearer token for a role, from the host's own <c>token</c> command (same data folder).</summary>
    public async Task<string> TokenAsync(string role)
    {
        using var process = Process.Start(StartInfo("token", "--role", role))!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? token
            : throw new InvalidOperationException($"token --role {role} exited with {process.ExitCode}");
    }

    public GraphQLTestClient GraphQL(string? token) => new(new HttpClient { BaseAddress = new Uri(Origin) }, token);

    /// <summary><c>/health/ready</c> as JSON: the overall status and each check's.</summary>
    public async Task<JsonNode> ReadinessAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Origin) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>
    /// Waits until the readiness check <paramref name="check"/> has <paramref name="status"/>; false after
    /// <paramref name="within"/>.
    /// </summary>
    public async Task<bool> WaitForCheckAsync(string check, string status, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if ((await ReadinessAsync())["checks"]?[check]?["status"]?.GetValue<string>() == status)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = BuiltHost.Dll();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Kills the process (no graceful shutdown) and waits for it.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _log?.Dispose();
        _http?.Dispose();
        _ownFolder?.Dispose();
    }
}
