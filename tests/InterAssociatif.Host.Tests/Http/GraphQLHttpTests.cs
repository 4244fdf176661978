namespace InterAssociatif.Host.Tests.Http;

/// <summary>GraphQL over HTTP as the graphql-over-http specification defines it, rule by rule.</summary>
public sealed class GraphQLHttpTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Typename = """{"query":"{ __typename }"}""";

    private async Task<HttpResponseMessage> PostAsync(
        string body,
        string? accept = null,
        string contentType = "application/json",
        Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8)
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        configure?.Invoke(request);
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("application/*", "application/json")]
    public async Task The_response_media_type_follows_accept(string? accept, string expected)
    {
        using var response = await PostAsync(Typename, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/html;q=0.5")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task An_accept_header_allowing_neither_json_type_gets_406(string accept)
    {
        using var response = await PostAsync(Typename, accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(
            "NOT_ACCEPTABLE", (await BodyAsync(response))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_query_over_get_is_executed()
    {
        using var response = await factory.CreateClient()
            .GetAsync(
                "/graphql?query="
                + Uri.EscapeDataString("query($n: Int) { organizations(first: $n) { nodes { name } } }")
                + "&variables="
                + Uri.EscapeDataString("""{"n":1}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "100 000 Entrepreneurs",
            (await BodyAsync(response))["data"]!["organizations"]!["nodes"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mutation_over_get_gets_405_and_nothing_is_executed()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", factory.Token("coordinator"));
        factory.SqlCommands.Reset();
        var mutation = """mutation { createTheme(input: { name: "Thème par GET" }) { theme { id } } }""";
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(mutation));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal(0, factory.SqlCommands.Count);
        var themes = (await factory.GraphQL().QueryAsync("{ themes(first: 100) { nodes { name } } }")).EnsureNoErrors();
        Assert.DoesNotContain(
            themes.At("themes.nodes")!.AsArray(), t => t!["name"]!.GetValue<string>() == "Thème par GET");
    }

    [Theory]
    [InlineData("""{"query":"{ __typename "}""", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query":"{ __typename "}""", "application/json", HttpStatusCode.OK)]
    [InlineData("""{"query":"{ noSuchField }"}""", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query":"{ noSuchField }"}""", "application/json", HttpStatusCode.OK)]
    [InlineData(
        """{"query":"query($n: Int!) { organizations(first: $n) { totalCount } }","variables":{"n":"many"}}""",
        "application/graphql-response+json",
        HttpStatusCode.BadRequest)]
    public async Task Request_errors_are_400_with_graphql_response_json_and_200_with_json(
        string body, string accept, HttpStatusCode expected)
    {
        using var response = await PostAsync(body, accept);
        Assert.Equal(expected, response.StatusCode);
        var json = await BodyAsync(response);
        Assert.False(json.ContainsKey("data"));
        Assert.NotEmpty(json["errors"]!.AsArray());
    }

    [Theory]
    [InlineData("""{ "not json""", "INVALID_REQUEST")]
    [InlineData("""{"query": 42}""", "INVALID_REQUEST")]
    [InlineData("""{"query": "{ __typename }", "variables": 5}""", "INVALID_REQUEST")]
    [InlineData("""{"operationName": "X"}""", "QUERY_MISSING")]
    [InlineData("""[{"query": "{ __typename }"}]""", "BATCHING_NOT_SUPPORTED")]
    [InlineData("", "INVALID_REQUEST")]
    public async Task A_malformed_request_body_gets_400_with_a_code(string body, string code)
    {
        using var response = await PostAsync(body, "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await BodyAsync(response);
        Assert.False(json.ContainsKey("data"));
        Assert.Equal(code, json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    public async Task A_post_a_browser_can_send_cross_site_needs_the_preflight_header(string contentType)
    {
        factory.SqlCommands.Reset();
        using var response = await PostAsync("query=%7B__typename%7D", contentType: contentType);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "PREFLIGHT_REQUIRED",
            (await BodyAsync(response))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task A_form_post_with_the_preflight_header_is_executed()
    {
        using var response = await PostAsync(
            "query=%7B__typename%7D",
            contentType: "application/x-www-form-urlencoded",
            configure: r => r.Headers.Add("GraphQL-Require-Preflight", "1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (await BodyAsync(response))["data"]!["__typename"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=latin1")]
    public async Task An_unsupported_content_type_gets_415(string contentType)
    {
        using var response = await PostAsync(Typename, contentType: contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_method_other_than_get_and_post_gets_405()
    {
        using var response = await factory.CreateClient()
            .PutAsync("/graphql", new StringContent(Typename, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_document_nested_beyond_the_parsers_limit_is_a_request_error_and_the_server_stays_healthy()
    {
        var deep = "{ "
            + string.Concat(Enumerable.Repeat("organizations { nodes { units { ", 200))
            + "name"
            + string.Concat(Enumerable.Repeat(" } } }", 200))
            + " }";
        factory.SqlCommands.Reset();
        using var response = await PostAsync(
            System.Text.Json.JsonSerializer.Serialize(new { query = deep }), "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await BodyAsync(response);
        Assert.Equal("MAX_DEPTH_EXCEEDED", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, factory.SqlCommands.Count);

        using var next = await PostAsync(Typename);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_browser_asking_for_html_gets_the_ide()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation(
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/ide/vendor/graphiql.min.js", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_or_wrongly_signed_token_gets_401_not_anonymous_service()
    {
        var expired = factory.Token(
            "coordinator", lifetime: TimeSpan.FromHours(1), issuedAt: DateTimeOffset.UtcNow.AddHours(-2));
        using var expiredResponse = await PostAsync(
            Typename,
            "application/graphql-response+json",
            configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", expired));
        Assert.Equal(HttpStatusCode.Unauthorized, expiredResponse.StatusCode);
        Assert.Equal(
            "TOKEN_EXPIRED",
            (await BodyAsync(expiredResponse))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var valid = factory.Token("coordinator");
        var forged = valid[..^4] + (valid[^4..] == "AAAA" ? "BBBB" : "AAAA");
        using var forgedResponse = await PostAsync(
            Typename, configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged));
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal(
            "INVALID_TOKEN",
            (await BodyAsync(forgedResponse))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    /// <summary>
    /// Credentials in another scheme are refused for what they are (they were told "the bearer token is not valid");
    /// a secret sent bare is not echoed back; a well-formed bearer token in any letter case is still accepted.
    /// </summary>
    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "the 'Basic' scheme")]
    [InlineData("Digest username=\"x\"", "the 'Digest' scheme")]
    [InlineData("s3cr3t-sent-without-scheme", "a value without a scheme")]
    [InlineData("Bearer", "'Bearer' without a token")]
    [InlineData("bearer {token}", null)]
    [InlineData("BEARER {token}", null)]
    public async Task An_authorization_header_in_another_scheme_gets_401_saying_which(string header, string? named)
    {
        header = header.Replace("{token}", factory.Token("coordinator"), StringComparison.Ordinal);
        using var response = await PostAsync(
            Typename, configure: r => r.Headers.TryAddWithoutValidation("Authorization", header));
        var body = await BodyAsync(response);
        if (named is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_TOKEN", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(named, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }
}

/// <summary>Body size limit, with a small configured maximum.</summary>
public sealed class BodyLimitTests : IClassFixture<BodyLimitTests.SmallBodyFactory>
{
    private readonly SmallBodyFactory _factory;

    public BodyLimitTests(SmallBodyFactory factory) => _factory = factory;

    [Fact]
    public async Task A_body_over_the_configured_size_gets_413_and_nothing_runs()
    {
        var query = "{ __typename " + new string(' ', 3000) + "}";
        _factory.SqlCommands.Reset();
        using var response = await _factory.CreateClient()
            .PostAsync("/graphql", new StringContent($$"""{"query":"{{query}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _factory.SqlCommands.Count);

        using var small = await _factory.CreateClient()
            .PostAsync(
                "/graphql", new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    public sealed class SmallBodyFactory : InterAssociatifFactory
    {
        public SmallBodyFactory() => With("GraphQL:MaxRequestBodyBytes", "2000").With("Database:SeedDemoData", "false");
    }
}
