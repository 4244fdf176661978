namespace InterAssociatif.Governance.Tests.Webhooks;

/// <summary>
/// Where webhooks may not go (SSRF). No packet leaves this machine: names resolve through a resolver the test
/// controls, refusals happen before any connection, and the connect step is a connector that records what it was
/// asked to reach and connects nowhere.
/// </summary>
public sealed class WebhookAddressTests(WebhookAddressTests.GuardedFactory factory)
    : IClassFixture<WebhookAddressTests.GuardedFactory>
{
    private const string Public = "93.184.216.34";

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.45.6.7", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("::ffff:192.168.1.10", "private")]
    [InlineData("fd00:ec2::254", "private")]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("64:ff9b::a9fe:a9fe", "metadata")]
    [InlineData("169.254.10.20", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::1", "multicast")]
    public void A_loopback_private_link_local_metadata_or_special_address_is_refused(string address, string what) =>
        Assert.Contains(what, WebhookAddresses.Refusal(IPAddress.Parse(address)), StringComparison.Ordinal);

    [Theory]
    [InlineData(Public)]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    public void A_public_address_is_allowed(string address) =>
        Assert.Null(WebhookAddresses.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://internal.partner.example/hook", "private")]
    [InlineData("https://metadata.partner.example/latest/meta-data", "metadata")]
    [InlineData("https://mixed.partner.example/hook", "loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://169.254.169.254/latest/meta-data", "metadata")]
    [InlineData("https://10.0.0.8:8443/hook", "private")]
    [InlineData("https://nowhere.partner.example/hook", "does not resolve")]
    [InlineData("http://hooks.partner.example/hook", "HTTPS")]
    [InlineData("ftp://hooks.partner.example/hook", "HTTPS")]
    [InlineData("https://user:secret@hooks.partner.example/hook", "user name")]
    [InlineData("/hook", "HTTPS")]
    [InlineData("", "")]
    public async Task An_endpoint_url_going_anywhere_but_a_public_https_address_is_refused_naming_the_field(
        string url, string because)
    {
        factory.Connector.Attempts.Clear();
        var before = await CountAsync();
        var result = await factory.GraphQL("partner").QueryAsync(Register, new { input = Input(url) });

        var error = Assert.Single(result.EnsureNoErrors().PayloadErrors("registerWebhookEndpoint"));
        Assert.Equal(
            ("VALIDATION", "input.url"), (error!["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Contains(because, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.Empty(factory.Connector.Attempts);
    }

    [Fact]
    public async Task A_name_that_resolves_elsewhere_at_delivery_time_is_refused_before_connecting()
    {
        factory.Resolver.Names["rebind.partner.example"] = [IPAddress.Parse(Public)];
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, "https://rebind.partner.example/hook");
        factory.Resolver.Names["rebind.partner.example"] = [IPAddress.Parse(Public), IPAddress.Loopback];
        factory.Connector.Attempts.Clear();

        await Webhooks.RecordAsync(factory, "Décision pour un nom qui change d'adresse");
        var state = await Webhooks.WaitForAsync(partner, endpoint, s => s.Int("node.failures") >= 1);

        Assert.Empty(factory.Connector.Attempts);
        var attempt = (await Webhooks.DeliveriesAsync(partner, endpoint, 1))[0]!;
        Assert.Contains("loopback", attempt["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(attempt["statusCode"]);
        (await partner.QueryAsync(Webhooks.Pause, new { input = new { id = endpoint } })).EnsureNoErrors();
        Assert.NotNull(state.At("node.nextAttemptAt"));
    }

    [Fact]
    public async Task A_public_name_is_connected_to_at_the_very_address_checked_and_nowhere_else()
    {
        factory.Resolver.Names["hooks.partner.example"] = [IPAddress.Parse(Public)];
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, "https://hooks.partner.example:8443/hook");
        factory.Connector.Attempts.Clear();

        await Webhooks.RecordAsync(factory, "Décision pour un nom public");
        await Webhooks.WaitForAsync(partner, endpoint, s => s.Int("node.failures") >= 1);
        (await partner.QueryAsync(Webhooks.Pause, new { input = new { id = endpoint } })).EnsureNoErrors();

        Assert.All(factory.Connector.Attempts, a => Assert.Equal(new IPEndPoint(IPAddress.Parse(Public), 8443), a));
        Assert.NotEmpty(factory.Connector.Attempts);
    }

    private const string Register =
        "mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) "
        + "{ issued { secret } errors { code field message } } }";

    private static object Input(string url) => new { url, events = new[] { "DECISION_RECORDED" } };

    private async Task<int> CountAsync() =>
        (await factory.GraphQL("coordinator").QueryAsync("{ webhookEndpoints(first: 100) { nodes { id } } }"))
            .EnsureNoErrors()
            .At("webhookEndpoints.nodes")!
            .AsArray()
            .Count;

    /// <summary>A host whose resolver and connector are the test's: names map to addresses it sets.</summary>
    public sealed class GuardedFactory : InterAssociatifFactory
    {
        public GuardedFactory()
        {
            With("Webhooks:RetrySchedule:0", "00:00:00.1").With("Webhooks:RetrySchedule:1", "00:00:00.1");
            Resolver.Names["internal.partner.example"] = [IPAddress.Parse("10.0.0.5")];
            Resolver.Names["metadata.partner.example"] = [IPAddress.Parse("169.254.169.254")];
            Resolver.Names["mixed.partner.example"] = [IPAddress.Parse(Public), IPAddress.Parse("127.0.0.1")];
            Resolver.Names["localhost"] = [IPAddress.Loopback, IPAddress.IPv6Loopback];
            Resolver.Names["hooks.partner.example"] = [IPAddress.Parse(Public)];
        }

        internal FakeResolver Resolver { get; } = new();

        internal RecordingConnector Connector { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<IWebhookResolver>(Resolver);
            services.AddSingleton<IWebhookConnector>(Connector);
        }
    }

    internal sealed class FakeResolver : IWebhookResolver
    {
        public ConcurrentDictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? Task.FromResult<IPAddress[]>([literal])
                : Task.FromResult(Names.GetValueOrDefault(host, []));
    }

    /// <summary>Records where it was asked to connect, and refuses like a closed port: nothing is sent.</summary>
    internal sealed class RecordingConnector : IWebhookConnector
    {
        public ConcurrentQueue<IPEndPoint> Attempts { get; } = new();

        public ValueTask<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
        {
            Attempts.Enqueue(new IPEndPoint(address, port));
            throw new SocketException((int)SocketError.ConnectionRefused);
        }
    }
}
