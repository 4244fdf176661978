namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>
/// What a request's writes set off (the feed reader's wake-up) waits for the request's response when
/// the transport began deferring, runs exactly once, and runs at once everywhere else.
/// </summary>
public sealed class AfterResponseTests
{
    [Fact]
    public async Task Inside_a_request_the_work_waits_for_the_response_then_runs_once()
    {
        var runs = 0;
        var pending = AfterResponse.Begin();
        await Task.Yield();
        AfterResponse.Run(() => runs++);
        await Task.Run(() => AfterResponse.Run(() => runs++));
        Assert.Equal(0, runs);

        pending.RunAll();
        Assert.Equal(2, runs);
        pending.RunAll();
        Assert.Equal(2, runs);

        // Once the response is sent, what comes later of the same request runs at once.
        AfterResponse.Run(() => runs++);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task Outside_a_request_the_work_runs_at_once()
    {
        var runs = 0;
        await Task.Run(() => AfterResponse.Run(() => runs++));
        Assert.Equal(1, runs);
    }
}

/// <summary>The HTTP endpoint defers what a request sets off until its response is sent.</summary>
public sealed class AfterResponseEndpointTests(AfterResponseEndpointTests.ProbeFactory factory)
    : IClassFixture<AfterResponseEndpointTests.ProbeFactory>
{
    [Fact]
    public async Task What_a_request_sets_off_runs_after_its_response_not_during_it()
    {
        var result = (await factory.GraphQL().QueryAsync("{ afterResponseProbe }")).EnsureNoErrors();
        Assert.False(result.Data!["afterResponseProbe"]!.GetValue<bool>(), "the work ran while the request ran");

        // The response is sent; the server finishes the request (and runs what it deferred) right after.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await factory.Probe.Ran.Task.WaitAsync(deadline.Token);
    }

    public sealed class ProbeFactory : InterAssociatifFactory
    {
        public ProbeFactory() => With("Database:SeedDemoData", "false");

        public ProbeField Probe { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IGraphTypeExtension>(Probe);
    }

    /// <summary><c>afterResponseProbe</c>: sets off work and answers whether it has run yet.</summary>
    public sealed class ProbeField : IGraphTypeExtension
    {
        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string TypeName => "Query";

        public void Extend(IComplexGraphType type) =>
            ((ObjectGraphType)type).Field<BooleanGraphType>("afterResponseProbe")
                .Resolve(_ =>
                {
                    AfterResponse.Run(() => Ran.TrySetResult());
                    return Ran.Task.IsCompleted;
                });
    }
}
