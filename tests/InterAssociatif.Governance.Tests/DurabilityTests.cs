using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace InterAssociatif.Governance.Tests;

/// <summary>A decision committed just before the process dies is delivered after the restart.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "interassociatif-tests", Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();
    private Process? _host;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HostDll() => Testing.BuiltHost.Dll();

    private ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HostDll())! };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DataDirectory"] = _data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = $"http://127.0.0.1:{_port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private async Task StartHostAsync()
    {
        _host = Process.Start(Start())!;
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_port}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("The host did not become ready.");
    }

    private async Task<string> TokenAsync(string role)
    {
        using var process = Process.Start(Start("token", "--role", role))!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return token;
    }

    private async Task<JsonNode> GraphQLAsync(string token, string query, object? variables = null)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await http.PostAsync($"http://127.0.0.1:{_port}/graphql", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<(ClientWebSocket Socket, Func<Task<JsonNode>> Next)> SubscribeAsync(string token, string? after)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_port}/graphql"), CancellationToken.None);
        async Task Send(object message) => await socket.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);
        async Task<JsonNode> Receive()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var buffer = new byte[65536];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!;
        }

        await Send(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (await Receive())["type"]!.GetValue<string>());
        await Send(new { id = "partner", type = "subscribe", payload = new { query = "subscription($after: String) { decisionRecorded(after: $after) { cursor decision { title } } }", variables = new { after } } });
        await Send(new { type = "ping" });
        Assert.Equal("pong", (await Receive())["type"]!.GetValue<string>()); // the subscription is listening
        return (socket, Receive);
    }

    [Fact]
    public async Task A_decision_committed_before_the_process_is_killed_is_delivered_after_the_restart()
    {
        await StartHostAsync();
        var coordinator = await TokenAsync("coordinator");
        var partner = await TokenAsync("partner");
        var body = (await GraphQLAsync(coordinator, "{ bodies(first: 1) { nodes { id } } }"))["data"]!["bodies"]!["nodes"]![0]!["id"]!.GetValue<string>();
        const string record = "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id } } }";

        var (socket, next) = await SubscribeAsync(partner, after: null);
        await GraphQLAsync(coordinator, record, new { input = new { bodyId = body, title = "Vue avant l'arrêt", decidedOn = "2021-01-01" } });
        var cursor = (await next())["payload"]!["data"]!["decisionRecorded"]!["cursor"]!.GetValue<string>();
        socket.Abort(); // the partner tool goes offline

        var committed = await GraphQLAsync(coordinator, record, new { input = new { bodyId = body, title = "Actée juste avant l'arrêt", decidedOn = "2021-01-02" } });
        Assert.NotNull(committed["data"]!["recordDecision"]!["decision"]);
        _host!.Kill(entireProcessTree: true); // no graceful shutdown
        await _host.WaitForExitAsync();

        await StartHostAsync();
        var (resumed, resumedNext) = await SubscribeAsync(partner, after: cursor);
        var delivered = (await resumedNext())["payload"]!["data"]!["decisionRecorded"]!;
        Assert.Equal("Actée juste avant l'arrêt", delivered["decision"]!["title"]!.GetValue<string>());
        resumed.Abort();
    }

    public void Dispose()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            _host.WaitForExit();
        }

        try
        {
            System.IO.Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
