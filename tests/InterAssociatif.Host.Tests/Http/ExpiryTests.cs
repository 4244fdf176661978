namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// Keys and tokens that expire, on the host's clock, which the test moves: no test waits for real
/// time to pass.
/// </summary>
public sealed class ExpiryTests(ExpiryTests.ClockFactory factory) : IClassFixture<ExpiryTests.ClockFactory>
{
    private const string Issue =
        "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { issued { secret } errors { code } } }";
    private const string Decisions = "{ decisions { totalCount } }";

    private readonly string _origin = factory.KestrelOrigin();

    [Fact]
    public async Task A_key_is_refused_from_the_moment_it_expires()
    {
        var expiresAt = factory.Clock.GetUtcNow().AddMinutes(10);
        var input = new
        {
            name = "Expire dans dix minutes",
            scopes = new[] { "READ_DECISIONS" },
            expiresAt,
        };
        var secret = (await factory.GraphQL("coordinator").QueryAsync(Issue, new { input }))
            .EnsureNoErrors()
            .String("issueApiKey.issued.secret")!;
        Assert.Equal(HttpStatusCode.OK, (await WithKeyAsync(secret)).Status);

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await WithKeyAsync(secret)).Status);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["API_KEY_EXPIRED"], (await WithKeyAsync(secret)).ErrorCodes);
    }

    [Fact]
    public async Task A_token_expiring_during_a_websocket_connection_closes_it_with_4403()
    {
        var token = factory.Token("partner", lifetime: TimeSpan.FromMinutes(5), issuedAt: factory.Clock.GetUtcNow());
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(_origin);
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())!["type"]!.GetValue<string>());
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())!["type"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(4403, (int)socket.Socket.CloseStatus!);
    }

    private async Task<GraphQLResult> WithKeyAsync(string key)
    {
        var body = new StringContent(
            JsonSerializer.Serialize(new { query = Decisions }), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };
        request.Headers.Add(ApiKeyService.HeaderName, key);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await factory.CreateClient().SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new GraphQLResult(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }

    /// <summary>The host on a loopback port, with a clock the tests move by hand.</summary>
    public sealed class ClockFactory : InterAssociatifFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(Clock);
    }
}
