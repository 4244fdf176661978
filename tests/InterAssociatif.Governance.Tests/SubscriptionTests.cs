using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InterAssociatif.Governance.Tests;

/// <summary>
/// Partner tools receive decisions over graphql-transport-ws and SSE, resume without gap or duplicate, and protocol
/// errors close with the protocol's codes.
/// </summary>
public sealed class SubscriptionTests(SubscriptionTests.KestrelFactory factory)
    : IClassFixture<SubscriptionTests.KestrelFactory>
{
    private const string Subscription = "subscription($after: String) { decisionRecorded(after: $after) { cursor "
        + "decision { title } } }";

    private async Task<GraphQLWebSocketClient> ConnectAsync()
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(factory.Address);
        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
        return client;
    }

    private Task<GraphQLWebSocketClient> SubscribedAsync(string role, string? after = null, string id = "1")
    {
        _ = factory.Address; // the server listens before a token is made
        return SubscribedWithAsync(factory.Token(role), Subscription, after, id);
    }

    private async Task<GraphQLWebSocketClient> SubscribedWithAsync(
        string token, string query, string? after = null, string id = "1")
    {
        var client = await ConnectAsync();
        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        await client.SendAsync(new { id, type = "subscribe", payload = new { query, variables = new { after } } });

        // Messages are handled in order: once the pong is back, a live subscription is listening. A
        // resumed one starts by replaying what was missed, which may come before the pong: the
        // replayed events themselves show it is listening.
        if (after is null)
        {
            await client.SendAsync(new { type = "ping" });
            Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        }

        return client;
    }

    private async Task<string> RecordAsync(string title, object[]? followUps = null)
    {
        var ids = (await factory.GraphQL("coordinator").QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors();
        var result = (await factory.GraphQL("coordinator").QueryAsync(
            "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id } errors { code } "
            + "} }",
            new
            {
                input = new { bodyId = ids.String("bodies.nodes[0].id"), title, decidedOn = "2020-01-01", followUps }
            }))
            .EnsureNoErrors();
        Assert.Empty(result.PayloadErrors("recordDecision"));
        return result.String("recordDecision.decision.id")!;
    }

    [Fact]
    public async Task Subscribers_who_would_compute_the_same_result_share_one_execution_of_each_event()
    {
        // The body is read by the execution of the event: one read of the bodies table per execution (and
        // one by the mutation's reference check). Three subscribers with the same document and the same
        // rights cost what one costs. Only that table is counted: other tests' subscriptions, still
        // closing, may read the log meanwhile.
        _ = factory.Address; // the server listens before a token is made
        const string query = "subscription { decisionRecorded { decision { title body { name } } } }";
        async Task<long> CommandsForOneDecisionAsync(IReadOnlyList<GraphQLWebSocketClient> subscribers, string title)
        {
            factory.SqlCommands.Reset();
            await RecordAsync(title);
            foreach (var subscriber in subscribers)
            {
                var decision = (await NextAsync(subscriber))["decision"]!;
                Assert.Equal(title, decision["title"]!.GetValue<string>());
                Assert.False(string.IsNullOrEmpty(decision["body"]!["name"]!.GetValue<string>()));
            }

            return factory.SqlCommands.Recent.Count(c => c.Contains("\"GovernanceBodies\"", StringComparison.Ordinal));
        }

        var none = await CommandsForOneDecisionAsync([], "Partagée, aucun abonné");
        var subscribers = new List<GraphQLWebSocketClient>
        {
            await SubscribedWithAsync(factory.Token("coordinator"), query),
        };
        try
        {
            var alone = await CommandsForOneDecisionAsync(subscribers, "Partagée, un abonné");
            // Were the executions' reads not counted, one and three subscribers would cost what none costs (the
            // test's own reads and the mutation's) and the comparison below would prove nothing.
            Assert.True(alone > none, $"{alone} reads of the bodies table with a subscriber, {none} without one");
            subscribers.Add(await SubscribedWithAsync(factory.Token("coordinator"), query));
            subscribers.Add(await SubscribedWithAsync(factory.Token("coordinator"), query));
            Assert.Equal(alone, await CommandsForOneDecisionAsync(subscribers, "Partagée, trois abonnés"));
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_shared_execution_is_shared_only_between_callers_who_may_read_the_same_data()
    {
        _ = factory.Address; // the server listens before a token is made
        async Task<(string Id, Guid Raw, string? Email)> PersonAsync(string familyName)
        {
            var created = (await factory.GraphQL("coordinator").QueryAsync(
                "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id email } } }",
                new { input = new { givenName = "Personne", familyName, email = $"{Guid.NewGuid():N}@exemple.org" } }))
                .EnsureNoErrors();
            var id = created.String("createPerson.person.id")!;
            Assert.True(Kernel.Relay.GlobalId.TryDecode(id, out _, out var raw));
            return (id, raw, created.String("createPerson.person.email"));
        }

        var (ownerId, personId, email) = await PersonAsync("Responsable");
        var (_, otherPersonId, _) = await PersonAsync("Autre");
        const string query = "subscription { decisionRecorded { decision { followUps { ownerPerson { email } } } } }";
        var organizations = (await factory.GraphQL("coordinator")
            .QueryAsync("{ organizations(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("organizations.nodes[0].id")!;
        Assert.True(Kernel.Relay.GlobalId.TryDecode(organizations, out _, out var organization));
        await using var coordinator = await SubscribedWithAsync(factory.Token("coordinator"), query);
        await using var owner = await SubscribedWithAsync(factory.Token("member", organization, personId), query);
        await using var other = await SubscribedWithAsync(factory.Token("member", organization, otherPersonId), query);

        await RecordAsync(
            "Suivi nominatif", [new { description = "Relancer", dueOn = "2020-02-01", ownerPersonId = ownerId }]);

        async Task<JsonNode> PayloadAsync(GraphQLWebSocketClient client)
        {
            var message = (await client.ReceiveAsync())!;
            Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
            return message["payload"]!;
        }

        string? EmailOf(JsonNode payload) => payload["data"]!["decisionRecorded"]!["decision"]!["followUps"]![0]!
            ["ownerPerson"]!["email"]?.GetValue<string>();

        Assert.Equal(email, EmailOf(await PayloadAsync(coordinator)));
        Assert.Equal(email, EmailOf(await PayloadAsync(owner)));
        var refused = await PayloadAsync(other);
        Assert.Null(EmailOf(refused));
        Assert.Equal("ACCESS_DENIED", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<JsonNode> NextAsync(GraphQLWebSocketClient client)
    {
        var message = await client.ReceiveAsync();
        Assert.True(
            message is not null && message["type"]!.GetValue<string>() == "next",
            $"Expected next, got {message?.ToJsonString()}");
        return message!["payload"]!["data"]!["decisionRecorded"]!;
    }

    [Fact]
    public async Task A_decision_recorded_by_a_mutation_reaches_a_websocket_subscriber_and_an_sse_subscriber()
    {
        await using var socket = await SubscribedAsync("partner");
        var http = factory.CreateClient();
        using var sseRequest = GraphQLTestClient.Request(
            Subscription, token: factory.Token("member"), accept: "text/event-stream");
        using var sse = await http.SendAsync(sseRequest, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", sse.Content.Headers.ContentType!.MediaType);
        using var events = new StreamReader(await sse.Content.ReadAsStreamAsync());

        await RecordAsync("Décision diffusée en direct");
        Assert.Equal(
            "Décision diffusée en direct", (await NextAsync(socket))["decision"]!["title"]!.GetValue<string>());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? data = null;
        while (data is null && await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        Assert.Equal(
            "Décision diffusée en direct",
            JsonNode.Parse(data!)!["data"]!["decisionRecorded"]!["decision"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscriber_resuming_with_its_cursor_receives_exactly_the_missed_decisions_in_order_then_the_new_ones()
    {
        string cursor;
        await using (var first = await SubscribedAsync("partner"))
        {
            await RecordAsync("Avant la coupure");
            cursor = (await NextAsync(first))["cursor"]!.GetValue<string>();
        }

        await RecordAsync("Manquée 1");
        await RecordAsync("Manquée 2");

        await using var resumed = await SubscribedAsync("partner", after: cursor);
        Assert.Equal("Manquée 1", (await NextAsync(resumed))["decision"]!["title"]!.GetValue<string>());
        Assert.Equal("Manquée 2", (await NextAsync(resumed))["decision"]!["title"]!.GetValue<string>());
        await RecordAsync("Après la reprise");
        Assert.Equal("Après la reprise", (await NextAsync(resumed))["decision"]!["title"]!.GetValue<string>());
        Assert.Null(await TryReceiveAsync(resumed, TimeSpan.FromMilliseconds(700)));
    }

    [Fact]
    public async Task A_partner_reads_the_feed_position_syncs_then_subscribes_after_it_and_misses_nothing_in_between()
    {
        _ = factory.Address; // the server listens before a token is made
        var partner = factory.GraphQL("partner");
        var position = (await partner.QueryAsync("{ decisionFeedPosition }"))
            .EnsureNoErrors()
            .String("decisionFeedPosition")!;

        // Recorded while the tool does its initial sync, before it subscribes.
        await RecordAsync("Pendant la synchronisation 1");
        await RecordAsync("Pendant la synchronisation 2");

        await using var feed = await SubscribedAsync("partner", after: position);
        Assert.Equal("Pendant la synchronisation 1", (await NextAsync(feed))["decision"]!["title"]!.GetValue<string>());
        var last = await NextAsync(feed);
        Assert.Equal("Pendant la synchronisation 2", last["decision"]!["title"]!.GetValue<string>());

        // The position moves with the feed: it is now the last event's cursor.
        Assert.Equal(
            last["cursor"]!.GetValue<string>(),
            (await partner.QueryAsync("{ decisionFeedPosition }")).EnsureNoErrors().String("decisionFeedPosition"));
        Assert.Equal(
            ["ACCESS_DENIED"],
            (await factory.GraphQL().QueryAsync("{ decisionFeedPosition }")).ErrorCodes);
    }

    private static async Task<JsonNode?> TryReceiveAsync(GraphQLWebSocketClient client, TimeSpan wait)
    {
        try
        {
            return await client.ReceiveAsync(wait);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [Fact]
    public async Task Protocol_violations_close_the_socket_with_the_protocols_codes()
    {
        await using (var early = await ConnectAsync())
        {
            await early.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Subscription } });
            Assert.Null(await early.ReceiveAsync());
            Assert.Equal(4401, (int)early.Socket.CloseStatus!);
        }

        await using (var twice = await ConnectAsync())
        {
            await twice.SendAsync(new { type = "connection_init" });
            await twice.ReceiveAsync();
            await twice.SendAsync(new { type = "connection_init" });
            Assert.Null(await twice.ReceiveAsync());
            Assert.Equal(4429, (int)twice.Socket.CloseStatus!);
        }

        await using (var invalid = await ConnectAsync())
        {
            await invalid.SendAsync(new { type = "nonsense" });
            Assert.Null(await invalid.ReceiveAsync());
            Assert.Equal(4400, (int)invalid.Socket.CloseStatus!);
        }

        await using (var repeated = await SubscribedAsync("partner"))
        {
            await repeated.SendTextAsync(
                "{\"id\":\"2\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\",\"query\":\"x\"}}");
            Assert.Null(await repeated.ReceiveAsync());
            Assert.Equal(4400, (int)repeated.Socket.CloseStatus!);
            Assert.Equal(
                "Invalid message: `payload.query` is given more than once", repeated.Socket.CloseStatusDescription);
        }

        await using (var duplicate = await SubscribedAsync("partner"))
        {
            await duplicate.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Subscription } });
            Assert.Null(await duplicate.ReceiveAsync());
            Assert.Equal(4409, (int)duplicate.Socket.CloseStatus!);
        }

        await using (var forged = await ConnectAsync())
        {
            await forged.SendAsync(
                new { type = "connection_init", payload = new { Authorization = "Bearer not.a.token" } });
            Assert.Null(await forged.ReceiveAsync());
            Assert.Equal(4403, (int)forged.Socket.CloseStatus!);
        }

        await using var silent = await ConnectAsync();
        Assert.Null(await silent.ReceiveAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(4408, (int)silent.Socket.CloseStatus!);
    }

    [Fact]
    public async Task An_anonymous_subscriber_is_refused_the_decision_feed()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveAsync();
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Subscription } });
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error!["type"]!.GetValue<string>());
        Assert.Equal("ACCESS_DENIED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscription_to_an_unknown_body_is_a_typed_error_and_the_theme_filter_lets_through_only_its_decisions()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync(
            new { type = "connection_init", payload = new { Authorization = $"Bearer {factory.Token("partner")}" } });
        await client.ReceiveAsync();
        var unknown = InterAssociatif.Kernel.Relay.GlobalId.Encode("Body", Guid.NewGuid());
        await client.SendAsync(
            new
            {
                id = "1",
                type = "subscribe",
                payload = new
                {
                    query = "subscription($b: ID) { decisionRecorded(bodyId: $b) { cursor } }",
                    variables = new { b = unknown }
                }
            });
        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "1"), (error!["type"]!.GetValue<string>(), error["id"]!.GetValue<string>()));
        Assert.Equal("NOT_FOUND", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var themes = (await factory.GraphQL("coordinator")
            .QueryAsync("{ themes(first: 1) { nodes { id } } bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors();
        var theme = themes.String("themes.nodes[0].id");
        await client.SendAsync(
            new
            {
                id = "2",
                type = "subscribe",
                payload = new
                {
                    query = "subscription($t: ID) { decisionRecorded(themeId: $t) { decision { title } } }",
                    variables = new { t = theme }
                }
            });
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        const string record = "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code "
            + "} } }";
        (await factory.GraphQL("coordinator")
            .QueryAsync(
                record,
                new
                {
                    input = new
                    {
                        bodyId = themes.String("bodies.nodes[0].id"),
                        title = "Sans thème",
                        decidedOn = "2020-02-01"
                    }
                }))
            .EnsureNoErrors();
        (await factory.GraphQL("coordinator")
            .QueryAsync(
                record,
                new
                {
                    input = new
                    {
                        bodyId = themes.String("bodies.nodes[0].id"),
                        title = "Avec le thème",
                        decidedOn = "2020-02-01",
                        themeIds = new[] { theme }
                    }
                }))
            .EnsureNoErrors();
        Assert.Equal("Avec le thème", (await NextAsync(client))["decision"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_connection_holds_at_most_the_configured_number_of_subscriptions()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync(
            new { type = "connection_init", payload = new { Authorization = $"Bearer {factory.Token("partner")}" } });
        await client.ReceiveAsync();
        for (var i = 0; i < 20; i++)
        {
            await client.SendAsync(new { id = $"s{i}", type = "subscribe", payload = new { query = Subscription } });
        }

        await client.SendAsync(new { id = "one-too-many", type = "subscribe", payload = new { query = Subscription } });
        var refusal = await client.ReceiveAsync();
        Assert.Equal(
            ("error", "one-too-many"), (refusal!["type"]!.GetValue<string>(), refusal["id"]!.GetValue<string>()));
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", refusal["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());

        await client.SendAsync(new { id = "s0", type = "complete" });
        await client.SendAsync(
            new { id = "after-one-ended", type = "subscribe", payload = new { query = Subscription } });
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task A_client_that_never_reads_is_cut_off_after_the_send_timeout_and_the_server_stays_healthy()
    {
        // A raw socket with a tiny receive window that never reads what the server sends.
        var address = new Uri(factory.Address);
        using var tcp = new System.Net.Sockets.TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var handshake = $"GET /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nUpgrade: websocket\r\nConnection: "
            + $"Upgrade\r\nSec-WebSocket-Key: "
            + $"{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}\r\nSec-WebSocket-Version: "
            + $"13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        var response = new byte[1024];
        var read = await stream.ReadAsync(response);
        Assert.Contains("101", Encoding.ASCII.GetString(response, 0, read), StringComparison.Ordinal);
        await stream.WriteAsync(
            Frame(
                new
                {
                    type = "connection_init",
                    payload = new { Authorization = $"Bearer {factory.Token("partner")}" }
                }));
        await stream.WriteAsync(
            Frame(
                new
                {
                    id = "1",
                    type = "subscribe",
                    payload = new { query = "subscription { decisionRecorded { decision { title text } } }" }
                }));
        var bodyId = (await factory.GraphQL("coordinator").QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        async Task RecordAsync(string title, string text) =>
            (await factory.GraphQL("coordinator")
                .QueryAsync(
                    "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
                new { input = new { bodyId, title, text, decidedOn = "2022-01-01" } })).EnsureNoErrors();

        // The subscription is live once a first event reaches the client (a feed without a cursor
        // starts after what is already committed, so decisions recorded before would never come).
        await RecordAsync("Ouverture du flux", "Le flux est ouvert.");
        await ReadUntilAsync(stream, "Ouverture du flux");

        // From here the client reads nothing: the server's output to it stops at a 16 KB pipe the
        // test holds (not at the machine's TCP buffers), so the server's sends block for certain.
        factory.Connections.Stall(((System.Net.IPEndPoint)tcp.Client.LocalEndPoint!).Port);
        var text = new string('x', 7900);
        for (var i = 0; i < 8; i++)
        {
            await RecordAsync($"Décision volumineuse {i}", text);
        }

        // The server gives up on the client after its 2 s send timeout: the connection ends.
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[65536];
        var closed = false;
        try
        {
            while (await stream.ReadAsync(buffer, drain.Token) > 0)
            {
            }

            closed = true;
        }
        catch (IOException)
        {
            closed = true;
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(closed, "the server kept the connection of a client that never reads");
        (await factory.GraphQL("partner").QueryAsync("{ decisions(first: 1) { totalCount } }")).EnsureNoErrors();
    }

    /// <summary>
    /// Reads the server's frames (as raw text, which is enough to spot a title) until one names
    /// <paramref name="marker"/>.
    /// </summary>
    private static async Task ReadUntilAsync(System.Net.Sockets.NetworkStream stream, string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (!Encoding.UTF8.GetString(received.ToArray()).Contains(marker, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"the connection ended before the server sent “{marker}”");
            received.Write(buffer, 0, read);
        }
    }

    private static byte[] Frame(object message)
    {
        var payload = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message));
        var mask = new byte[] { 1, 2, 3, 4 };
        using var frame = new MemoryStream();
        frame.WriteByte(0x81);
        if (payload.Length < 126)
        {
            frame.WriteByte((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.WriteByte(0x80 | 126);
            frame.WriteByte((byte)(payload.Length >> 8));
            frame.WriteByte((byte)payload.Length);
        }

        frame.Write(mask);
        for (var i = 0; i < payload.Length; i++)
        {
            frame.WriteByte((byte)(payload[i] ^ mask[i % 4]));
        }

        return frame.ToArray();
    }

    public sealed class KestrelFactory : InterAssociatifFactory
    {
        private string? _address;

        public KestrelFactory() =>
            With("GraphQL:ConnectionInitTimeout", "00:00:02")
                .With("GraphQL:Limits:SendTimeout", "00:00:02")
                .With("GraphQL:Limits:RateLimitPermits", "100000");

        /// <summary>Lets a test stop reading on one connection, whatever the machine's TCP buffers.</summary>
        public StallableConnections Connections { get; } = new();

        public string Address
        {
            get
            {
                if (_address is null)
                {
                    UseKestrel(options =>
                        options.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Use(Connections.Middleware)));
                    StartServer();
                    _address = Services.GetRequiredService<IServer>().Features
                        .Get<IServerAddressesFeature>()!.Addresses
                        .First()
                        .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                        .Replace("localhost", "127.0.0.1", StringComparison.Ordinal)
                        .TrimEnd('/');
                }

                return _address;
            }
        }
    }
}
