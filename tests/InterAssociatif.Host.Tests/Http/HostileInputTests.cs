namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// Hostile or careless requests against the host with its default limits: each gets its documented
/// status and code, costs no SQL command when refused before execution, writes nothing, and the next
/// normal request is still answered.
/// </summary>
public sealed class HostileInputTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{ parent ", depth))
        + "{ name }"
        + string.Concat(Enumerable.Repeat(" }", depth));

    public static TheoryData<string, string, HttpStatusCode, string> Documents()
    {
        var aliases = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename")) + " }";
        var doubling = "query { organizations(first: 1) { nodes { ...F0 } } } "
            + string.Join(
                " ",
                Enumerable.Range(0, 40)
                    .Select(i => $"fragment F{i} on Organization {{ parent {{ ...F{i + 1} ...F{i + 1} }} }}"))
            + " fragment F40 on Organization { name }";
        var operations = string.Join(" ", Enumerable.Range(0, 11).Select(i => $"query Q{i} {{ __typename }}"));
        return new()
        {
            { "depth 20", "query { organizations(first: 1) { nodes " + Nested(20) + " } }", HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED" },
            { "depth 1,000", "query { organizations(first: 1) { nodes " + Nested(1_000) + " } }", HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED" },
            { "10,000-level nesting", string.Concat(Enumerable.Repeat("{ a ", 10_000))
                + string.Concat(Enumerable.Repeat("}", 10_000)), HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED" },
            { "10,000 aliases", aliases, HttpStatusCode.BadRequest, "MAX_ALIASES_EXCEEDED" },
            { "fragment cycle", "query { organizations(first: 1) { nodes { ...A } } } fragment A on Organization { "
                + "parent { ...B } } fragment B on Organization { parent { ...A } "
                + "}", HttpStatusCode.BadRequest, "NO_FRAGMENT_CYCLES" },
            { "fragments doubling at each level", doubling, HttpStatusCode.BadRequest, "MAX_COST_EXCEEDED" },
            { "nested lists 100 × 100 × 100", "query { meetings(first: 100) { nodes { attendance { person { "
                + "affiliations { organization { affiliations { person { affiliations { organization { affiliations { "
                + "person { affiliations { organization { name } } } } } } } } } } } } } } "
                + "}", HttpStatusCode.BadRequest, "MAX_COST_EXCEEDED" },
            { "first: 99999999 under a list", "query { organizations(first: 99999999) { nodes { name themes { name } } "
                + "} }", HttpStatusCode.BadRequest, "MAX_COST_EXCEEDED" },
            { "11 operations", operations, HttpStatusCode.BadRequest, "MAX_OPERATIONS_EXCEEDED" },
            { "85,000 repeated fields (935 KB)", "{ " + string.Concat(Enumerable.Repeat("__typename ", 85_000)) + "}", HttpStatusCode.BadRequest, "MAX_TOKENS_EXCEEDED" },
            { "6,000 arguments", "{ organizations("
                + string.Join(" ", Enumerable.Range(0, 6_000).Select(i => $"a{i}: 1"))
                + ") { totalCount } }", HttpStatusCode.BadRequest, "MAX_TOKENS_EXCEEDED" },
            { "3,000 fragment spreads", "query { organizations(first: 1) { nodes { "
                + string.Concat(Enumerable.Repeat("...F ", 3_000))
                + "} } } fragment F on Organization { name }", HttpStatusCode.BadRequest, "MAX_TOKENS_EXCEEDED" },
        };
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_hostile_document_is_refused_before_execution_with_its_code(
        string name, string query, HttpStatusCode status, string code)
    {
        var before = await CountOrganizationsAsync();
        factory.SqlCommands.Reset();
        using var response = await PostAsync(
            new JsonObject { ["query"] = query, ["operationName"] = name == "11 operations" ? "Q0" : null }
                .ToJsonString(),
            factory.Token("coordinator"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(code, body["errors"]!.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>()));
        Assert.Null(body["data"]);
        Assert.Equal(0, factory.SqlCommands.Count);
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
        Assert.All(
            body["errors"]!.AsArray(),
            e => Assert.True(e!["message"]!.GetValue<string>().Length < 300, "a refusal echoes the document"));
        Assert.Equal(before, await CountOrganizationsAsync());
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string> Requests() => new()
    {
        { "malformed JSON", """{ "query": """, "application/json", HttpStatusCode.BadRequest, "INVALID_REQUEST" },
        { "query as a number", """{ "query": 42 }""", "application/json", HttpStatusCode.BadRequest, "INVALID_REQUEST" },
        { "a batch of 1,000 operations", "["
            + string.Join(",", Enumerable.Repeat("""{"query":"{ __typename }"}""", 1_000))
            + "]", "application/json", HttpStatusCode.BadRequest, "BATCHING_NOT_SUPPORTED" },
        { "variables of the wrong type", """{"query":"query($n: Int!) { organizations(first: $n) { totalCount } }","variables":{"n":"many"}}""", "application/json", HttpStatusCode.BadRequest, "INVALID_VALUE" },
        { "Int overflow", """{"query":"query($n: Int!) { organizations(first: $n) { totalCount } }","variables":{"n":99999999999}}""", "application/json", HttpStatusCode.BadRequest, "INVALID_VALUE" },
        { "a form post without the preflight header", "query=%7B__typename%7D", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "PREFLIGHT_REQUIRED" },
        { "a text/plain post without the preflight header", """{"query":"{ __typename }"}""", "text/plain", HttpStatusCode.BadRequest, "PREFLIGHT_REQUIRED" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_hostile_request_gets_its_status_and_code_and_costs_no_sql(
        string name, string body, string? contentType, HttpStatusCode status, string code)
    {
        factory.SqlCommands.Reset();
        using var response = await PostAsync(body, factory.Token("coordinator"), contentType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode} {json.ToJsonString()}");
        Assert.Contains(code, json["errors"]!.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>()));
        Assert.Equal(0, factory.SqlCommands.Count);
        await CountOrganizationsAsync();
    }

    public static TheoryData<string, string, string> MalformedForms() => new()
    {
        {
            "1,100 form fields",
            "query=%7B__typename%7D&" + string.Join("&", Enumerable.Range(0, 1_100).Select(i => $"f{i}=1")),
            "application/x-www-form-urlencoded"
        },
        { "multipart without a boundary", "query={ __typename }", "multipart/form-data" },
        {
            "multipart cut after a section",
            "--zz\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ __typename }\r\n--zz",
            "multipart/form-data; boundary=zz"
        },
        {
            "multipart section without a name",
            "--zz\r\nContent-Type: text/plain\r\n\r\nx\r\n--zz--\r\n",
            "multipart/form-data; boundary=zz"
        },
    };

    /// <summary>A form the reader cannot take apart is the client's fault: a 400 saying so, no server fault.</summary>
    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_malformed_form_with_the_preflight_header_is_a_400(string name, string body, string contentType)
    {
        factory.SqlCommands.Reset();
        using var response = await PostAsync(body, factory.Token("coordinator"), contentType, preflight: true);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(
            response.StatusCode == HttpStatusCode.BadRequest,
            $"{name}: {(int)response.StatusCode} {json.ToJsonString()}");
        Assert.Equal("INVALID_REQUEST", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    /// <summary>
    /// A parameter given twice is refused, not joined: GraphQL reads the comma between the values as a space, so
    /// <c>?query={ a }&amp;query={ b }</c> would run a document of two operations nobody wrote.
    /// </summary>
    [Theory]
    [InlineData("get", "query=%7B__typename%7D&query=%7B__typename%7D", "query")]
    [InlineData("get", "query=%7B__typename%7D&variables=%7B%7D&variables=%7B%7D", "variables")]
    [InlineData("form", "query=%7B__typename%7D&operationName=A&operationName=B", "operationName")]
    [InlineData("get", "query=%7B__typename%7D&variables=%7B%22a%22%3A1%2C%22a%22%3A2%7D", "variables.a")]
    [InlineData("form", "query=x&variables=%7B%22a%22%3A%7B%22b%22%3A1%2C%22b%22%3A2%7D%7D", "variables.a.b")]
    public async Task A_parameter_given_twice_is_a_400_naming_it(string how, string parameters, string name)
    {
        factory.SqlCommands.Reset();
        using var response = how == "get"
            ? await GetAsync(parameters)
            : await PostAsync(
                parameters, factory.Token("coordinator"), "application/x-www-form-urlencoded", preflight: true);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith($"`{name}` is given more than once", json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    /// <summary>
    /// A JSON body with a member written twice: every member of a GraphQL request (from GraphQL.NET's request type),
    /// and members nested in <c>variables</c> and <c>extensions</c>, refused with their path instead of one value
    /// kept silently.
    /// </summary>
    public static TheoryData<string, string> RepeatedMembers()
    {
        var members = typeof(GraphQL.Transport.GraphQLRequest)
            .GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToList();
        Assert.Contains("query", members);
        var data = new TheoryData<string, string>();
        foreach (var member in members)
        {
            var value = member is "variables" or "extensions" ? "{}" : "\"{ __typename }\"";
            var first = member == "query" ? "" : "\"query\":\"{ __typename }\",";
            data.Add($"{{{first}\"{member}\":{value},\"{member}\":{value}}}", member);
        }

        const string Query = "\"query\":\"query($id: ID!) { node(id: $id) { id } }\"";
        data.Add($"{{{Query},\"variables\":{{\"id\":\"a\",\"id\":\"b\"}}}}", "variables.id");
        data.Add($"{{{Query},\"variables\":{{\"id\":\"a\",\"x\":[{{}},{{\"y\":1,\"y\":2}}]}}}}", "variables.x[1].y");
        data.Add($"{{{Query},\"extensions\":{{\"trace\":{{\"on\":true,\"on\":false}}}}}}", "extensions.trace.on");
        return data;
    }

    [Theory]
    [MemberData(nameof(RepeatedMembers))]
    public async Task A_json_member_given_twice_is_a_400_naming_its_path(string body, string path)
    {
        factory.SqlCommands.Reset();
        using var response = await PostAsync(body, factory.Token("coordinator"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith($"`{path}` is given more than once", json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, factory.SqlCommands.Count);
    }

    private async Task<HttpResponseMessage> GetAsync(string parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + parameters);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token("coordinator"));
        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_10_mb_body_gets_413_and_a_mutation_over_get_gets_405()
    {
        factory.SqlCommands.Reset();
        using var huge = await PostAsync(
            """{"query":"{ __typename }","variables":{"x":""" + "\"" + new string('x', 10 * 1024 * 1024) + "\"}}",
            null);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        using var get = await factory.CreateClient()
            .GetAsync(
                "/graphql?query="
                + Uri.EscapeDataString("mutation { createTheme(input: { name: \"Par GET\" }) { errors { code } } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(0, factory.SqlCommands.Count);
        await CountOrganizationsAsync();
    }

    [Fact]
    public async Task Node_with_a_forged_id_or_another_types_id_is_null_and_a_persons_id_is_refused_to_an_anonymous_caller()
    {
        var coordinator = factory.GraphQL("coordinator");
        var ids = (await coordinator.QueryAsync(
            "{ organizations(first: 1) { nodes { id } } people(first: 1) { nodes { id } } }"))
            .EnsureNoErrors();
        var forged = (await factory.GraphQL().QueryAsync("{ node(id: \"Zm9yZ2VkOm5vdGhpbmc\") { id } }"));
        Assert.Contains(forged.ErrorCodes, c => c is "INVALID_ID");
        var person = await factory.GraphQL()
            .QueryAsync(
                "query($id: ID!) { node(id: $id) { id ... on Person { familyName } } }",
                new { id = ids.String("people.nodes[0].id") });
        Assert.Null(person.At("node"));
        Assert.DoesNotContain("familyName", person.Body.ToJsonString(), StringComparison.Ordinal);
        var typed = (await factory.GraphQL()
            .QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Person { familyName } } }",
                new { id = ids.String("organizations.nodes[0].id") }))
            .EnsureNoErrors();
        Assert.Null(typed.At("node.familyName"));
    }

    [Fact]
    public async Task Introspection_is_cheap_enough_for_the_ide_and_anonymous_callers_get_no_suggestions()
    {
        var introspection = (await factory.GraphQL()
            .QueryAsync(
                "{ __schema { types { name fields { name args { name type { name ofType { name ofType { name ofType { "
                + "name } } } } } type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } "
                + "}"))
            .EnsureNoErrors();
        Assert.True(introspection.At("__schema.types")!.AsArray().Count > 50);

        var anonymous = await factory.GraphQL().QueryAsync("{ organisations { totalCount } }");
        Assert.DoesNotContain(
            "Did you mean", anonymous.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var member = await factory.GraphQL("member").QueryAsync("{ organisations { totalCount } }");
        Assert.Contains("Did you mean", member.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(
        string body, string? token, string? contentType = "application/json", bool preflight = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body))
        };
        if (preflight)
        {
            request.Headers.Add("GraphQL-Require-Preflight", "1");
        }

        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    private async Task<int> CountOrganizationsAsync() =>
        (await factory.GraphQL("coordinator")
            .QueryAsync("{ organizations(filter: { includeArchived: true }) { totalCount } }"))
            .EnsureNoErrors()
            .Int("organizations.totalCount");
}
