namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// The modules' plain endpoints refuse a caller as the GraphQL endpoint does: a GraphQL-shaped error with its code, a
/// 401 with a challenge that says why the credentials sent were refused (or that there were none), a 403 naming the
/// roles. Generated from every endpoint the modules serve (<see cref="ModuleEndpoints"/>) and the access each declares
/// (<see cref="EndpointAccess"/>): refused credentials everywhere; no credentials and every role against what the
/// endpoint is open to. The check runs before the ids are read, so they need not exist.
/// </summary>
public sealed class PlainEndpointCredentialTests(InterAssociatifFactory factory)
    : IClassFixture<InterAssociatifFactory>
{
    private static readonly (string Credentials, string Code)[] Refused =
    [
        ("basic", "INVALID_TOKEN"),
        ("forged", "INVALID_TOKEN"),
        ("expired", "TOKEN_EXPIRED"),
        ("unknown api key", "INVALID_API_KEY"),
    ];

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

    /// <summary>
    /// Every endpoint says who may call it; anonymous callers and every role get what that says: a 401 with a
    /// challenge or a 403 naming the roles when it is not open to them, neither when it is.
    /// </summary>
    [Fact]
    public async Task Every_caller_meets_the_access_each_endpoint_declares()
    {
        var failures = new List<string>();
        var endpoints = ModuleEndpoints.All(factory.Services);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Access is not { } access)
            {
                failures.Add($"{endpoint}: does not say who may call it");
                continue;
            }

            foreach (var caller in Roles.All.Prepend("none"))
            {
                var open = access.Roles.Count == 0 || access.Roles.Contains(caller);
                using var request = ModuleEndpoints.Request(endpoint.Method, endpoint.Route);
                if (caller != "none")
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token(caller));
                }

                using var response = await factory.CreateClient().SendAsync(request);
                var (text, error) = await ModuleEndpoints.ErrorAsync(response);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var expected = caller == "none" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                var message = error is null ? null : JsonNode.Parse(text)?["errors"]?[0]?["message"]?.ToString();
                var wellRefused = response.StatusCode == expected
                    && error?["code"]?.GetValue<string>() == "ACCESS_DENIED"
                    && (caller != "none" || response.Headers.WwwAuthenticate.Count > 0)
                    && access.Roles.All(role => message?.Contains(role, StringComparison.Ordinal) == true);
                if (open ? refused : !wellRefused)
                {
                    var should = open ? "served" : "refused";
                    failures.Add($"{endpoint}, {caller} should be {should}: {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.True(endpoints.Count(e => e.Access?.Roles.Count > 0) >= 3, "no endpoint needs a role");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
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
        }
    }
}
