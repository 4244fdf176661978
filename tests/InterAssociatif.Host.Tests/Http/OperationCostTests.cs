namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// <c>GraphQL-Cost: report</c> adds <c>extensions.cost = { requested, limit }</c> — the measure the cost
/// limit uses — and <c>validate</c> measures and validates an operation without executing it: no SQL
/// command, nothing written, no audit entry.
/// </summary>
public sealed class OperationCostTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private static readonly string DirectoryPage = File.ReadAllText(
        RepositoryFiles.Path("schema", "operations", "DirectoryPage.graphql")
    );

    [Fact]
    public async Task Report_adds_the_measured_cost_and_the_limit_to_an_executed_operation_every_time()
    {
        var first = await PostAsync(DirectoryPage, new { asOf = "2017-09-18" }, "report");
        // The second time: a cached document whose rules are skipped (its pass remembered, with its cost).
        var again = await PostAsync(DirectoryPage, new { asOf = "2017-09-18" }, "report");
        foreach (var (status, body) in new[] { first, again })
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(body["data"]?["associations"]);
            Assert.Equal(2_000_000, body["extensions"]!["cost"]!["limit"]!.GetValue<long>());
        }

        var requested = first.Body["extensions"]!["cost"]!["requested"]!.GetValue<long>();
        Assert.True(requested > 50, $"the directory page's 50 associations cost more than 50, not {requested}");
        Assert.Equal(requested, again.Body["extensions"]!["cost"]!["requested"]!.GetValue<long>());

        // Without the header, no extension.
        Assert.Null((await PostAsync(DirectoryPage, new { asOf = "2017-09-18" }, cost: null)).Body["extensions"]);
    }

    [Fact]
    public async Task The_reported_cost_is_the_measure_the_limit_refuses_on()
    {
        var requested = (await PostAsync(DirectoryPage, new { asOf = "2017-09-18" }, "validate")).Body["extensions"]![
            "cost"
        ]!["requested"]!.GetValue<long>();
        await using var limited = new InterAssociatifFactory().With("GraphQL:Limits:MaxCost", $"{requested - 1}");
        var (status, body) = await PostAsync(limited, DirectoryPage, new { asOf = "2017-09-18" }, "report");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAX_COST_EXCEEDED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(requested, body["extensions"]!["cost"]!["requested"]!.GetValue<long>());
        Assert.Equal(requested - 1, body["extensions"]!["cost"]!["limit"]!.GetValue<long>());
        await using var atLimit = new InterAssociatifFactory().With("GraphQL:Limits:MaxCost", $"{requested}");
        Assert.Equal(
            HttpStatusCode.OK, (await PostAsync(atLimit, DirectoryPage, new { asOf = "2017-09-18" }, "report")).Status);
    }

    [Fact]
    public async Task Validate_answers_the_cost_without_data_and_sends_no_SQL_command()
    {
        _ = await PostAsync(DirectoryPage, new { asOf = "2017-09-18" }, cost: null); // warm-up
        factory.SqlCommands.Reset();
        var (status, body) = await PostAsync(DirectoryPage, new { asOf = "2017-09-18" }, "validate");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["data"]);
        Assert.Null(body["errors"]);
        Assert.True(body["extensions"]!["cost"]!["requested"]!.GetValue<long>() > 0);
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task Validate_writes_nothing_for_an_allowed_mutation_and_audits_nothing_for_a_denied_one()
    {
        var coordinator = factory.GraphQL("coordinator");
        var bodyId = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        const string record =
            "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id } } }";
        var title = $"Seulement validée {Guid.NewGuid():N}";
        async Task<int> AuditEntriesAsync() =>
            (await coordinator.QueryAsync("{ auditTrail(first: 100) { totalCount } }"))
                .EnsureNoErrors()
                .Int("auditTrail.totalCount");
        var entries = await AuditEntriesAsync();

        var variables = new
        {
            input = new
            {
                bodyId,
                title,
                decidedOn = "2021-05-01",
            },
        };
        factory.SqlCommands.Reset();
        var (status, body) = await PostAsync(record, variables, "validate", role: "coordinator");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["data"]);
        Assert.Equal(0, factory.SqlCommands.Count);

        var denied = await PostAsync(record, variables, "validate", role: "partner");
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal(entries, await AuditEntriesAsync());
        const string onThatDay =
            "{ decisions(first: 1, filter: { from: \"2021-05-01\", to: \"2021-05-01\" }) { totalCount } }";
        Assert.Equal(0, (await coordinator.QueryAsync(onThatDay)).EnsureNoErrors().Int("decisions.totalCount"));
    }

    [Theory]
    [InlineData("estimate")]
    [InlineData("REPORTS")]
    public async Task An_unknown_cost_mode_is_refused_naming_the_header(string value)
    {
        var (status, body) = await PostAsync("{ __typename }", null, value);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_COST_HEADER", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("GraphQL-Cost", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(
        string query,
        object? variables,
        string? cost,
        string? role = null
    ) => PostAsync(factory, query, variables, cost, role);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(
        InterAssociatifFactory host, string query, object? variables, string? cost, string? role = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (cost is not null)
        {
            request.Headers.Add("GraphQL-Cost", cost);
        }

        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token(role));
        }

        using var response = await host.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
