namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// The trusted documents (<c>schema/operations/manifest.json</c>) on a real host with
/// <c>GraphQL:TrustedDocuments:Only=true</c>: a partner's ad-hoc document is refused before it is parsed,
/// the same operation sent by <c>documentId</c> (POST, GET, WebSocket) runs, an analyst's ad-hoc query runs.
/// </summary>
public sealed class TrustedDocumentsTests(TrustedDocumentsTests.OnlyTrusted host)
    : IClassFixture<TrustedDocumentsTests.OnlyTrusted>
{
    private static readonly string DirectoryPage = File.ReadAllText(
        RepositoryFiles.Path("schema", "operations", "DirectoryPage.graphql")
    );

    [Fact]
    public void The_manifest_is_the_operations_folder_as_schema_export_writes_it()
    {
        var folder = RepositoryFiles.Path("schema", "operations");
        Assert.Equal(
            TrustedDocuments.Manifest(folder),
            File.ReadAllText(Path.Combine(folder, TrustedDocuments.ManifestFileName)).ReplaceLineEndings("\n")
        );
    }

    [Fact]
    public async Task A_partners_ad_hoc_document_is_refused_before_parsing_and_the_same_operation_by_id_runs()
    {
        var partner = await host.Process.TokenAsync("partner");

        // Not even parsed: a document that does not parse gets the same refusal.
        foreach (var adHoc in new[] { "{ organizations(first: 1) { nodes { name } } }", "{ organizations(" })
        {
            var (status, body) = await PostAsync(new { query = adHoc }, partner);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(body));
        }

        var byId = await PostAsync(
            new { documentId = TrustedDocuments.Id(DirectoryPage), variables = new { asOf = "2017-09-18" } }, partner);
        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.NotEmpty(byId.Body["data"]!["associations"]!["nodes"]!.AsArray());

        // Its exact text is trusted too; and GET takes a documentId.
        Assert.Equal(
            HttpStatusCode.OK,
            (await PostAsync(new { query = DirectoryPage, variables = new { asOf = "2017-09-18" } }, partner)).Status
        );
        using var get = new HttpRequestMessage(
            HttpMethod.Get, $"/graphql?documentId={Uri.EscapeDataString(TrustedDocuments.Id(DirectoryPage))}");
        get.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var got = await host.Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
    }

    [Fact]
    public async Task An_analysts_ad_hoc_query_runs()
    {
        var (status, body) = await PostAsync(
            new { query = "{ surveys(first: 1) { nodes { title } } }" }, await host.Process.TokenAsync("analyst"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(body["data"]!["surveys"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_document_id_or_both_a_query_and_an_id_are_typed_errors_naming_the_field()
    {
        var partner = await host.Process.TokenAsync("partner");
        var unknown = await PostAsync(new { documentId = "sha256:" + new string('0', 64) }, partner);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("DOCUMENT_NOT_FOUND", Code(unknown.Body));
        Assert.Contains("`documentId`", unknown.Body["errors"]![0]!["message"]!.GetValue<string>());

        var both = await PostAsync(
            new { query = DirectoryPage, documentId = TrustedDocuments.Id(DirectoryPage) }, partner);
        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
        Assert.Equal("INVALID_REQUEST", Code(both.Body));
    }

    [Fact]
    public async Task Over_the_WebSocket_a_subscription_by_id_runs_and_an_ad_hoc_one_is_refused()
    {
        var partner = await host.Process.TokenAsync("partner");
        await using var socket = await GraphQLWebSocketClient.InitializedAsync(
            host.Process.Origin, new { Authorization = $"Bearer {partner}" });

        await socket.SendAsync(
            new
            {
                id = "adhoc",
                type = "subscribe",
                payload = new { query = "subscription { decisionRecorded { cursor } }" },
            }
        );
        var refused = (await socket.ReceiveAsync())!;
        Assert.Equal("error", refused["type"]!.GetValue<string>());
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var feed = File.ReadAllText(RepositoryFiles.Path("schema", "operations", "PartnerDecisionFeed.graphql"));
        await socket.ListeningAsync("feed", new { documentId = TrustedDocuments.Id(feed) });

        var coordinator = host.Process.GraphQL(await host.Process.TokenAsync("coordinator"));
        var bodyId = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        (
            await coordinator.QueryAsync(
                "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
                new
                {
                    input = new
                    {
                        bodyId,
                        title = "Par document de confiance",
                        decidedOn = "2021-06-01",
                    },
                }
            )
        ).EnsureNoErrors();
        var next = (await socket.ReceiveAsync())!;
        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal(
            "Par document de confiance",
            next["payload"]!["data"]!["decisionRecorded"]!["decision"]!["title"]!.GetValue<string>()
        );
    }

    private static string? Code(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(object payload, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>A real host that runs trusted documents only (coordinators and analysts excepted).</summary>
    public sealed class OnlyTrusted : IAsyncLifetime
    {
        public HostProcess Process { get; private set; } = null!;

        public HttpClient Http => Process.Http;

        public async Task InitializeAsync() =>
            Process = await HostProcess.StartedAsync(
                new Dictionary<string, string> { ["GraphQL__TrustedDocuments__Only"] = "true" });

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }
}
