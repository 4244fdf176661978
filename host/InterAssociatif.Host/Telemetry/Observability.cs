using GraphQL.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InterAssociatif.Host.Telemetry;

/// <summary>
/// Traces and metrics with OpenTelemetry. Traces: HTTP request → GraphQL operation (name, type, document
/// hash; never the variables) → each SQL command; exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, not collected at all otherwise. Metrics: ASP.NET Core's, the
/// runtime's (garbage collector, allocated bytes, memory, thread pool) and the host's own (below), scraped
/// at <c>Telemetry:PrometheusEndpoint</c> (<c>/metrics</c>) by loopback
/// callers and the networks of <c>Telemetry:PrometheusNetworks</c>, and exported over OTLP when set.
/// </summary>
internal static class Observability
{
    /// <summary>The host's own activity source and meter; modules' meters are named <c>InterAssociatif.*</c>.</summary>
    public const string Name = "InterAssociatif";

    /// <summary>.NET's built-in runtime meter: read when scraped, nothing collected in between.</summary>
    private const string RuntimeMeter = "System.Runtime";

    /// <summary>Operation names past this many distinct ones are labelled <c>other</c> (client-chosen names).</summary>
    private const int OperationNames = 200;

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, bool> Names = new(StringComparer.Ordinal);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "graphql.operation.duration",
        "s",
        "Duration of GraphQL operations (queries and mutations; subscriptions until set up)."
    );

    public static readonly Histogram<long> OperationSqlCommands = Meter.CreateHistogram<long>(
        "interassociatif.graphql.sql_commands", "{command}", "SQL commands sent by one GraphQL operation.");

    public static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "interassociatif.requests.refused", "{request}", "Requests refused before or instead of execution, by code.");

    public static readonly UpDownCounter<long> WebSockets = Meter.CreateUpDownCounter<long>(
        "interassociatif.websocket.connections", "{connection}", "Open graphql-transport-ws connections.");

    public static readonly UpDownCounter<long> SseStreams = Meter.CreateUpDownCounter<long>(
        "interassociatif.sse.streams", "{stream}", "Open GraphQL-over-SSE streams.");

    public static readonly UpDownCounter<long> Subscriptions = Meter.CreateUpDownCounter<long>(
        "interassociatif.subscriptions", "{subscription}", "Live subscriptions, over WebSocket and SSE.");

    public static void AddInterAssociatifTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services
            .AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("interassociatif"));

        // What a trace holds is configured always; traces are collected only when something exports them
        // (OTLP here, an in-memory exporter in the tests).
        services.ConfigureOpenTelemetryTracerProvider(tracing =>
            tracing
                .AddAspNetCoreInstrumentation(http => http.Filter = context => !IsProbe(context, configuration))
                .AddSource(GraphQLTelemetryProvider.SourceName, Name, $"{Name}.*")
                .AddEntityFrameworkCoreInstrumentation()
        );
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter());
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddMeter(Name, $"{Name}.*", RuntimeMeter);
            if (PrometheusPath(configuration) is not null)
            {
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
    }

    /// <summary>Serves the Prometheus endpoint to loopback callers and the configured networks only.</summary>
    public static void UseInterAssociatifMetrics(this WebApplication app)
    {
        if (PrometheusPath(app.Configuration) is not { } path)
        {
            return;
        }

        var networks = (app.Configuration.GetSection("Telemetry:PrometheusNetworks").Get<string[]>() ?? [])
            .Select(cidr =>
                System.Net.IPNetwork.TryParse(cidr, out var network)
                    ? network
                    : throw new InvalidOperationException(
                        $"Telemetry:PrometheusNetworks: '{cidr}' is not a network in CIDR notation.")
            )
            .ToList();
        app.UseWhen(
            http =>
                http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                && http.Connection.RemoteIpAddress is { } address
                && !IPAddress.IsLoopback(address)
                && !networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)),
            refused =>
                refused.Run(http =>
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                })
        );
        app.MapPrometheusScrapingEndpoint(path);
    }

    /// <summary>The metric label of an operation name: the name, or <c>other</c> past the bound.</summary>
    public static string OperationLabel(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "anonymous";
        }

        if (Names.ContainsKey(name) || (Names.Count < OperationNames && Names.TryAdd(name, true)))
        {
            return name;
        }

        return "other";
    }

    /// <summary>Records one operation's duration and SQL commands.</summary>
    public static void RecordOperation(string? name, string? type, TimeSpan duration, long sqlCommands)
    {
        var tags = new TagList
        {
            { "graphql.operation.name", OperationLabel(name) },
            { "graphql.operation.type", type ?? "unknown" },
        };
        OperationDuration.Record(duration.TotalSeconds, tags);
        OperationSqlCommands.Record(sqlCommands, tags);
    }

    private static string? PrometheusPath(IConfiguration configuration) =>
        (configuration["Telemetry:PrometheusEndpoint"] ?? "/metrics") is { Length: > 0 } path ? path : null;

    private static bool IsProbe(HttpContext context, IConfiguration configuration) =>
        context.Request.Path.StartsWithSegments("/health")
        || (PrometheusPath(configuration) is { } metrics && context.Request.Path.StartsWithSegments(metrics));
}
