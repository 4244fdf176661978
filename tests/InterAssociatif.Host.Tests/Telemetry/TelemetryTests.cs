using OpenTelemetry.Trace;

namespace InterAssociatif.Host.Tests.Telemetry;

/// <summary>
/// What an operator sees: the meeting page's trace (HTTP → one GraphQL span named after the operation →
/// one span per SQL command, never the variables), and the metrics at <c>/metrics</c> moving when the
/// demo operations run.
/// </summary>
public sealed partial class TelemetryTests(TelemetryTests.TracedFactory factory)
    : IClassFixture<TelemetryTests.TracedFactory>
{
    private const string MeetingIdQuery =
        "{ meetings(filter: { from: \"2017-09-18T00:00:00Z\", to: \"2017-09-19T00:00:00Z\" }) { nodes { id } } }";

    [Fact]
    public async Task The_meeting_page_is_one_GraphQL_span_named_after_it_with_a_child_span_per_SQL_command()
    {
        var coordinator = factory.GraphQL("coordinator");
        var id = (await coordinator.QueryAsync(MeetingIdQuery)).EnsureNoErrors().String("meetings.nodes[0].id");
        var page = File.ReadAllText(RepositoryFiles.Path("schema", "operations", "MeetingPage.graphql"));
        var trace = InOwnTrace(coordinator);
        factory.Exported.Clear();
        factory.SqlCommands.Reset();
        (await coordinator.QueryAsync(page, new { id })).EnsureNoErrors();
        var commands = factory.SqlCommands.Count;

        var spans = factory.Exported.Snapshot();

        // Activity sources are process-wide: hosts of other test classes, running meanwhile, export here too;
        // this page's spans are those of the trace its request started.
        var operation = Assert.Single(spans, s => s.Source.Name == "GraphQL" && s.TraceId == trace);
        Assert.Equal("MeetingPage", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.StartsWith("sha256:", (string?)operation.GetTagItem("graphql.document.hash"));
        Assert.Null(operation.GetTagItem("graphql.document"));
        Assert.DoesNotContain(
            operation.TagObjects, t => t.Value is string text && text.Contains(id!, StringComparison.Ordinal));

        // Every SQL command of the page is a span under the operation's, in its trace.
        var byId = spans.ToDictionary(s => s.SpanId);
        bool Under(Activity span) =>
            span.ParentSpanId == operation.SpanId
            || (byId.TryGetValue(span.ParentSpanId, out var parent) && Under(parent));
        var sql = spans
            .Where(s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal))
            .Where(s => s.TraceId == operation.TraceId)
            .ToList();
        Assert.Equal(9, commands);
        Assert.Equal(commands, sql.Count);
        Assert.All(sql, s => Assert.True(Under(s), $"the SQL span {s.DisplayName} is not under the GraphQL span"));
    }

    [Fact]
    public async Task A_delivery_to_a_subscriber_is_a_span_linked_to_the_trace_of_the_mutation_that_recorded_it()
    {
        var coordinator = factory.GraphQL("coordinator");
        var bodyId = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        var trace = InOwnTrace(coordinator);
        using var request = GraphQLTestClient.Request(
            "subscription { decisionRecorded { decision { title } } }",
            token: factory.Token("partner"),
            accept: "text/event-stream");
        using var stream = await factory.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync());

        (
            await coordinator.QueryAsync(
                "mutation Record($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
                new
                {
                    input = new
                    {
                        bodyId,
                        title = "Décision tracée",
                        decidedOn = "2021-07-01",
                    },
                }
            )
        ).EnsureNoErrors();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (
            await events.ReadLineAsync(timeout.Token) is { } line
            && !line.Contains("Décision tracée", StringComparison.Ordinal)
        ) { }

        var mutation = Assert.Single(
            factory.Exported.Snapshot(), s => s.Source.Name == "GraphQL" && s.TraceId == trace);
        Assert.Equal("Record", mutation.GetTagItem("graphql.operation.name"));

        // The delivery span is exported when it ends, once every subscription has been offered the event —
        // just after the stream received it: wait for it (10 s at most).
        bool Delivered(Activity s) =>
            s.DisplayName == "governance feed deliver" && s.Links.Any(l => l.Context.TraceId == mutation.TraceId);
        var spans = factory.Exported.Snapshot();
        for (var i = 0; i < 100 && !spans.Any(Delivered); i++)
        {
            await Task.Delay(100);
            spans = factory.Exported.Snapshot();
        }

        var delivery = Assert.Single(spans, Delivered);
        Assert.NotEqual(mutation.TraceId, delivery.TraceId); // its own trace, linked, not a child of the request
        Assert.Contains(spans, s => s.DisplayName == "governance log read");
    }

    /// <summary>
    /// Starts every later request of <paramref name="client"/> in one new trace (a W3C <c>traceparent</c> header,
    /// as a caller's own tracing would send), so that its spans are told from those of concurrent tests.
    /// </summary>
    private static ActivityTraceId InOwnTrace(GraphQLTestClient client)
    {
        var trace = ActivityTraceId.CreateRandom();
        client.Http.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        return trace;
    }

    /// <summary>On a real host process (meters are process-wide: in-process hosts would count together).</summary>
    [Fact]
    public async Task The_metrics_endpoint_of_a_host_shows_durations_sql_commands_and_refusals_moving()
    {
        await using var host = await HostProcess.StartedAsync();
        var http = host.Http;
        async Task<string> ScrapeAsync() => await http.GetStringAsync("/metrics");
        var before = await ScrapeAsync();
        var page = File.ReadAllText(RepositoryFiles.Path("schema", "operations", "DirectoryPage.graphql"));
        (await host.GraphQL(null).QueryAsync(page, new { asOf = "2017-09-18" })).EnsureNoErrors();
        (await host.GraphQL(null).QueryAsync(page, new { asOf = "2017-09-18" })).EnsureNoErrors();
        Assert.NotEmpty((await host.GraphQL(null).QueryAsync("{ people(first: 1) { nodes { email } } }")).Errors);
        const string directory = "graphql_operation_name=\"DirectoryPage\"";
        const string denied = "code=\"ACCESS_DENIED\"";
        const string graphql = "http_route=\"/graphql\"";
        (string Metric, string Label, double By)[] moved =
        [
            ("graphql_operation_duration_seconds_count", directory, 2),
            ("interassociatif_graphql_sql_commands_count", directory, 2),
            ("interassociatif_graphql_sql_commands_sum", directory, 2 * 8), // the page's snapshot: 8 commands
            ("interassociatif_requests_refused_total", denied, 1),
            ("http_server_request_duration_seconds_count", graphql, 3),
        ];
        // ASP.NET Core records a request's duration once its response is complete, which may be just after
        // the client has read it: scrape again until everything has moved (10 s at most).
        bool Moved(string scrape) =>
            moved.All(m => Value(scrape, m.Metric, m.Label) == Value(before, m.Metric, m.Label) + m.By);
        var after = await ScrapeAsync();
        for (var i = 0; i < 100 && !Moved(after); i++)
        {
            await Task.Delay(100);
            after = await ScrapeAsync();
        }

        foreach (var (metric, label, by) in moved)
        {
            Assert.True(
                Value(after, metric, label) == Value(before, metric, label) + by,
                $"{metric}{{{label}}} moved from {Value(before, metric, label)} to {Value(after, metric, label)}"
            );
        }

        Assert.Contains("interassociatif_governance_log_head_sequence", after);
        Assert.Contains("interassociatif_governance_feed_delivered_sequence", after);

        // The runtime's own meter: two pages allocate (a page is a few hundred KiB), and the memory is shown.
        const string runtime = "otel_scope_name=\"System.Runtime\"";
        const string allocated = "dotnet_gc_heap_total_allocated_bytes_total";
        Assert.True(Value(after, allocated, runtime) > Value(before, allocated, runtime) + 100_000, allocated);
        Assert.True(Value(after, "dotnet_process_memory_working_set_bytes", runtime) > 0);
    }

    /// <summary>Open WebSockets, SSE streams and live subscriptions go up as clients come, down as they go.</summary>
    [Fact]
    public async Task The_metrics_count_open_websockets_sse_streams_and_subscriptions_up_and_down()
    {
        await using var host = await HostProcess.StartedAsync();
        var http = host.Http;
        var partner = await host.TokenAsync("partner");
        async Task<(double Sockets, double Streams, double Subscriptions)> GaugesAsync()
        {
            var scrape = await http.GetStringAsync("/metrics");
            return (
                Value(scrape, "interassociatif_websocket_connections", ""),
                Value(scrape, "interassociatif_sse_streams", ""),
                Value(scrape, "interassociatif_subscriptions", "")
            );
        }

        // The gauges move once the server has handled the client's step: read them until they do (10 s at most).
        async Task<(double, double, double)> UntilAsync((double, double, double) expected)
        {
            var gauges = await GaugesAsync();
            for (var i = 0; i < 100 && gauges != expected; i++)
            {
                await Task.Delay(100);
                gauges = await GaugesAsync();
            }

            return gauges;
        }

        Assert.Equal((0, 0, 0), await UntilAsync((0, 0, 0)));
        var socket = await GraphQLWebSocketClient.InitializedAsync(
            host.Origin, new { Authorization = $"Bearer {partner}" });
        await socket.ListeningAsync("feed", new { query = "subscription { decisionRecorded { cursor } }" });
        using var request = GraphQLTestClient.Request(
            "subscription { followUpChanged { cursor } }", token: partner, accept: "text/event-stream");
        var stream = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal((1, 1, 2), await UntilAsync((1, 1, 2)));

        stream.Dispose();
        Assert.Equal((1, 0, 1), await UntilAsync((1, 0, 1)));
        await socket.DisposeAsync();
        Assert.Equal((0, 0, 0), await UntilAsync((0, 0, 0)));
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/> (0 when none).</summary>
    private static double Value(string exposition, string metric, string label) =>
        Sample()
            .Matches(exposition)
            .Where(m =>
                m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)
            )
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    /// <summary>The host with an in-memory trace exporter, as an operator's collector would receive them.</summary>
    public sealed class TracedFactory : InterAssociatifFactory
    {
        public Spans Exported { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Exported));
    }
}

/// <summary>The spans exported so far; the exporter adds from whichever thread ends a span.</summary>
public sealed class Spans : System.Collections.ObjectModel.Collection<Activity>
{
    private readonly Lock _lock = new();

    public List<Activity> Snapshot()
    {
        lock (_lock)
        {
            return [.. this];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}

/// <summary>
/// <c>/metrics</c> answers loopback callers and the networks of <c>Telemetry:PrometheusNetworks</c>; any
/// other caller gets 404 (the caller's address is set by a test middleware, as a remote peer's would be).
/// </summary>
public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", null, 200)]
    [InlineData("10.1.2.3", null, 404)]
    [InlineData("10.1.2.3", "10.0.0.0/8", 200)]
    [InlineData("192.168.1.9", "10.0.0.0/8", 404)]
    public async Task Metrics_are_served_to_loopback_and_configured_networks_only(
        string caller, string? network, int status)
    {
        await using var factory = new RemoteFactory();
        if (network is not null)
        {
            factory.With("Telemetry:PrometheusNetworks:0", network);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(RemoteFactory.Header, caller);
        using var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
    }

    private sealed class RemoteFactory : InterAssociatifFactory
    {
        public const string Header = "X-Test-Remote-Address";

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddress>();

        private sealed class RemoteAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(
                Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next
            ) =>
                app =>
                {
                    app.Use((http, following) =>
                    {
                        if (http.Request.Headers.TryGetValue(Header, out var address))
                        {
                            http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
                        }

                        return following(http);
                    });
                    next(app);
                };
        }
    }
}
