using StandardWebhooks;

namespace InterAssociatif.Governance.Tests.Webhooks;

/// <summary>
/// Webhooks as a partner tool receives them, on a real HTTP receiver of 127.0.0.1 (allowed by configuration):
/// signed (checked with the StandardWebhooks library, as the partner would), retried until a 2xx, logged, and
/// replayed on request. Each test has a host of its own, so that no other test's endpoint or decision mixes in.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_recorded_decision_reaches_the_receiver_within_two_seconds_signed_as_standard_webhooks_say()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (_, secret) = await Webhooks.RegisterAsync(factory.GraphQL("partner"), receiver.Url);
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret);

        var decision = await Webhooks.RecordAsync(factory, "Décision livrée par webhook");
        // Within two seconds of the mutation's answer (the wait's own bound; the mutation's time under a busy
        // machine is not the dispatcher's to keep).
        var delivery = await receiver.NextAsync(TimeSpan.FromSeconds(2));

        Assert.NotNull(delivery);
        new StandardWebhook(secret).Verify(delivery.Body, delivery.Headers); // throws when the signature is wrong
        Assert.Contains("Décision livrée par webhook", delivery.Body, StringComparison.Ordinal); // readable UTF-8
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() =>
            new StandardWebhook(secret).Verify(delivery.Body.Replace("livrée", "falsifiée"), delivery.Headers)
        );
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() =>
            new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(delivery.Body, delivery.Headers)
        );
        var body = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("decision.recorded", body["type"]!.GetValue<string>());
        Assert.Equal(decision, body["data"]!["decision"]!["id"]!.GetValue<string>());
        Assert.Equal("Décision livrée par webhook", body["data"]!["decision"]!["title"]!.GetValue<string>());
        Assert.Equal("ADOPTED", body["data"]!["decision"]!["status"]!.GetValue<string>());
        Assert.NotNull(body["data"]!["decision"]!["body"]!["name"]);
        Assert.False(string.IsNullOrEmpty(body["position"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_receiver_answering_500_three_times_gets_the_event_once_more_and_the_log_shows_four_attempts()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.Answer(500, 500, 500).StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);

        await Webhooks.RecordAsync(factory, "Décision qui finit par passer");
        var received = new List<ReceivedWebhook>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(
                await receiver.NextAsync(Soon) ?? throw new Xunit.Sdk.XunitException($"attempt {i + 1} never came")
            );
        }

        Assert.Equal([500, 500, 500, 200], received.Select(r => r.Answered));
        Assert.Single(received.Select(r => r.Id).Distinct()); // one event, one webhook-id, whatever the attempt
        // The attempt is logged once the receiver has answered: wait until the endpoint has moved past the event.
        var state = await Webhooks.WaitForAsync(
            partner, endpoint, s => s.String("node.position") == Position(received[3]));
        Assert.Equal(("ACTIVE", 0), (state.String("node.status"), state.Int("node.failures")));
        var log = await Webhooks.DeliveriesAsync(partner, endpoint, 10);
        Assert.Equal([4, 3, 2, 1], log.Select(a => a!["attempt"]!.GetValue<int>()));
        Assert.Equal([true, false, false, false], log.Select(a => a!["succeeded"]!.GetValue<bool>()));
        Assert.Equal([200, 500, 500, 500], log.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.All(log.Skip(1), a => Assert.NotNull(a!["nextAttemptAt"]));
        Assert.Equal(4, receiver.All.Count);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_it_is_a_failed_attempt_retried_at_the_registered_url()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.Answer(307).StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);

        await Webhooks.RecordAsync(factory, "Décision redirigée");
        var first = await receiver.NextAsync(Soon);
        var second = await receiver.NextAsync(Soon);

        Assert.Equal((307, 200), (first!.Answered, second!.Answered));
        Assert.Equal(first.Id, second.Id);
        await Webhooks.WaitForAsync(partner, endpoint, s => s.String("node.position") == Position(second));
        var log = await Webhooks.DeliveriesAsync(partner, endpoint, 10);
        Assert.Equal([200, 307], log.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Contains("307", log[1]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(receiver.All, r => Assert.Equal("/hooks/decisions", r.Path));
    }

    [Fact]
    public async Task Once_the_retries_are_used_up_the_endpoint_is_disabled_with_the_reason_and_resume_restarts_it()
    {
        await using var factory = WebhookFactory.WithRetries(2);
        await using var receiver = new WebhookReceiver();
        await receiver.Answer(503, 503, 503).StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);

        await Webhooks.RecordAsync(factory, "Décision d'un récepteur en panne");
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(await receiver.NextAsync(Soon));
        }

        var state = await Webhooks.WaitForAsync(partner, endpoint, s => s.String("node.status") == "DISABLED");
        Assert.Contains("3 times", state.String("node.disabledReason"), StringComparison.Ordinal);
        Assert.Contains("503", state.String("node.disabledReason"), StringComparison.Ordinal);

        (await partner.QueryAsync(Webhooks.Resume, new { input = new { id = endpoint } })).EnsureNoErrors();
        var again = await receiver.NextAsync(Soon);
        Assert.Equal(200, again?.Answered);
        Assert.Equal(receiver.All.First().Id, again!.Id);
    }

    [Fact]
    public async Task Replay_after_a_position_redelivers_exactly_the_events_after_it_in_order()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);
        var first = new List<ReceivedWebhook>();
        foreach (var title in new[] { "Première", "Deuxième", "Troisième", "Quatrième" })
        {
            await Webhooks.RecordAsync(factory, title);
            first.Add(await receiver.NextAsync(Soon) ?? throw new Xunit.Sdk.XunitException($"{title} never came"));
        }

        var after = JsonNode.Parse(first[1].Body)!["position"]!.GetValue<string>();
        var replay = await partner.QueryAsync(
            File.ReadAllText(RepositoryFiles.Path("schema", "operations", "PartnerWebhookReplay.graphql")),
            new { id = endpoint, after }
        );
        Assert.Equal(after, replay.EnsureNoErrors().String("replayWebhookEvents.endpoint.position"));

        var replayed = new[] { await receiver.NextAsync(Soon), await receiver.NextAsync(Soon) };
        Assert.Equal(first.Skip(2).Select(r => (r.Id, r.Body)), replayed.Select(r => (r!.Id, r.Body)));
        // Nothing else: the delivery log holds the four first deliveries and the two replayed, no more.
        var state = await Webhooks.WaitForAsync(
            partner, endpoint, s => s.String("node.position") == Position(first[3]));
        Assert.Equal(0, state.Int("node.failures"));
        Assert.Equal(6, (await Webhooks.DeliveriesAsync(partner, endpoint, 10)).Count);
        Assert.Equal(6, receiver.All.Count);
    }

    [Fact]
    public async Task Redelivering_one_event_sends_it_alone_and_an_unknown_position_is_refused_naming_the_field()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);
        await Webhooks.RecordAsync(factory, "Une");
        var one = await receiver.NextAsync(Soon);
        await Webhooks.RecordAsync(factory, "Deux");
        Assert.NotNull(await receiver.NextAsync(Soon));

        const string redeliver =
            "mutation($input: RedeliverWebhookEventInput!) { "
            + "redeliverWebhookEvent(input: $input) { errors { code field } } }";
        (
            await partner.QueryAsync(redeliver, new { input = new { id = endpoint, position = Position(one!) } })
        ).EnsureNoErrors();
        var again = await receiver.NextAsync(Soon);
        Assert.Equal((one!.Id, one.Body), (again!.Id, again.Body));

        foreach (var position in new[] { "pas-une-position", Webhooks.Cursor(1_000_000), Webhooks.Cursor(-1) })
        {
            var refused = (
                await partner.QueryAsync(redeliver, new { input = new { id = endpoint, position } })
            ).EnsureNoErrors();
            var error = Assert.Single(refused.PayloadErrors("redeliverWebhookEvent"));
            Assert.Equal(
                ("VALIDATION", "input.position"),
                (error!["code"]!.GetValue<string>(), error["field"]!.GetValue<string>())
            );
        }
    }

    [Fact]
    public async Task Only_the_kinds_body_and_theme_asked_for_are_delivered_and_a_paused_endpoint_gets_them_on_resume()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var partner = factory.GraphQL("partner");
        var bodies = (await partner.QueryAsync("{ bodies(first: 2) { nodes { id } } }")).EnsureNoErrors();
        var (endpoint, _) = await Webhooks.RegisterAsync(
            partner,
            receiver.Url,
            ["DECISION_STATUS_CHANGED", "DECISION_RECORDED"],
            bodies.String("bodies.nodes[0].id")
        );
        (await partner.QueryAsync(Webhooks.Pause, new { input = new { id = endpoint } })).EnsureNoErrors();

        var kept = await Webhooks.RecordAsync(factory, "Du bon organe", bodies.String("bodies.nodes[0].id"));
        await Webhooks.RecordAsync(factory, "D'un autre organe", bodies.String("bodies.nodes[1].id"));
        (
            await factory
                .GraphQL("coordinator")
                .QueryAsync(
                    "mutation($input: ChangeDecisionStatusInput!) { "
                        + "changeDecisionStatus(input: $input) { errors { code } } }",
                    new
                    {
                        input = new
                        {
                            id = kept,
                            status = "AMENDED",
                            on = "2021-08-01",
                        },
                    }
                )
        ).EnsureNoErrors();
        Assert.Null(await receiver.NextAsync(TimeSpan.FromMilliseconds(500))); // paused: nothing sent

        (await partner.QueryAsync(Webhooks.Resume, new { input = new { id = endpoint } })).EnsureNoErrors();
        var recorded = JsonNode.Parse((await receiver.NextAsync(Soon))!.Body)!;
        var amended = JsonNode.Parse((await receiver.NextAsync(Soon))!.Body)!;
        Assert.Equal(
            ("decision.recorded", "Du bon organe"),
            (recorded["type"]!.GetValue<string>(), recorded["data"]!["decision"]!["title"]!.GetValue<string>())
        );
        Assert.Equal(
            ("decision.statusChanged", "AMENDED"),
            (amended["type"]!.GetValue<string>(), amended["data"]!["decision"]!["status"]!.GetValue<string>())
        );
        await Webhooks.WaitForAsync(
            partner, endpoint, s => s.String("node.position") == amended["position"]!.GetValue<string>());
        Assert.Equal(2, receiver.All.Count);
    }

    /// <summary>
    /// A queue of events goes out under one lease: taken once, renewed only once half of it has run (not before each
    /// delivery: a write less per event, which writers waiting for SQLite's lock pay for), released once.
    /// </summary>
    [Fact]
    public async Task A_queue_of_five_events_is_delivered_under_one_lease_taken_once_and_released_once()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, _) = await Webhooks.RegisterAsync(partner, receiver.Url);
        (await partner.QueryAsync(Webhooks.Pause, new { input = new { id = endpoint } })).EnsureNoErrors();
        for (var i = 0; i < 5; i++)
        {
            await Webhooks.RecordAsync(factory, $"En file {i}");
        }

        factory.SqlCommands.Reset();
        (await partner.QueryAsync(Webhooks.Resume, new { input = new { id = endpoint } })).EnsureNoErrors();
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains($"En file {i}", (await receiver.NextAsync(Soon))!.Body, StringComparison.Ordinal);
        }

        bool Leasing(string sql) => sql.Contains("SET \"LeaseHolder\" = @", StringComparison.Ordinal);
        bool Releasing(string sql) => sql.Contains("SET \"LeaseHolder\" = NULL", StringComparison.Ordinal);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!factory.SqlCommands.RecentBackground.Any(Releasing) && waited.Elapsed < Soon)
        {
            await Task.Delay(20);
        }

        var background = factory.SqlCommands.RecentBackground;
        Assert.Equal((1, 1), (background.Count(Leasing), background.Count(Releasing)));
        Assert.Null(await receiver.NextAsync(TimeSpan.FromMilliseconds(200)));
    }

    /// <summary>
    /// Two receivers that hang hold both delivery slots of a host with <c>Webhooks:Concurrency</c> 2; a third that
    /// answers at once still gets the next decision while they hang: past <c>Webhooks:SlowAfter</c> their deliveries
    /// moved to the slow lane and freed the slots.
    /// </summary>
    [Fact]
    public async Task Receivers_that_hang_in_every_slot_do_not_hold_back_one_that_answers()
    {
        await using var factory = new WebhookFactory();
        factory.With("Webhooks:Concurrency", "2").With("Webhooks:SlowAfter", "00:00:00.2")
            .With("Webhooks:Timeout", "00:01:00");
        var hanging = new TaskCompletionSource();
        await using var slowA = new WebhookReceiver { Hold = hanging.Task };
        await using var slowB = new WebhookReceiver { Hold = hanging.Task };
        await using var fast = new WebhookReceiver();
        try
        {
            var partner = factory.GraphQL("partner");
            foreach (var receiver in new[] { slowA, slowB, fast })
            {
                await receiver.StartAsync();
            }

            await Webhooks.RegisterAsync(partner, slowA.Url.Replace("decisions", "a", StringComparison.Ordinal));
            await Webhooks.RegisterAsync(partner, slowB.Url.Replace("decisions", "b", StringComparison.Ordinal));
            await Webhooks.RecordAsync(factory, "Reçue, sans réponse");
            Assert.NotNull(await slowA.NextAsync(Soon));
            Assert.NotNull(await slowB.NextAsync(Soon));

            await Webhooks.RegisterAsync(partner, fast.Url);
            await Webhooks.RecordAsync(factory, "Livrée malgré les lents");
            var delivered = await fast.NextAsync(Soon);
            Assert.Contains("Livrée malgré les lents", delivered?.Body, StringComparison.Ordinal);
            Assert.False(hanging.Task.IsCompleted);
        }
        finally
        {
            hanging.TrySetResult();
        }
    }

    [Fact]
    public async Task A_follow_up_marked_done_is_delivered_as_the_api_shows_it_with_its_decision()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var coordinator = factory.GraphQL("coordinator");
        var partner = factory.GraphQL("partner");
        var body = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        var recorded = (
            await coordinator.QueryAsync(
                "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) "
                    + "{ decision { followUps { id } } errors { code } } }",
                new
                {
                    input = new
                    {
                        bodyId = body,
                        title = "Décision suivie",
                        decidedOn = "2021-07-01",
                        followUps = new[] { new { description = "Envoyer le compte rendu", dueOn = "2021-09-01" } },
                    },
                }
            )
        ).EnsureNoErrors();
        var followUp = recorded.String("recordDecision.decision.followUps[0].id");
        await Webhooks.RegisterAsync(partner, receiver.Url, ["FOLLOW_UP_CHANGED"]);

        (
            await coordinator.QueryAsync(
                "mutation($input: SetFollowUpStatusInput!) { setFollowUpStatus(input: $input) { errors { code } } }",
                new
                {
                    input = new
                    {
                        id = followUp,
                        status = "DONE",
                        doneOn = "2021-08-30",
                    },
                }
            )
        ).EnsureNoErrors();
        var delivered = JsonNode.Parse((await receiver.NextAsync(Soon))!.Body)!;

        Assert.Equal("followUp.changed", delivered["type"]!.GetValue<string>());
        var data = delivered["data"]!["followUp"]!;
        Assert.Equal(followUp, data["id"]!.GetValue<string>());
        Assert.Equal(("DONE", "2021-08-30"), (data["status"]!.GetValue<string>(), data["doneOn"]!.GetValue<string>()));
        Assert.Equal("Décision suivie", data["decision"]!["title"]!.GetValue<string>());
        Assert.Single(receiver.All); // the decision itself was recorded before: not a follow-up event
    }

    [Fact]
    public async Task A_rotated_secret_signs_beside_the_old_one_during_the_overlap()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var partner = factory.GraphQL("partner");
        var (endpoint, old) = await Webhooks.RegisterAsync(partner, receiver.Url);
        var rotated = (
            await partner.QueryAsync(
                "mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { "
                    + "issued { secret endpoint { previousSecretUntil } } errors { code } } }",
                new { input = new { id = endpoint } }
            )
        ).EnsureNoErrors();
        var secret = rotated.String("rotateWebhookSecret.issued.secret")!;
        Assert.NotEqual(old, secret);
        Assert.NotNull(rotated.At("rotateWebhookSecret.issued.endpoint.previousSecretUntil"));

        await Webhooks.RecordAsync(factory, "Signée deux fois");
        var delivery = await receiver.NextAsync(Soon);
        Assert.Equal(2, delivery!.Headers["webhook-signature"].ToString().Split(' ').Length);
        // The new secret's signature comes first: the .NET StandardWebhooks library (1.1.2) checks only the first
        // one. A receiver still on the old secret finds its signature among the others, as the specification says.
        new StandardWebhook(secret).Verify(delivery.Body, delivery.Headers);
        var at = DateTimeOffset.FromUnixTimeSeconds(
            long.Parse(
                delivery.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture)
        );
        Assert.Equal(
            new StandardWebhook(old).Sign(delivery.Id, at, delivery.Body),
            delivery.Headers["webhook-signature"].ToString().Split(' ')[1]
        );
    }

    private static string Position(ReceivedWebhook delivery) =>
        JsonNode.Parse(delivery.Body)!["position"]!.GetValue<string>();
}

/// <summary>A host whose webhooks may reach 127.0.0.1 over plain HTTP, retrying every 100 ms.</summary>
public sealed class WebhookFactory : InterAssociatifFactory
{
    public WebhookFactory()
        : this(retries: 5) { }

    private WebhookFactory(int retries)
    {
        With("Webhooks:AllowedHosts:0", "127.0.0.1").With("Webhooks:AllowInsecureHttp", "true");
        for (var i = 0; i < retries; i++)
        {
            With($"Webhooks:RetrySchedule:{i}", "00:00:00.1");
        }
    }

    /// <summary>A host that retries <paramref name="retries"/> times before it disables an endpoint.</summary>
    public static WebhookFactory WithRetries(int retries) => new(retries);
}

/// <summary>The GraphQL calls of a partner tool managing its webhooks.</summary>
internal static class Webhooks
{
    public const string State =
        "query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { status "
        + "disabledReason failures position nextAttemptAt } } }";

    public const string Pause =
        "mutation($input: PauseWebhookEndpointInput!) { "
        + "pauseWebhookEndpoint(input: $input) { errors { code field } } }";

    public const string Resume =
        "mutation($input: ResumeWebhookEndpointInput!) { "
        + "resumeWebhookEndpoint(input: $input) { errors { code field } } }";

    public static string Cursor(long sequence) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"event:{sequence}"));

    public static async Task<(string Endpoint, string Secret)> RegisterAsync(
        GraphQLTestClient client, string url, string[]? events = null, string? bodyId = null)
    {
        // The example operation partners are given (schema/operations/), as they would send it.
        var registered = (
            await client.QueryAsync(
                File.ReadAllText(RepositoryFiles.Path("schema", "operations", "PartnerWebhookRegistration.graphql")),
                new
                {
                    url,
                    events = events ?? ["DECISION_RECORDED"],
                    bodyId,
                }
            )
        ).EnsureNoErrors();
        Assert.Empty(registered.PayloadErrors("registerWebhookEndpoint"));
        return (
            registered.String("registerWebhookEndpoint.issued.endpoint.id")!,
            registered.String("registerWebhookEndpoint.issued.secret")!
        );
    }

    /// <summary>Records a decision as the coordinator; its global id.</summary>
    public static Task<string> RecordAsync(InterAssociatifFactory factory, string title, string? bodyId = null) =>
        RecordAsync(factory.GraphQL("coordinator"), title, bodyId);

    /// <summary>Records a decision as <paramref name="coordinator"/>; its global id.</summary>
    public static async Task<string> RecordAsync(GraphQLTestClient coordinator, string title, string? bodyId = null)
    {
        bodyId ??= (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        return (
            await coordinator.QueryAsync(
                "mutation($input: RecordDecisionInput!) { recordDecision(input: "
                    + "$input) { decision { id } errors { code } } }",
                new
                {
                    input = new
                    {
                        bodyId,
                        title,
                        decidedOn = "2021-07-01",
                    },
                }
            )
        ).EnsureNoErrors().String("recordDecision.decision.id")!;
    }

    public static async Task<List<JsonNode?>> DeliveriesAsync(GraphQLTestClient client, string endpoint, int first) =>
        [
            .. (
                await client.QueryAsync(
                    "query($id: ID!, $first: Int) { webhookDeliveries(endpointId: $id, first: $first) { nodes "
                        + "{ attempt succeeded statusCode error nextAttemptAt type position } } }",
                    new { id = endpoint, first }
                )
            )
                .EnsureNoErrors()
                .At("webhookDeliveries.nodes")!
                .AsArray(),
        ];

    /// <summary>The endpoint's state once <paramref name="done"/> holds (10 s at most).</summary>
    public static async Task<GraphQLResult> WaitForAsync(
        GraphQLTestClient client, string endpoint, Func<GraphQLResult, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var state = (await client.QueryAsync(State, new { id = endpoint })).EnsureNoErrors();
            if (done(state) || i == 100)
            {
                Assert.True(done(state), $"the endpoint never got there: {state.Body.ToJsonString()}");
                return state;
            }

            await Task.Delay(100);
        }
    }
}
