using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// The plain endpoints the modules serve beside GraphQL, read from their <see cref="IEndpointContributor"/>s as the
/// host maps them: an endpoint a module adds is in every case generated from this list.
/// </summary>
internal static class ModuleEndpoints
{
    /// <summary>Values that a route or query parameter other than an id takes in the generated requests.</summary>
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["extension"] = "md",
        ["title"] = "Relevé",
        ["fileName"] = "releve.pdf",
    };

    /// <summary>Every endpoint the modules map, as the host maps them (<see cref="ModuleEndpointMapping"/>).</summary>
    public static IReadOnlyList<ModuleEndpoint> All(IServiceProvider services)
    {
        var routes = new Routes(services);
        routes.MapModuleEndpoints();
        return routes.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods
                .Select(method => new ModuleEndpoint(
                    new HttpMethod(method),
                    endpoint.RoutePattern,
                    endpoint.Metadata.GetMetadata<EndpointAccess>(),
                    endpoint.Metadata.GetMetadata<EndpointAudit>(),
                    QueryParameters(endpoint))))
            .OrderBy(e => e.Route.RawText, StringComparer.Ordinal).ThenBy(e => e.Method.Method)
            .ToList();
    }

    /// <summary>The handler's text parameters that are not the route's: read from the query.</summary>
    private static List<string> QueryParameters(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetRequiredMetadata<MethodInfo>().GetParameters()
            .Where(p => p.ParameterType == typeof(string) && endpoint.RoutePattern.GetParameter(p.Name!) is null)
            .Select(p => p.Name!)
            .ToList();

    /// <summary>The route's parameters that hold a record's global id (<c>meetingId</c> → <c>Meeting</c>).</summary>
    public static IEnumerable<(string Name, string TypeName)> Ids(RoutePattern route) =>
        route.Parameters.Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal))
            .Select(p => (p.Name, char.ToUpperInvariant(p.Name[0]) + p.Name[1..^2]));

    /// <summary>
    /// A request to <paramref name="route"/> with <paramref name="values"/> for its ids (others get <c>x</c>) and valid
    /// values for the rest: the query parameters an endpoint may read, and a small PDF as the body of a POST.
    /// </summary>
    public static HttpRequestMessage Request(
        HttpMethod method, RoutePattern route, IReadOnlyDictionary<string, string>? values = null)
    {
        var path = new StringBuilder();
        foreach (var segment in route.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(
                        values?.GetValueOrDefault(parameter.Name)
                            ?? Valid.GetValueOrDefault(parameter.Name)
                            ?? (parameter.Name.EndsWith("Id", StringComparison.Ordinal)
                                ? "x"
                                : throw new InvalidOperationException(
                                    $"{route.RawText}: give `{parameter.Name}` a valid value in {nameof(Valid)}."))),
                    _ => throw new InvalidOperationException($"{route.RawText}: unexpected part {part}"),
                });
            }
        }

        var query = string.Join(
            "&",
            Valid.Where(v => route.GetParameter(v.Key) is null)
                .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));
        var request = new HttpRequestMessage(method, $"{path}?{query}");
        if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent("%PDF-1.4\n"u8.ToArray());
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        }

        return request;
    }

    /// <summary>The answer's text and, in a JSON answer, the <c>extensions</c> of its first error.</summary>
    public static async Task<(string Text, JsonNode? Extensions)> ErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (text, response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonNode.Parse(text)?["errors"]?[0]?["extensions"]
            : null);
    }

    /// <summary>An existing record's id of each type a route names, from the demo data.</summary>
    public static async Task<Dictionary<string, string>> ExistingIdsAsync(InterAssociatifFactory factory)
    {
        var result = (await factory.GraphQL("coordinator").QueryAsync(
                """
                {
                  meetings(first: 20) { nodes { id attachments { id } } }
                  surveys(first: 1) { nodes { id } }
                  organizations(first: 1) { nodes { id } }
                }
                """))
            .EnsureNoErrors();
        return new Dictionary<string, string>
        {
            ["Meeting"] = result.String("meetings.nodes[0].id")!,
            ["Survey"] = result.String("surveys.nodes[0].id")!,
            ["Organization"] = result.String("organizations.nodes[0].id")!,
            ["Attachment"] = result.At("meetings.nodes")!.AsArray()
                .SelectMany(m => m!["attachments"]!.AsArray()).First()!["id"]!.GetValue<string>(),
        };
    }

    /// <summary>
    /// An endpoint: its method and route, who it says may call it (null: it does not say), whether its calls are
    /// audited, the query parameters its handler reads.
    /// </summary>
    public sealed record ModuleEndpoint(
        HttpMethod Method,
        RoutePattern Route,
        EndpointAccess? Access,
        EndpointAudit? Audit,
        IReadOnlyList<string> Query)
    {
        public void Deconstruct(out HttpMethod method, out RoutePattern route) => (method, route) = (Method, Route);

        public override string ToString() => $"{Method} {Route.RawText}";
    }

    private sealed class Routes(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
