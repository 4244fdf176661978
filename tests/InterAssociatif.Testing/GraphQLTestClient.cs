using System.Net.Http.Headers;

namespace InterAssociatif.Testing;

/// <summary>Posts GraphQL documents to <c>/graphql</c> as one caller, over real HTTP (in-process).</summary>
public sealed class GraphQLTestClient(HttpClient http, string? token)
{
    public HttpClient Http { get; } = http;

    /// <summary>
    /// A GraphQL POST as a client sends it: the JSON body, what it accepts (e.g. <c>text/event-stream</c> for a
    /// subscription over SSE) and its bearer token; <paramref name="url"/> may name another host.
    /// </summary>
    public static HttpRequestMessage Request(
        string query,
        object? variables = null,
        string? token = null,
        string accept = "application/graphql-response+json",
        string url = "/graphql")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async Task<GraphQLResult> QueryAsync(
        string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = Request(query, variables, token, accept);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResult(
            response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>
    /// Runs <paramref name="mutation"/> with <paramref name="input"/>, selecting <paramref name="selection"/> and the
    /// payload's errors.
    /// </summary>
    public async Task<GraphQLResult> MutateAsync(string mutation, string inputType, object input, string selection) =>
        (
            await QueryAsync(
                $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {selection} errors {{ __typename code "
                + $"field message }} }} }}",
                new { input }
            )
        ).EnsureNoErrors();
}

/// <summary>A GraphQL response with its HTTP status, and helpers to read it.</summary>
public sealed record GraphQLResult(HttpStatusCode Status, string? MediaType, JsonObject Body)
{
    public JsonNode? Data => Body["data"];

    public JsonArray Errors => Body["errors"]?.AsArray() ?? [];

    public IReadOnlyList<string?> ErrorCodes =>
        Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();

    /// <summary>Reads a value at a path like <c>organizations.nodes[0].name</c> under <c>data</c>.</summary>
    public JsonNode? At(string path)
    {
        var node = Data;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            node = node?[name];
            if (index is { } i)
            {
                node = node?.AsArray()[i];
            }
        }

        return node;
    }

    public string? String(string path) => At(path)?.GetValue<string>();

    public int Int(string path) => At(path)!.GetValue<int>();

    /// <summary>Fails with the response body when there are errors.</summary>
    public GraphQLResult EnsureNoErrors()
    {
        if (Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"Unexpected GraphQL errors ({(int)Status}): {Body.ToJsonString()}");
        }

        return this;
    }

    /// <summary>The payload's <c>errors</c> list of a mutation (domain errors).</summary>
    public JsonArray PayloadErrors(string mutation) =>
        At($"{mutation}.errors")?.AsArray()
        ?? throw new Xunit.Sdk.XunitException($"No payload errors list: {Body.ToJsonString()}");

    /// <summary>The payload's errors as « __typename code field; … », to compare in one assertion.</summary>
    public string ErrorsOf(string mutation) =>
        string.Join("; ", PayloadErrors(mutation).Select(e => $"{e!["__typename"]} {e["code"]} {e["field"]}"));
}
