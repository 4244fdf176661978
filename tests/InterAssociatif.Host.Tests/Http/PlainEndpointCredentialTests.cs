namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// The modules' plain endpoints refuse a caller as the GraphQL endpoint does: a GraphQL-shaped error with its code, a
/// 401 with a challenge that says why the credentials sent were refused (or that there were none), a 403 naming the
/// roles.
/// Credentials that are refused: every endpoint the modules serve (<see cref="ModuleEndpoints"/>), open to anonymous
/// callers or not. No credentials or too few roles: the endpoints that need a role. The check runs before the ids are
/// read, so they need not exist.
/// </summary>
public sealed class PlainEndpointCredentialTests(InterAssociatifFactory factory)
    : IClassFixture<InterAssociatifFactory>
{
    private static readonly (HttpMethod Method, string Path)[] Endpoints =
    [
        (HttpMethod.Post, "/meetings/x/attachments?title=t&fileName=f.pdf"),
        (HttpMethod.Get, "/attachments/x"),
        (HttpMethod.Get, "/meetings/x/minutes.html"),
        (HttpMethod.Get, "/surveys/x/responses.csv"),
    ];

    private static readonly (string Credentials, string Code)[] Refused =
    [
        ("basic", "INVALID_TOKEN"),
        ("forged", "INVALID_TOKEN"),
        ("expired", "TOKEN_EXPIRED"),
        ("unknown api key", "INVALID_API_KEY"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path) in Endpoints)
        {
            data.Add($"{method} {path}", "none", "ACCESS_DENIED");
        }

        data.Add($"{HttpMethod.Post} {Endpoints[0].Path}", "member", "ACCESS_DENIED");
        data.Add($"{HttpMethod.Get} {Endpoints[3].Path}", "member", "ACCESS_DENIED");
        return data;
    }

    [Fact]
    public async Task Every_module_endpoint_refuses_credentials_that_are_not_valid()
    {
        var failures = new List<string>();
        var endpoints = ModuleEndpoints.All(factory.Services);
        foreach (var (method, route) in endpoints)
        {
            foreach (var (credentials, code) in Refused)
            {
                using var request = ModuleEndpoints.Request(method, route);
                Authorize(request, credentials);
                using var response = await factory.CreateClient().SendAsync(request);
                var (text, error) = await ModuleEndpoints.ErrorAsync(response);
                if (response.StatusCode != HttpStatusCode.Unauthorized
                    || error?["code"]?.GetValue<string>() != code
                    || response.Headers.WwwAuthenticate.Count == 0)
                {
                    failures.Add($"{method} {route.RawText}, {credentials}: {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.True(endpoints.Count >= 7, $"{endpoints.Count} endpoints: the module endpoints were not found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_refused_caller_gets_a_typed_error_and_a_challenge(
        string endpoint, string credentials, string code)
    {
        var (method, path) = (new HttpMethod(endpoint.Split(' ')[0]), endpoint.Split(' ', 2)[1]);
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent([1, 2, 3]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        }

        Authorize(request, credentials);
        using var response = await factory.CreateClient().SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(code, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["errors"]![0]!["message"]!.GetValue<string>()));
        if (credentials == "member")
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("coordinator", body["errors"]![0]!["message"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEmpty(response.Headers.WwwAuthenticate);
        }
    }

    private void Authorize(HttpRequestMessage request, string credentials)
    {
        var valid = factory.Token("coordinator");
        switch (credentials)
        {
            case "basic":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
                break;
            case "forged":
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Bearer", valid[..^4] + (valid[^4..] == "AAAA" ? "BBBB" : "AAAA"));
                break;
            case "expired":
                var expired = factory.Token(
                    "coordinator", lifetime: TimeSpan.FromHours(1), issuedAt: DateTimeOffset.UtcNow.AddHours(-2));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", expired);
                break;
            case "unknown api key":
                request.Headers.Add("X-Api-Key", "ia_0000000000000000_not-a-key");
                break;
            case "member":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token("member"));
                break;
        }
    }
}
