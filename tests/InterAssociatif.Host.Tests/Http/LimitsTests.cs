namespace InterAssociatif.Host.Tests.Http;

/// <summary>The rate limit: per credential, or per address for anonymous callers, with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.ThreePerMinute factory) : IClassFixture<RateLimitTests.ThreePerMinute>
{
    [Fact]
    public async Task A_credential_over_its_limit_gets_429_with_retry_after_while_another_is_still_served()
    {
        var analyst = factory.GraphQL("analyst");
        for (var i = 0; i < 3; i++)
        {
            (await analyst.QueryAsync("{ __typename }")).EnsureNoErrors();
        }

        factory.SqlCommands.Reset();
        var refused = await analyst.QueryAsync("{ organizations { totalCount } }");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
        Assert.Equal(0, factory.SqlCommands.Count);
        using var raw = await factory.CreateClient().SendAsync(Post(factory.Token("analyst")));
        Assert.True(raw.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        (await factory.GraphQL("member").QueryAsync("{ organizations { totalCount } }")).EnsureNoErrors();
    }

    [Fact]
    public async Task The_plain_endpoints_are_limited_too_but_not_the_health_probes()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/calendar.ics");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        for (var i = 0; i < 5; i++)
        {
            using var health = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    private static HttpRequestMessage Post(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json")
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public sealed class ThreePerMinute : InterAssociatifFactory
    {
        public ThreePerMinute() => With("GraphQL:Limits:RateLimitPermits", "3").With("Database:SeedDemoData", "false");
    }
}

/// <summary>Production switches: introspection off, CORS allow-list, HTTPS enforced off loopback.</summary>
public sealed class ProductionSwitchTests(ProductionSwitchTests.ProductionFactory factory)
    : IClassFixture<ProductionSwitchTests.ProductionFactory>
{
    [Fact]
    public async Task Introspection_can_be_switched_off()
    {
        var result = await factory.GraphQL("coordinator").QueryAsync("{ __schema { types { name } } }");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["NO_INTROSPECTION"], result.ErrorCodes);
        Assert.Null(result.Data);
    }

    [Fact]
    public async Task Only_the_configured_origin_gets_cors_headers_and_plain_http_is_redirected()
    {
        using var client = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                BaseAddress = new Uri("https://localhost")
            });
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await client.SendAsync(request);
        }

        using var allowed = await Preflight("https://app.example.org");
        Assert.Equal("https://app.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var other = await Preflight("https://evil.example.net");
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        using var http = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                BaseAddress = new Uri("http://api.example.org")
            });
        using var redirected = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.StartsWith("https://", redirected.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    public sealed class ProductionFactory : InterAssociatifFactory
    {
        public ProductionFactory() =>
            With("GraphQL:Introspection", "false").With("Cors:AllowedOrigins:0", "https://app.example.org")
            .With("Https:Enforce", "true").With("https_port", "443").With("Database:SeedDemoData", "false");
    }
}

/// <summary>
/// The execution timeout cancels the SQL command under way and the server stays healthy. The host's clock is the
/// test's: it moves past the timeout once the command is running, whatever the machine's load.
/// </summary>
public sealed class TimeoutTests(TimeoutTests.ClockFactory factory) : IClassFixture<TimeoutTests.ClockFactory>
{
    [Fact]
    public async Task A_request_running_past_the_timeout_is_cancelled_down_to_its_sql_command()
    {
        var request = factory.GraphQL("coordinator").QueryAsync("{ endlessCount }");
        await EndlessCountField.Running.Task.WaitAsync(TimeSpan.FromMinutes(2));
        factory.Clock.Advance(TimeSpan.FromSeconds(2));

        var result = await request;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Status);
        Assert.Equal(["TIMEOUT"], result.ErrorCodes);
        // The SQL command itself stopped: without the interruption it would count for hours.
        Assert.True(
            await Task.WhenAny(EndlessCountField.Ended.Task, Task.Delay(TimeSpan.FromSeconds(30))) == EndlessCountField.Ended.Task,
            "the endless SQL command was not interrupted");
        (await factory.GraphQL("coordinator").QueryAsync("{ __typename }")).EnsureNoErrors();
    }

    /// <summary>
    /// A test-only field whose SQL command counts to 10^12: only cancellation ends it. The statement itself says
    /// when it runs (a SQLite function it calls at its first row).
    /// </summary>
    private sealed class EndlessCountField : IGraphTypeExtension
    {
        public static readonly TaskCompletionSource Running = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static readonly TaskCompletionSource Ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string TypeName => "Query";

        public void Extend(IComplexGraphType type) =>
            ((ObjectGraphType)type).Field<LongGraphType>("endlessCount").ResolveAsync(async ctx =>
            {
                try
                {
                    await using var db = ctx.RequestServices!.GetServices<IModuleDatabase>().First().CreateContext();
                    var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
                    connection.CreateFunction("running", () =>
                    {
                        Running.TrySetResult();
                        return 1;
                    });
                    const string endless = "WITH RECURSIVE c(x) AS (SELECT running() UNION ALL SELECT x + 1 FROM c "
                        + "WHERE x < 1000000000000) SELECT count(*) AS Value FROM c";
                    return await db.Database.SqlQueryRaw<long>(endless).SingleAsync(ctx.CancellationToken);
                }
                finally
                {
                    Ended.TrySetResult();
                }
            });
    }

    /// <summary>A one-second execution timeout on a clock the test moves by hand.</summary>
    public sealed class ClockFactory : InterAssociatifFactory
    {
        public ClockFactory() =>
            With("GraphQL:Limits:ExecutionTimeout", "00:00:01").With("Database:SeedDemoData", "false");

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(Clock).AddSingleton<IGraphTypeExtension, EndlessCountField>();
    }
}

/// <summary>
/// Tokens from an OIDC authority: role and organisation come from the claims configuration names; issuer, audience and
/// signature are checked.
/// </summary>
public sealed class ClaimMappingTests(ClaimMappingTests.MappedClaimsFactory factory)
    : IClassFixture<ClaimMappingTests.MappedClaimsFactory>
{
    [Fact]
    public async Task Role_and_organisation_come_from_the_configured_claims_and_foreign_tokens_are_refused()
    {
        using var coordinator = await QueryAsync(
            Token(new() { ["app_role"] = "coordinator" }),
            "{ surveys(first: 1) { nodes { responses(first: 1) { nodes { organization { id } } } } } }");
        var responded = System.Text.Json.Nodes.JsonNode.Parse(await coordinator.Content.ReadAsStringAsync())!;
        Assert.True(
            InterAssociatif.Kernel.Relay.GlobalId.TryDecode(
                responded["data"]!["surveys"]!["nodes"]![0]!["responses"]!["nodes"]![0]!["organization"]!["id"]!
                    .GetValue<string>(),
                "Organization",
                out var organization));

        var member = await QueryAsync(
            Token(new() { ["app_role"] = "member", ["tenant_org"] = organization.ToString() }),
            "{ surveys(first: 1) { nodes { myResponse { id } } } }");
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Contains("\"myResponse\":{\"id\"", await member.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var otherAudience = await QueryAsync(
            Token(new() { ["app_role"] = "member" }, audience: "another-api"), "{ __typename }");
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.StatusCode);
        var otherIssuer = await QueryAsync(
            Token(new() { ["app_role"] = "member" }, issuer: "https://someone-else.example"), "{ __typename }");
        Assert.Equal(HttpStatusCode.Unauthorized, otherIssuer.StatusCode);
        var otherKey = await QueryAsync(
            Token(
                new() { ["app_role"] = "member" },
                key: new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32])),
            "{ __typename }");
        Assert.Equal(HttpStatusCode.Unauthorized, otherKey.StatusCode);
        Assert.Contains("INVALID_TOKEN", await otherKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string Token(
        Dictionary<string, object> claims,
        string? audience = null,
        string? issuer = null,
        Microsoft.IdentityModel.Tokens.SecurityKey? key = null)
    {
        claims["sub"] = "oidc-user";
        var local = factory.Services.GetRequiredService<InterAssociatif.Host.Authentication.LocalTokens>();
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler()
            .CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Claims = claims,
                Issuer = issuer ?? InterAssociatif.Host.Authentication.LocalTokens.Issuer,
                Audience = audience ?? "interassociatif",
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                key ?? local.Key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
            });
    }

    private async Task<HttpResponseMessage> QueryAsync(string token, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json")
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await factory.CreateClient().SendAsync(request);
    }

    public sealed class MappedClaimsFactory : InterAssociatifFactory
    {
        public MappedClaimsFactory() =>
            With("Authentication:RoleClaim", "app_role").With("Authentication:OrganizationClaim", "tenant_org");
    }
}
