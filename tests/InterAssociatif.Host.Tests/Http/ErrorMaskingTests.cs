namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// An unexpected exception is masked, logged, and answered with a trace id — the same way over HTTP,
/// SSE and WebSocket, since every transport runs operations through one executor.
/// </summary>
public sealed class ErrorMaskingTests(ErrorMaskingTests.FailingFieldFactory factory)
    : IClassFixture<ErrorMaskingTests.FailingFieldFactory>
{
    private const string Secret = "secret connection string: Password=hunter2";

    [Fact]
    public async Task An_unexpected_exception_is_masked_with_a_trace_id_and_the_rest_of_the_data_is_kept()
    {
        var result = await factory.GraphQL().QueryAsync("{ __typename failOnPurpose }");
        Assert.Equal(System.Net.HttpStatusCode.OK, result.Status);
        Assert.Equal("Query", result.String("__typename"));
        AssertMaskedAndLogged(Assert.Single(result.Errors)!, result.Body.ToJsonString());
    }

    [Fact]
    public async Task Over_a_websocket_a_failing_query_is_masked_with_a_trace_id_that_is_in_the_logs()
    {
        await using var client = await ConnectedAsync();
        await client.SendAsync(
            new { id = "q", type = "subscribe", payload = new { query = "{ __typename failOnPurpose }" } });

        var next = (await client.ReceiveAsync())!;
        Assert.Equal(("next", "q"), (next["type"]!.GetValue<string>(), next["id"]!.GetValue<string>()));
        Assert.Equal("Query", next["payload"]!["data"]!["__typename"]!.GetValue<string>());
        AssertMaskedAndLogged(Assert.Single(next["payload"]!["errors"]!.AsArray())!, next.ToJsonString());
        Assert.Equal("complete", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_a_websocket_a_failing_subscription_event_is_masked_with_a_trace_id_that_is_in_the_logs()
    {
        await using var client = await ConnectedAsync();
        await client.SendAsync(
            new { id = "s", type = "subscribe", payload = new { query = "subscription { failOnPurposeLater }" } });

        var message = (await client.ReceiveAsync())!;
        Assert.Equal("s", message["id"]!.GetValue<string>());
        var errors = message["type"]!.GetValue<string>() == "next"
            ? message["payload"]!["errors"]!
            : message["payload"]!;
        AssertMaskedAndLogged(Assert.Single(errors.AsArray())!, message.ToJsonString());
    }

    private async Task<GraphQLWebSocketClient> ConnectedAsync()
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(factory.KestrelOrigin());
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        return client;
    }

    private void AssertMaskedAndLogged(JsonNode error, string body)
    {
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        var traceId = error["extensions"]!["traceId"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.Contains(traceId, error["message"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at InterAssociatif", body, StringComparison.Ordinal);

        // The fault is in the log, with the exception and the trace id the client was given.
        var logs = factory.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(
            logs,
            log =>
                log.Level == Microsoft.Extensions.Logging.LogLevel.Error
                && log.Message.Contains(traceId, StringComparison.Ordinal)
            && log.Exception?.GetBaseException().Message == Secret);
    }

    public sealed class FailingFieldFactory : InterAssociatifFactory
    {
        public FailingFieldFactory()
        {
            With("Database:SeedDemoData", "false");
            ListenOnLoopback();
        }

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddFakeLogging();
            services.AddSingleton<IGraphTypeExtension, FailingField>();
            services.AddSingleton<IGraphTypeExtension, FailingEvent>();
        }
    }

    private sealed class FailingField : IGraphTypeExtension
    {
        public string TypeName => "Query";

        public void Extend(IComplexGraphType type) =>
            ((ObjectGraphType)type).Field<StringGraphType>("failOnPurpose")
                .Resolve(_ => throw new InvalidOperationException(Secret));
    }

    /// <summary>A subscription whose one event fails to resolve.</summary>
    private sealed class FailingEvent : IGraphTypeExtension
    {
        public string TypeName => "Subscription";

        public void Extend(IComplexGraphType type) =>
            ((ObjectGraphType)type).Field<StringGraphType>("failOnPurposeLater")
                .ResolveStream(_ => new AsyncStreamObservable<object?>(OneEvent))
                .Resolve(_ => throw new InvalidOperationException(Secret));

        private static async IAsyncEnumerable<object?> OneEvent(
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
        {
            await Task.Yield();
            yield return "event";
        }
    }
}
