using InterAssociatif.Host.Health;
using InterAssociatif.Host.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterAssociatif.Host.Composition;

/// <summary>Everything the host registers and maps, in one place.</summary>
internal static class HostComposition
{
    public static void AddInterAssociatif(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        // Every log line carries the trace and span ids of the work it belongs to (shown with scopes:
        // Logging:Console:FormatterOptions:IncludeScopes, or the JSON formatter).
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var dataDirectory = DatabaseConfiguration.DataDirectory(configuration, builder.Environment.ContentRootPath);
        var database = DatabaseConfiguration.Read(configuration, dataDirectory);
        services.AddSingleton(database);
        var redis = services.AddInterAssociatifBackplane(configuration);

        services.AddSingleton<SqlCommandCounter>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlCommandCounter>());
        services.AddSingleton<IInterceptor, SharedReadConnectionGuard>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<IInterceptor, SqliteConnectionSetup>();
            services.AddSingleton<IInterceptor, SqliteCancellation>();
            services.AddSingleton<IInterceptor, PreparedStatementReuse>();
        }

        foreach (var module in ModuleCatalog.Enabled(configuration))
        {
            module.ConfigureServices(new ModuleServices(services, configuration, database));
        }

        // The host's own tables: partner API keys and the audit trail of mutations.
        new ModuleServices(services, configuration, database)
            .AddModuleDbContext<AccessDbContext, AccessSqliteDbContext, AccessSqlServerDbContext>(
            "Access", AccessDbContext.Schema);
        services.AddSingleton<ApiKeyService>();
        services.AddGraphTypeReachedByName<IssuedApiKeyType>();
        services.AddSingleton<Kernel.Authorization.ICredentialStatus>(sp => sp.GetRequiredService<ApiKeyService>());

        // Secrets kept for later use (webhook signing secrets) are protected with keys kept in the data folder,
        // which every instance shares (as it shares the local signing key).
        services.AddDataProtection()
            .SetApplicationName("InterAssociatif")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "data-protection-keys")));
        services.AddSingleton<IAuditTrail, AuditTrail>();
        services.AddRetainedLog<AccessDbContext, AuditEntry>("AuditTrail", 365, db => db.AuditEntries, e => e.At);
        services.AddSingleton<Retention.RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<Retention.RetentionService>());
        services.AddGraphTypesFrom(typeof(HostComposition).Assembly);
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<AccessDbContext, ApiKey>(ApiKeyService.TypeName, db => db.ApiKeys));

        var limits = configuration.GetSection("GraphQL:Limits").Get<RequestLimitsOptions>()
            ?? new RequestLimitsOptions();
        services.AddSingleton(limits);
        var introspection = configuration.GetValue("GraphQL:Introspection", true);
        services.AddHttpContextAccessor();
        services.AddInterAssociatifGraphQL(graphql =>
        {
            // A span per operation: its name, type and the document's hash — never its text or variables.
            graphql.UseTelemetry(telemetry =>
            {
                telemetry.RecordDocument = false;
                telemetry.EnrichWithDocument = (activity, options, _, _, _) =>
                    activity.SetTag("graphql.document.hash", DocumentHash(options.Query));
            });
            graphql.AddErrorInfoProvider<InterAssociatifErrorInfoProvider>()
                .AddValidationRule(new DocumentLimitsRule(limits))
                .AddValidationRule(new CostLimitRule(CostLimitRule.For(limits)), useForCachedDocuments: true)
                .ConfigureExecution<DocumentCache>();
            if (!introspection)
            {
                graphql.AddValidationRule(NoIntrospectionValidationRule.Instance);
            }
        });
        services.AddSingleton<GraphQL.Execution.IDocumentBuilder>(new DocumentSizeLimit(limits));
        services.AddSingleton<GraphQL.Validation.IDocumentValidator>(
            new ValidationReuse(new GraphQL.Validation.DocumentValidator()));
        services.Configure<GraphQLHttpOptions>(configuration.GetSection("GraphQL"));
        services.AddInterAssociatifRateLimiting(limits, redis);
        services.AddInterAssociatifWebDefaults(configuration);
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<Kernel.GraphQL.IGraphQLRunner, GraphQLRunner>();
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<ServerSentEventsResponder>();
        services.AddSingleton<WebSocketCredentials>();
        services.AddSingleton<CredentialWatches>();
        services.AddSingleton<WebSocketTransport>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<CredentialRefusals>();
        services.AddSingleton<ICredentialRefusals>(p => p.GetRequiredService<CredentialRefusals>());
        services.AddSingleton<DatabaseStartup>();
        services.AddSingleton<IdePage>();

        var localTokens = new LocalTokens(dataDirectory, configuration["Authentication:Audience"] ?? "interassociatif");
        services.AddSingleton(localTokens);
        services.AddInterAssociatifAuthentication(configuration, localTokens);

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddInterAssociatifTelemetry(configuration);
    }

    /// <summary><c>sha256:</c> and the hex SHA-256 of the document's UTF-8 text (the trusted-documents form).</summary>
    public static string? DocumentHash(string? document) =>
        document is null
            ? null
            : "sha256:" + Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document)));

    public static void UseInterAssociatif(this WebApplication app)
    {
        app.UseClientFaults();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseInterAssociatifWebDefaults();
        app.UseInterAssociatifMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        IdePage.Map(app);
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.Map("/graphql", endpoint.HandleAsync);
        app.MapModuleEndpoints();

        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync };
        app.MapHealthChecks("/health/live", live);
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        };
        app.MapHealthChecks("/health/ready", ready);
    }
}
