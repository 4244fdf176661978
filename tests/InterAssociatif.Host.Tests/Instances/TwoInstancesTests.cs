namespace InterAssociatif.Host.Tests.Instances;

/// <summary>
/// Two real host processes on one SQLite file, with a real <c>redis-server</c> between them: what one
/// instance commits, revokes or counts, the other sees. Redis is stopped and started again in the middle
/// of a stream; nothing depends on timing but generous upper bounds.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesTests.Instances instances)
    : IClassFixture<TwoInstancesTests.Instances>
{
    private const string Subscription = "subscription { decisionRecorded { cursor decision { title } } }";
    private const string Record =
        "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }";

    [Fact]
    public async Task A_subscriber_on_B_receives_decisions_recorded_on_A_in_order_exactly_once_over_WebSocket_and_SSE()
    {
        await instances.BothPushedAsync();
        var partner = await instances.A.TokenAsync("partner");
        await using var socket = await SubscribeAsync(instances.B, $"Bearer {partner}");
        using var stream = await SseStream.OpenAsync(instances.B, partner, Subscription);

        var titles = Enumerable.Range(1, 5).Select(i => $"Décision inter-instances {Guid.NewGuid():N} {i}").ToList();
        foreach (var title in titles)
        {
            await instances.RecordOnAAsync(title);
        }

        var overSocket = new List<JsonNode>();
        var overSse = new List<JsonNode>();
        foreach (var unused in titles)
        {
            overSocket.Add((await socket.ReceiveAsync())!["payload"]!["data"]!["decisionRecorded"]!);
            overSse.Add((await stream.NextAsync())!["data"]!["decisionRecorded"]!);
        }

        Assert.Equal(titles, overSocket.Select(Title));
        Assert.Equal(titles, overSse.Select(Title));
        Assert.Equal(overSocket.Select(Cursor), overSse.Select(Cursor));
        Assert.Equal(titles.Count, overSocket.Select(Cursor).Distinct().Count());

        // Nothing more is queued: the socket answers a ping next, the stream shows the next decision next.
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())!["type"]!.GetValue<string>());
        await instances.RecordOnAAsync("Marqueur");
        Assert.Equal("Marqueur", Title((await stream.NextAsync())!["data"]!["decisionRecorded"]!));
    }

    [Fact]
    public async Task With_Redis_stopped_B_reads_A_s_decisions_from_the_log_without_gap_or_duplicate_then_push_returns()
    {
        await instances.BothPushedAsync();
        var partner = await instances.A.TokenAsync("partner");
        await using var socket = await SubscribeAsync(instances.B, $"Bearer {partner}");
        var run = Guid.NewGuid().ToString("N");
        var titles = new List<string>();
        async Task RecordAsync(string phase)
        {
            titles.Add($"{phase} {run} {titles.Count + 1}");
            await instances.RecordOnAAsync(titles[^1]);
        }

        await RecordAsync("Avant l'arrêt de Redis");
        await RecordAsync("Avant l'arrêt de Redis");
        var received = new List<string> { Title(await NextAsync(socket)), Title(await NextAsync(socket)) };

        await instances.Redis.StopAsync();
        Assert.True(
            await instances.B.WaitForCheckAsync("redis", "Degraded", TimeSpan.FromSeconds(30)),
            "B never noticed that Redis was gone"
        );
        Assert.Equal(
            HttpStatusCode.OK, (await new HttpClient().GetAsync($"{instances.B.Origin}/health/ready")).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync("Redis arrêté");
        }

        // Delivered from the log on B's poll interval (1 s here); the receive waits up to 15 s.
        for (var i = 0; i < 3; i++)
        {
            received.Add(Title(await NextAsync(socket)));
        }

        await instances.Redis.StartAsync();
        Assert.True(
            await instances.B.WaitForCheckAsync("redis", "Healthy", TimeSpan.FromSeconds(30)),
            "B never went back to push"
        );
        await instances.BothPushedAsync();
        await RecordAsync("Redis revenu");
        await RecordAsync("Redis revenu");
        received.Add(Title(await NextAsync(socket)));
        received.Add(Title(await NextAsync(socket)));

        Assert.Equal(titles, received);
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_credentials_requests_spread_over_A_and_B_are_counted_against_one_limit()
    {
        await instances.BothPushedAsync();
        var key = await instances.IssueKeyAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Instances.Permits + 2; i++)
        {
            var host = i % 2 == 0 ? instances.A : instances.B;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{host.Origin}/graphql")
            {
                Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", key.Secret);
            using var response = await instances.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        // Each instance alone would have allowed Permits; together they allow Permits, whichever gets the next.
        Assert.All(statuses.Take(Instances.Permits), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(
            [HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses.Skip(Instances.Permits)
        );
    }

    [Fact]
    public async Task A_key_revoked_on_A_is_refused_on_B_and_its_socket_and_stream_on_B_are_closed()
    {
        await instances.BothPushedAsync();
        var key = await instances.IssueKeyAsync();
        await using var socket = await SubscribeAsync(instances.B, apiKey: key.Secret);
        using var stream = await SseStream.OpenAsync(instances.B, token: null, Subscription, key.Secret);

        await instances.RevokeKeyAsync(key.Id);

        Assert.Null(await socket.ReceiveAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(4403, (int?)socket.Socket.CloseStatus);
        var last = await stream.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FORBIDDEN", last!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(await stream.NextAsync(TimeSpan.FromSeconds(10)));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{instances.B.Origin}/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key.Secret);
        using var refused = await instances.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("API_KEY_REVOKED", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_Redis_stopped_a_key_revoked_on_A_still_closes_its_socket_on_B_from_the_keys_table()
    {
        await instances.BothPushedAsync();
        var key = await instances.IssueKeyAsync();
        await using var socket = await SubscribeAsync(instances.B, apiKey: key.Secret);
        await instances.Redis.StopAsync();
        try
        {
            Assert.True(
                await instances.B.WaitForCheckAsync("redis", "Degraded", TimeSpan.FromSeconds(30)),
                "B never noticed that Redis was gone"
            );
            await instances.RevokeKeyAsync(key.Id);

            // B reads the key again on its poll interval (1 s here).
            Assert.Null(await socket.ReceiveAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(4403, (int?)socket.Socket.CloseStatus);
        }
        finally
        {
            await instances.Redis.StartAsync();
        }
    }

    private static string Title(JsonNode item) => item["decision"]!["title"]!.GetValue<string>();

    private static string Cursor(JsonNode item) => item["cursor"]!.GetValue<string>();

    private static async Task<JsonNode> NextAsync(GraphQLWebSocketClient socket) =>
        (await socket.ReceiveAsync())!["payload"]!["data"]!["decisionRecorded"]!;

    /// <summary>A graphql-transport-ws subscription to <c>decisionRecorded</c>, listening once this returns.</summary>
    private static async Task<GraphQLWebSocketClient> SubscribeAsync(
        HostProcess host, string? authorization = null, string? apiKey = null)
    {
        object payload = apiKey is null ? new { Authorization = authorization } : new { apiKey };
        var socket = await GraphQLWebSocketClient.InitializedAsync(host.Origin, payload);
        await socket.ListeningAsync("feed", new { query = Subscription });
        return socket;
    }

    /// <summary>A GraphQL-over-SSE stream: each <c>event: next</c>'s data, null once the stream ends.</summary>
    private sealed class SseStream(HttpClient http, HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public static async Task<SseStream> OpenAsync(
            HostProcess host, string? token, string query, string? apiKey = null)
        {
            var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var request = GraphQLTestClient.Request(
                query, token: token, accept: "text/event-stream", url: $"{host.Origin}/graphql");
            if (apiKey is not null)
            {
                request.Headers.Add("X-Api-Key", apiKey);
            }

            // The starting point is fixed while the operation executes, before the headers are sent.
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new SseStream(http, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public async Task<JsonNode?> NextAsync(TimeSpan? timeout = null)
        {
            using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
            string? eventName = null;
            while (await reader.ReadLineAsync(cancellation.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    eventName = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "next")
                {
                    return JsonNode.Parse(line[6..]);
                }
                else if (eventName == "complete")
                {
                    return null;
                }
            }

            return null;
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
            http.Dispose();
        }
    }

    /// <summary>Redis and two hosts, A then B, on one data folder; rate limit <see cref="Permits"/> a minute.</summary>
    public sealed class Instances : IAsyncLifetime
    {
        public const int Permits = 100;
        private readonly TemporaryFolder _data = new();
        private string? _bodyId;

        public RedisServer Redis { get; } = new();

        public HostProcess A { get; private set; } = null!;

        public HostProcess B { get; private set; } = null!;

        public HttpClient Http { get; } = new();

        public GraphQLTestClient Coordinator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Redis.StartAsync();
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__Redis"] = Redis.ConnectionString,
                ["Events__PollInterval"] = "00:00:01",
                ["GraphQL__Limits__RateLimitPermits"] = Permits.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
            };
            A = new HostProcess(_data.Path, settings);
            await A.StartAsync();
            B = new HostProcess(_data.Path, settings);
            await B.StartAsync();
            Coordinator = A.GraphQL(await A.TokenAsync("coordinator"));
            _bodyId = (await Coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
                .EnsureNoErrors()
                .String("bodies.nodes[0].id");
        }

        /// <summary>
        /// Both instances receive each other's events through Redis (each has had its own probe back).
        /// </summary>
        public async Task BothPushedAsync()
        {
            Assert.True(await A.WaitForCheckAsync("redis", "Healthy", TimeSpan.FromSeconds(30)), "A is not pushed");
            Assert.True(await B.WaitForCheckAsync("redis", "Healthy", TimeSpan.FromSeconds(30)), "B is not pushed");
        }

        public async Task RecordOnAAsync(string title)
        {
            var result = await Coordinator.QueryAsync(
                Record,
                new
                {
                    input = new
                    {
                        bodyId = _bodyId,
                        title,
                        decidedOn = "2021-03-01",
                    },
                }
            );
            Assert.Empty(result.EnsureNoErrors().PayloadErrors("recordDecision"));
        }

        public async Task RevokeKeyAsync(string id)
        {
            var revoked = await Coordinator.QueryAsync(
                "mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { errors { code } } }",
                new { input = new { id } }
            );
            Assert.Empty(revoked.EnsureNoErrors().PayloadErrors("revokeApiKey"));
        }

        public async Task<(string Id, string Secret)> IssueKeyAsync()
        {
            var issued = (
                await Coordinator.QueryAsync(
                    "mutation { issueApiKey(input: { name: \"Outil partenaire\", "
                        + "scopes: [READ_DECISIONS, SUBSCRIBE_DECISIONS] }) { issued { secret apiKey { id } } } }"
                )
            ).EnsureNoErrors();
            return (issued.String("issueApiKey.issued.apiKey.id")!, issued.String("issueApiKey.issued.secret")!);
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Redis.DisposeAsync();
            Http.Dispose();
            _data.Dispose();
        }
    }
}
