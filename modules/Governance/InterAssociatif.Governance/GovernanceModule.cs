using InterAssociatif.Governance.DemoData;

namespace InterAssociatif.Governance;

/// <summary>
/// The Governance module: bodies and their sessions, seats and their fair rotation, thematic-group
/// participation, the decision register with follow-ups, requests escalated to institutions, and the
/// durable log of governance events partner tools subscribe to.
/// </summary>
public sealed class GovernanceModule : IModule
{
    public string Name => "Governance";

    /// <summary>Decisions come from meetings and are followed up by the Directory's organisations and people.</summary>
    public IReadOnlyList<string> Requires => ["Directory", "Meetings"];

    public void ConfigureServices(ModuleServices module)
    {
        module.AddModuleDbContext<GovernanceDbContext, GovernanceSqliteDbContext, GovernanceSqlServerDbContext>(
            Name, GovernanceDbContext.Schema);

        var services = module.Services;
        services.AddSingleton<BodyService>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<GovernanceFeedHub>();
        services.AddSingleton<RequestService>();
        services.AddSingleton<SeatService>();
        services.AddSingleton<RotationService>();
        services.AddRetainedLog<GovernanceDbContext, WebhookAttempt>(
            "WebhookAttempts", 90, db => db.WebhookAttempts, a => a.At);
        services.AddGraphTypesFrom(typeof(GovernanceModule).Assembly);
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<GovernanceDbContext, Body>(GovernanceTypeNames.Body, db => db.Bodies));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<GovernanceDbContext, Decision>(GovernanceTypeNames.Decision, db => db.Decisions));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<GovernanceDbContext, FollowUp>(GovernanceTypeNames.FollowUp, db => db.FollowUps));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<GovernanceDbContext, EscalatedRequest>(
                GovernanceTypeNames.EscalatedRequest, db => db.Requests));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<GovernanceDbContext, Seat>(GovernanceTypeNames.Seat, db => db.Seats));
        services.AddSingleton<IDemoDataSeeder, GovernanceDemoSeeder>();

        services.AddOptions<MinutesDocumentOptions>().BindConfiguration("Minutes");
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddSingleton<MinutesDocumentReader>();
        services.AddSingleton<MinutesMailService>();
        services.AddSingleton<IEndpointContributor, MinutesDocumentEndpoints>();
        services.AddGraphTypeReachedByName<MinutesDownloadsType>();
        services.AddGraphTypeReachedByName<MinutesMailingType>();
        services.AddGraphTypeReachedByName<MinutesMailingReportType>();
        services.AddGraphTypeReachedByName<RotationSessionType>();

        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddSingleton<IWebhookResolver, DnsWebhookResolver>();
        services.AddSingleton<IWebhookConnector, SocketWebhookConnector>();
        services.AddSingleton<WebhookAddresses>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookPayloads>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddGraphTypeReachedByName<IssuedWebhookSecretType>();
        services.AddSingleton<INodeSource>(new EntityNodeSource<GovernanceDbContext, WebhookEndpoint>(
            GovernanceTypeNames.WebhookEndpoint, db => db.WebhookEndpoints, WebhookService.CanManage));
    }
}

/// <summary>
/// The GraphQL names of the module's node types: ids encode them, other code refers to them by these constants.
/// </summary>
internal static class GovernanceTypeNames
{
    public const string Body = "Body";
    public const string Seat = "Seat";
    public const string EscalatedRequest = "EscalatedRequest";
    public const string Decision = "Decision";
    public const string FollowUp = "FollowUp";
    public const string WebhookEndpoint = "WebhookEndpoint";
}

/// <summary>Roles that read the decision register.</summary>
internal static class GovernanceRoles
{
    public static readonly string[] Readers = [Roles.Coordinator, Roles.Member, Roles.Analyst, Roles.Partner];
}
