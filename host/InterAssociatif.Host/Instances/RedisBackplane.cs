namespace InterAssociatif.Host.Instances;

/// <summary>
/// What several instances of the host share: with <c>ConnectionStrings:Redis</c> set, the event bus
/// crosses instances, rate limits are counted once and the Redis check joins <c>/health/ready</c>;
/// empty (the embedded default), everything stays in process.
/// </summary>
internal static class RedisBackplane
{
    /// <summary>
    /// How often readers read the event log on their own while Redis cannot bring other instances' events.
    /// </summary>
    public const string PollIntervalKey = "Events:PollInterval";

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Registers the Redis connection, bus and health check when configured; returns the connection or null.
    /// </summary>
    public static IConnectionMultiplexer? AddInterAssociatifBackplane(
        this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is not { Length: > 0 } connectionString)
        {
            return null;
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Redis is not a Redis configuration: {exception.Message}");
        }


        // Start and keep serving while Redis is away; fail its commands at once rather than queue them
        // (callers fall back: readers poll the log, rate limits count locally); try again every second.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.ClientName ??= $"interassociatif-{Environment.MachineName}-{Environment.ProcessId}";
        var redis = ConnectionMultiplexer.Connect(options);
        var pollInterval = configuration.GetValue<TimeSpan?>(PollIntervalKey) ?? DefaultPollInterval;
        if (pollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{PollIntervalKey} must be positive (it is {pollInterval}).");
        }

        services.AddSingleton<IConnectionMultiplexer>(redis);
        services.AddSingleton(sp => new RedisEventBus(
            redis,
            pollInterval,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RedisEventBus>>()
        ));
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<RedisEventBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisEventBus>());
        services
            .AddHealthChecks()
            .AddCheck<BackplaneHealthCheck>("redis", tags: ["ready"], timeout: TimeSpan.FromSeconds(2));
        return redis;
    }
}
