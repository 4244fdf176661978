namespace InterAssociatif.Host.Tests.Telemetry;

/// <summary>
/// What the logs say of an operation: a slow one is logged with its name, cost and SQL commands, every line
/// carries the operation and the caller's role — and no line, whatever the level, holds a token, an API
/// key, an email address or a phone number, even when requests carry them and fail.
/// </summary>
public sealed partial class LogTests(LogTests.LoggedFactory factory) : IClassFixture<LogTests.LoggedFactory>
{
    [Fact]
    public async Task A_slow_operation_is_logged_with_its_name_cost_and_sql_commands_in_its_scope()
    {
        var page = File.ReadAllText(RepositoryFiles.Path("schema", "operations", "DirectoryPage.graphql"));
        factory.Logs.Clear();
        (await factory.GraphQL("analyst").QueryAsync(page, new { asOf = "2017-09-18" })).EnsureNoErrors();

        var slow = Assert.Single(
            factory.Logs.GetSnapshot(), r => r.Message.StartsWith("Slow GraphQL operation", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, slow.Level);
        Assert.Matches(
            @"^Slow GraphQL operation DirectoryPage \(query\): \d+ ms, cost 1758, 8 SQL commands",
            slow.Message
        );
        var scope = slow.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).ToList();
        Assert.Contains(new KeyValuePair<string, object?>("GraphQLOperation", "DirectoryPage"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("Role", "analyst"), scope);
    }

    [Fact]
    public async Task No_log_line_holds_a_token_an_api_key_an_email_or_a_phone_even_when_requests_fail()
    {
        factory.Logs.Clear();
        var coordinatorToken = factory.Token("coordinator");
        var coordinator = factory.GraphQL("coordinator");
        const string email = "camille.secret@example.org";
        const string phone = "06 12 34 56 78";
        const string person =
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } errors { code } } }";
        (
            await coordinator.QueryAsync(
                person,
                new
                {
                    input = new
                    {
                        givenName = "Camille",
                        familyName = "Secrète",
                        email,
                        phone,
                    },
                }
            )
        ).EnsureNoErrors();
        await coordinator.QueryAsync(
            person,
            new
            {
                input = new
                {
                    givenName = "",
                    familyName = new string('x', 5000),
                    email = "pas-un-courriel",
                    phone,
                },
            }
        );
        await coordinator.QueryAsync(
            "query($e: String!) { people(filter: { search: $e }) { nodes { email phone } } }", new { e = email });
        await factory.GraphQL("partner").QueryAsync("{ people(first: 5) { nodes { email phone } } }");
        var issued = (
            await coordinator.QueryAsync(
                "mutation { issueApiKey(input: { name: \"Outil\", scopes: [READ_DIRECTORY] }) { issued { secret } } }"
            )
        ).EnsureNoErrors();
        var secret = issued.String("issueApiKey.issued.secret")!;
        // A wrong key and a tampered token: refused (401) — and logged as such, without the credential.
        async Task RefusedAsync(Action<System.Net.Http.Headers.HttpRequestHeaders> credential)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(
                    "{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"),
            };
            credential(request.Headers);
            using var refused = await factory.CreateClient().SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await RefusedAsync(headers => headers.Add("X-Api-Key", secret + "x"));
        await RefusedAsync(headers => headers.Authorization = new("Bearer", coordinatorToken + "tampered"));

        var lines = factory
            .Logs.GetSnapshot()
            .Select(r =>
                string.Join(
                    ' ',
                    r.Message,
                    r.Exception?.ToString(),
                    string.Join(' ', r.Scopes.Select(ScopeText)),
                    string.Join(' ', r.StructuredState?.Select(s => s.Value) ?? [])
                )
            )
            .ToList();
        Assert.NotEmpty(lines);
        string[] secrets =
        [
            email,
            phone,
            phone.Replace(" ", "", StringComparison.Ordinal),
            secret,
            secret[..20],
            coordinatorToken,
            coordinatorToken.Split('.')[1],
        ];
        foreach (var line in lines)
        {
            Assert.DoesNotContain(secrets, s => line.Contains(s, StringComparison.Ordinal));
            Assert.DoesNotMatch(Email(), line);
        }
    }

    private static string ScopeText(object? scope) =>
        scope is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
            : $"{scope}";

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>Every log line at every level, and every operation counted as slow.</summary>
    public sealed class LoggedFactory : InterAssociatifFactory
    {
        public LoggedFactory() =>
            With("Logging:LogLevel:Default", "Trace").With("Telemetry:SlowOperationThreshold", "00:00:00");

        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddFakeLogging();
    }
}
