using InterAssociatif.Host.Tests.Ide;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// Partner API keys (scopes, hash only, revocation, expiry, HTTP and WebSocket) and the audit trail of mutations.
/// </summary>
public sealed class AccessTests(IdeBrowserTests.KestrelFactory factory) : IClassFixture<IdeBrowserTests.KestrelFactory>
{
    private const string Issue = "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { issued { secret "
        + "apiKey { id name scopes expiresAt } } errors { code field } } }";

    // The server listens on a loopback port before anything else touches the factory.
    private readonly string _origin = factory.StartAndGetAddress();

    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    [Fact]
    public async Task A_key_is_shown_once_stored_as_a_hash_limited_to_its_scopes_and_refused_once_revoked()
    {
        var issued = (await Coordinator.QueryAsync(
            Issue,
            new
            {
                input = new
                {
                    name = "Outil du service Vie associative",
                    scopes = new[] { "READ_DECISIONS", "SUBSCRIBE_DECISIONS" }
                }
            }))
            .EnsureNoErrors();
        var secret = issued.String("issueApiKey.issued.secret")!;
        var id = issued.String("issueApiKey.issued.apiKey.id")!;
        Assert.StartsWith("ia_", secret, StringComparison.Ordinal);
        Assert.Equal(
            ["READ_DECISIONS", "SUBSCRIBE_DECISIONS"],
            issued.At("issueApiKey.issued.apiKey.scopes")!.AsArray().Select(s => s!.GetValue<string>()));

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AccessDbContext>>()
            .CreateDbContextAsync())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Name == "Outil du service Vie associative");
            Assert.DoesNotContain(stored.SecretHash, secret, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Split('_')[2], JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        }

        var listed = (await Coordinator.QueryAsync("{ apiKeys { nodes { name } } }")).EnsureNoErrors();
        Assert.DoesNotContain("secret", listed.Body.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await WithKeyAsync(secret, "{ decisions { totalCount } }")).Status);
        var directory = await WithKeyAsync(secret, "{ organizations { nodes { name } } }");
        Assert.Equal(["ACCESS_DENIED"], directory.ErrorCodes);
        Assert.Contains(
            "READ_DIRECTORY", directory.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("organizations", directory.Errors[0]!["path"]![0]!.GetValue<string>());
        Assert.Equal(
            ["ACCESS_DENIED"],
            (await WithKeyAsync(
                secret, "mutation { createTheme(input: { name: \"Par une clé\" }) { errors { code } } }")).ErrorCodes);

        // The secret with its last hex digit changed (a fixed "00" ending was the secret itself once in 256 runs).
        var tampered = secret[..^1] + (secret[^1] == '0' ? '1' : '0');
        Assert.Equal(["INVALID_API_KEY"], (await WithKeyAsync(tampered, "{ decisions { totalCount } }")).ErrorCodes);
        Assert.Equal(
            ["INVALID_API_KEY"], (await WithKeyAsync("n'importe quoi", "{ decisions { totalCount } }")).ErrorCodes);

        (await Coordinator.QueryAsync(
            "mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } errors { code } } }",
            new { id }))
            .EnsureNoErrors();
        var revoked = await WithKeyAsync(secret, "{ decisions { totalCount } }");
        Assert.Equal((HttpStatusCode.Unauthorized, "API_KEY_REVOKED"), (revoked.Status, revoked.ErrorCodes.Single()));
    }

    [Fact]
    public async Task A_key_expired_at_issue_and_other_bad_issue_requests_are_typed_errors()
    {
        var past = (await Coordinator.QueryAsync(
            Issue,
            new
            {
                input = new
                {
                    name = "Déjà expirée",
                    scopes = new[] { "READ_DECISIONS" },
                    expiresAt = DateTimeOffset.UtcNow.AddDays(-1)
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("input.expiresAt", past.String("issueApiKey.errors[0].field"));
        var noScope = (await Coordinator.QueryAsync(
            Issue, new { input = new { name = "Sans portée", scopes = Array.Empty<string>() } }))
            .EnsureNoErrors();
        Assert.Equal("input.scopes", noScope.String("issueApiKey.errors[0].field"));
        var byPartner = (await factory.GraphQL("partner")
            .QueryAsync(Issue, new { input = new { name = "Par un partenaire", scopes = new[] { "READ_DECISIONS" } } })).ErrorCodes;
        Assert.NotEmpty(byPartner);
        Assert.All(byPartner, code => Assert.Equal("ACCESS_DENIED", code));
    }

    [Fact]
    public async Task A_partner_subscribes_with_its_key_in_connection_init_and_revocation_closes_the_socket_with_4403()
    {
        var issued = (await Coordinator.QueryAsync(
            Issue,
            new
            {
                input = new { name = "Flux des décisions", scopes = new[] { "SUBSCRIBE_DECISIONS", "READ_DECISIONS" } }
            }))
            .EnsureNoErrors();
        await using var socket = await ConnectAsync(new { apiKey = issued.String("issueApiKey.issued.secret") });
        await socket.SendAsync(
            new
            {
                id = "1",
                type = "subscribe",
                payload = new { query = "subscription { decisionRecorded { decision { title } } }" }
            });
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())!["type"]!.GetValue<string>());

        (await Coordinator.QueryAsync(
            "mutation($id: ID!) { revokeApiKey(input: { id: $id }) { errors { code } } }",
            new { id = issued.String("issueApiKey.issued.apiKey.id") }))
            .EnsureNoErrors();
        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(4403, (int)socket.Socket.CloseStatus!);

        await using var refused = await ConnectAsync(
            new { apiKey = issued.String("issueApiKey.issued.secret") }, expectAck: false);
        Assert.Null(await refused.ReceiveAsync());
        Assert.Equal(4403, (int)refused.Socket.CloseStatus!);
    }

    [Fact]
    public async Task Every_mutation_is_in_the_audit_trail_that_only_coordinators_read()
    {
        var created = (await Coordinator.QueryAsync(
            "mutation { createTheme(input: { name: \"Thème audité\" }) { theme { id } errors { code } } }"))
            .EnsureNoErrors();
        var themeId = created.String("createTheme.theme.id")!;
        (await Coordinator.QueryAsync(
            "mutation($id: ID!) { updateTheme(input: { id: $id, name: \"\" }) { errors { code } } }",
            new { id = themeId }))
            .EnsureNoErrors();

        var trail = (await Coordinator.QueryAsync(
            "query($id: ID!) { auditTrail(filter: { objectId: $id }) { totalCount nodes { operation subject role "
            + "succeeded objectIds at } } }",
            new { id = themeId }))
            .EnsureNoErrors();
        Assert.Equal(2, trail.Int("auditTrail.totalCount"));
        Assert.Equal(
            ("updateTheme", false),
            (trail.String("auditTrail.nodes[0].operation"), trail.At("auditTrail.nodes[0].succeeded")!.GetValue<bool>()));
        Assert.Equal(
            ("createTheme", "test-coordinator", "coordinator", true),
            (trail.String("auditTrail.nodes[1].operation"), trail.String("auditTrail.nodes[1].subject"), trail.String(
                "auditTrail.nodes[1].role"), trail.At("auditTrail.nodes[1].succeeded")!.GetValue<bool>()));

        var bySubject = (await Coordinator.QueryAsync(
            "query($from: DateTimeOffset!) { auditTrail(filter: { subject: \"test-coordinator\", from: $from }) { "
            + "totalCount } }",
            new { from = DateTimeOffset.UtcNow.AddMinutes(-5) }))
            .EnsureNoErrors();
        Assert.True(bySubject.Int("auditTrail.totalCount") >= 2);
        var future = (await Coordinator.QueryAsync(
            "query($from: DateTimeOffset!) { auditTrail(filter: { from: $from }) { totalCount } }",
            new { from = DateTimeOffset.UtcNow.AddDays(1) }))
            .EnsureNoErrors();
        Assert.Equal(0, future.Int("auditTrail.totalCount"));
        foreach (var role in new[] { "member", "analyst", "partner" })
        {
            Assert.Equal(
                ["ACCESS_DENIED"],
                (await factory.GraphQL(role).QueryAsync("{ auditTrail { totalCount } }")).ErrorCodes);
        }
    }

    private async Task<GraphQLResult> WithKeyAsync(string key, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json")
        };
        request.Headers.Add(ApiKeyService.HeaderName, key);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await factory.CreateClient().SendAsync(request);
        return new GraphQLResult(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private async Task<GraphQLWebSocketClient> ConnectAsync(object initPayload, bool expectAck = true)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(_origin);
        await client.SendAsync(new { type = "connection_init", payload = initPayload });
        if (expectAck)
        {
            Assert.Equal("connection_ack", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        }

        return client;
    }
}
