using GraphQL;
using GraphQL.Types;

namespace InterAssociatif.Governance.Tests.Webhooks;

/// <summary>
/// A partner tool sees and manages its own webhook endpoints only: generated over every mutation that names an
/// endpoint, and over the queries. Keys need the right scopes; a revoked key's endpoints stop.
/// </summary>
public sealed class WebhookAccessTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private static readonly string[] EndpointTypes = ["WebhookEndpoint", "WebhookDelivery", "IssuedWebhookSecret"];

    private static IEnumerable<string> MutationsOnAnEndpoint() =>
        SchemaCases
            .IdFields(SchemaCases.ForTheoryData)
            .Where(f => f.References == "WebhookEndpoint")
            .Select(f => f.Mutation)
            .Distinct();

    public static TheoryData<string> EndpointMutations() => new(MutationsOnAnEndpoint());

    [Fact]
    public void Every_mutation_on_an_endpoint_is_covered()
    {
        string[] expected =
        [
            "deleteWebhookEndpoint",
            "pauseWebhookEndpoint",
            "redeliverWebhookEvent",
            "replayWebhookEvents",
            "resumeWebhookEndpoint",
            "rotateWebhookSecret",
        ];
        Assert.Equal(expected, MutationsOnAnEndpoint().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EndpointMutations))]
    public async Task Another_partner_s_key_cannot_change_an_endpoint_it_does_not_own(string name)
    {
        var (owner, other) = (await KeyAsync("Outil A"), await KeyAsync("Outil B"));
        var (endpoint, _) = await Webhooks.RegisterAsync(owner, "http://127.0.0.1:9/a");
        var before = (await owner.QueryAsync(Webhooks.State, new { id = endpoint }))
            .EnsureNoErrors()
            .Body.ToJsonString();
        var schema = SchemaCases.Schema(factory.Services);
        var mutation = schema.Mutation!.Fields.Find(name)!;
        var input = SchemaCases.Input(SchemaCases.InputOf(mutation), ["id"], JsonValue.Create(endpoint));

        var result = (await other.QueryAsync(SchemaCases.Document(mutation), new { input })).EnsureNoErrors();

        var error = Assert.Single(result.PayloadErrors(name));
        Assert.Equal(
            ("NOT_FOUND", "input.id"), (error!["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Equal(
            before,
            (await owner.QueryAsync(Webhooks.State, new { id = endpoint })).EnsureNoErrors().Body.ToJsonString()
        );
    }

    [Fact]
    public async Task Another_partner_s_key_sees_neither_the_endpoint_nor_its_deliveries_and_a_coordinator_sees_both()
    {
        var (owner, other) = (await KeyAsync("Outil C"), await KeyAsync("Outil D"));
        var (endpoint, _) = await Webhooks.RegisterAsync(owner, "http://127.0.0.1:9/c");
        const string list = "{ webhookEndpoints(first: 100) { nodes { id url } } }";
        const string node = "query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }";
        const string deliveries = "query($id: ID!) { webhookDeliveries(endpointId: $id) { nodes { attempt } } }";

        Assert.Contains(
            endpoint, (await owner.QueryAsync(list)).EnsureNoErrors().Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(
            endpoint, (await other.QueryAsync(list)).EnsureNoErrors().Body.ToJsonString(), StringComparison.Ordinal);
        var hidden = (await other.QueryAsync(node, new { id = endpoint })).EnsureNoErrors();
        Assert.Null(hidden.At("node"));
        Assert.Null(hidden.At("nodes[0]"));
        Assert.Equal(["NOT_FOUND"], (await other.QueryAsync(deliveries, new { id = endpoint })).ErrorCodes);

        var coordinator = factory.GraphQL("coordinator");
        Assert.Contains(
            endpoint,
            (await coordinator.QueryAsync(list)).EnsureNoErrors().Body.ToJsonString(),
            StringComparison.Ordinal
        );
        Assert.Equal(
            endpoint, (await coordinator.QueryAsync(node, new { id = endpoint })).EnsureNoErrors().String("node.id"));
        (await coordinator.QueryAsync(deliveries, new { id = endpoint })).EnsureNoErrors();
    }

    [Fact]
    public async Task A_key_without_subscribe_decisions_is_denied_and_one_without_read_decisions_is_refused()
    {
        var readOnly = await KeyAsync("Lecture seule", "READ_DECISIONS");
        var denied = await readOnly.QueryAsync(Register, new { input = Input() });
        Assert.Equal(["ACCESS_DENIED"], denied.ErrorCodes.Distinct());

        var subscribeOnly = await KeyAsync("Abonnement seul", "SUBSCRIBE_DECISIONS");
        var refused = (await subscribeOnly.QueryAsync(Register, new { input = Input() })).EnsureNoErrors();
        var error = Assert.Single(refused.PayloadErrors("registerWebhookEndpoint"));
        Assert.Equal(
            ("VALIDATION", "input.events"), (error!["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Contains("READ_DECISIONS", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoints_of_a_revoked_key_are_disabled_with_the_reason_and_receive_nothing()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using var webhooks = new WebhookFactory();
        var coordinator = webhooks.GraphQL("coordinator");
        var (key, keyId) = await IssueAsync(webhooks, "Outil révoqué", "READ_DECISIONS", "SUBSCRIBE_DECISIONS");
        var (endpoint, _) = await Webhooks.RegisterAsync(key, receiver.Url);
        (
            await coordinator.QueryAsync(
                "mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { errors { code } } }",
                new { input = new { id = keyId } }
            )
        ).EnsureNoErrors();

        await Webhooks.RecordAsync(webhooks, "Décision après la révocation");
        var state = await Webhooks.WaitForAsync(coordinator, endpoint, s => s.String("node.status") == "DISABLED");

        Assert.Contains("API_KEY_REVOKED", state.String("node.disabledReason"), StringComparison.Ordinal);
        Assert.Empty(receiver.All);
    }

    /// <summary>
    /// Endpoints are filtered by their owner, which subscriptions' shared executions do not tell apart: no field a
    /// subscription reaches may lead to them.
    /// </summary>
    [Fact]
    public void No_subscription_reaches_an_owned_webhook_type()
    {
        var schema = SchemaCases.Schema(factory.Services);
        var seen = new HashSet<string>();
        var pending = new Stack<IGraphType>([schema.Subscription!]);
        while (pending.TryPop(out var type))
        {
            if (type.GetNamedType() is IComplexGraphType complex && seen.Add(complex.Name))
            {
                foreach (var field in complex.Fields)
                {
                    pending.Push(field.ResolvedType!);
                }
            }
        }

        Assert.NotEmpty(seen);
        Assert.Empty(seen.Intersect(EndpointTypes));
    }

    private const string Register =
        "mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) "
        + "{ issued { secret } errors { code field message } } }";

    private static object Input() => new { url = "http://127.0.0.1:9/x", events = new[] { "DECISION_RECORDED" } };

    private async Task<GraphQLTestClient> KeyAsync(string name, params string[] scopes) =>
        (
            await IssueAsync(factory, name, scopes.Length > 0 ? scopes : ["READ_DECISIONS", "SUBSCRIBE_DECISIONS"])
        ).Client;

    /// <summary>A partner tool calling with an API key the coordinator issues; the key's id.</summary>
    private static async Task<(GraphQLTestClient Client, string Id)> IssueAsync(
        InterAssociatifFactory host, string name, params string[] scopes)
    {
        var issued = (
            await host.GraphQL("coordinator")
                .QueryAsync(
                    "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) "
                        + "{ issued { secret apiKey { id } } } }",
                    new { input = new { name, scopes } }
                )
        ).EnsureNoErrors();
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", issued.String("issueApiKey.issued.secret"));
        return (new GraphQLTestClient(http, null), issued.String("issueApiKey.issued.apiKey.id")!);
    }
}
