namespace InterAssociatif.Governance.Tests;

/// <summary>A decision committed just before the process dies is delivered after the restart.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private HostProcess _host = null!;

    private async Task<JsonNode> GraphQLAsync(string token, string query, object? variables = null)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", token);
        var response = await http.PostAsync(
            $"http://127.0.0.1:{_host.Port}/graphql",
            new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<(ClientWebSocket Socket, Func<Task<JsonNode>> Next)> SubscribeAsync(string token, string? after)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_host.Port}/graphql"), CancellationToken.None);
        async Task Send(object message) =>
            await socket.SendAsync(
                Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)),
                WebSocketMessageType.Text,
                true,
                CancellationToken.None);
        async Task<JsonNode> Receive()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var buffer = new byte[65536];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!;
        }

        await Send(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (await Receive())["type"]!.GetValue<string>());
        await Send(
            new
            {
                id = "partner",
                type = "subscribe",
                payload = new
                {
                    query = "subscription($after: String) { decisionRecorded(after: $after) { cursor decision { title } } }",
                    variables = new { after }
                }
            });
        await Send(new { type = "ping" });
        Assert.Equal("pong", (await Receive())["type"]!.GetValue<string>()); // the subscription is listening
        return (socket, Receive);
    }

    [Fact]
    public async Task A_decision_committed_before_the_process_is_killed_is_delivered_after_the_restart()
    {
        var coordinator = await _host.TokenAsync("coordinator");
        var partner = await _host.TokenAsync("partner");
        var body = (await GraphQLAsync(coordinator, "{ bodies(first: 1) { nodes { id } } }"))["data"]!["bodies"]![
            "nodes"]![0]!["id"]!
            .GetValue<string>();
        const string record = "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id "
            + "} } }";

        var (socket, next) = await SubscribeAsync(partner, after: null);
        await GraphQLAsync(
            coordinator,
            record,
            new { input = new { bodyId = body, title = "Vue avant l'arrêt", decidedOn = "2021-01-01" } });
        var cursor = (await next())["payload"]!["data"]!["decisionRecorded"]!["cursor"]!.GetValue<string>();
        socket.Abort(); // the partner tool goes offline

        var committed = await GraphQLAsync(
            coordinator,
            record,
            new { input = new { bodyId = body, title = "Actée juste avant l'arrêt", decidedOn = "2021-01-02" } });
        Assert.NotNull(committed["data"]!["recordDecision"]!["decision"]);
        await _host.KillAsync(); // no graceful shutdown

        await _host.StartAsync();
        var (resumed, resumedNext) = await SubscribeAsync(partner, after: cursor);
        var delivered = (await resumedNext())["payload"]!["data"]!["decisionRecorded"]!;
        Assert.Equal("Actée juste avant l'arrêt", delivered["decision"]!["title"]!.GetValue<string>());
        resumed.Abort();
    }

    public async Task InitializeAsync() => _host = await HostProcess.StartedAsync();

    public async Task DisposeAsync()
    {
        // Null if InitializeAsync threw: StartedAsync has cleaned up its host and folder then.
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
