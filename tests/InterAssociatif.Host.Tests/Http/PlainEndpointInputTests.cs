namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// Every id in the route of every module's plain endpoint (<see cref="ModuleEndpoints"/>), given malformed, of another
/// type or designating nothing, is a 404 with a GraphQL-shaped <c>NOT_FOUND</c> naming the parameter, as a coordinator
/// (who passes every role check) sees it; never a bare status, never a page of the other type's record.
/// </summary>
public sealed class PlainEndpointInputTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task An_id_that_designates_nothing_is_a_typed_404_naming_it()
    {
        var existing = await ModuleEndpoints.ExistingIdsAsync(factory);
        var token = factory.Token("coordinator");
        var cases = 0;
        var failures = new List<string>();
        foreach (var (method, route) in ModuleEndpoints.All(factory.Services))
        {
            foreach (var (name, typeName) in ModuleEndpoints.Ids(route))
            {
                foreach (var (kind, value) in new[]
                {
                    ("malformed", "not-an-id"),
                    ("of another type", existing.First(e => e.Key != typeName).Value),
                    ("unknown", GlobalId.Encode(typeName, Guid.NewGuid())),
                })
                {
                    cases++;
                    var values = ModuleEndpoints.Ids(route)
                        .ToDictionary(id => id.Name, id => id.Name == name ? value : existing[id.TypeName]);
                    using var request = ModuleEndpoints.Request(method, route, values);
                    if (await MisansweredAsync(request, token, HttpStatusCode.NotFound, "NOT_FOUND", name) is { } got)
                    {
                        failures.Add($"{method} {route.RawText}, `{name}` {kind}: {got}");
                    }
                }
            }
        }

        Assert.True(cases >= 15, $"{cases} cases: the module endpoints were not found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every query parameter of every module endpoint, given twice, is a 400 <c>VALIDATION</c> naming it, whether the
    /// values agree or not: never the values joined by commas (a title "a,b"), never one of them chosen silently.
    /// </summary>
    [Fact]
    public async Task A_query_parameter_given_twice_is_refused_naming_it()
    {
        var token = factory.Token("coordinator");
        var cases = 0;
        var failures = new List<string>();
        foreach (var endpoint in ModuleEndpoints.All(factory.Services))
        {
            foreach (var name in endpoint.Query)
            {
                foreach (var values in new[] { ("a", "b"), ("a", "a") })
                {
                    cases++;
                    using var request = ModuleEndpoints.Request(endpoint.Method, endpoint.Route);
                    request.RequestUri = new Uri(
                        $"{request.RequestUri}&{name}={values.Item1}&{name}={values.Item2}", UriKind.Relative);
                    var got = await MisansweredAsync(request, token, HttpStatusCode.BadRequest, "VALIDATION", name);
                    if (got is not null)
                    {
                        failures.Add($"{endpoint}, `{name}` twice {values}: {got}");
                    }
                }
            }
        }

        Assert.True(cases >= 8, $"{cases} cases: the endpoints' query parameters were not found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Null when the request, sent with <paramref name="token"/>, is answered <paramref name="status"/> with a
    /// GraphQL-shaped error of <paramref name="code"/> naming <paramref name="field"/>; else what it got.
    /// </summary>
    private async Task<string?> MisansweredAsync(
        HttpRequestMessage request, string token, HttpStatusCode status, string code, string field)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await factory.CreateClient().SendAsync(request);
        var (text, error) = await ModuleEndpoints.ErrorAsync(response);
        return response.StatusCode == status
            && error?["code"]?.GetValue<string>() == code
            && error["field"]?.GetValue<string>() == field
                ? null
                : $"{(int)response.StatusCode} {text}";
    }
}
