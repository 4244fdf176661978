using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Decisions;
using InterAssociatif.Governance.DemoData;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Governance.Requests;
using InterAssociatif.Governance.Seats;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Modules;
using InterAssociatif.Kernel.Persistence;
using InterAssociatif.Kernel.Relay;
using Microsoft.Extensions.DependencyInjection;

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
        module.AddModuleDbContext<GovernanceDbContext>(
            Name,
            GovernanceDbContext.Schema,
            options => new GovernanceSqliteDbContext(options),
            options => new GovernanceSqlServerDbContext(options));

        var services = module.Services;
        services.AddSingleton<BodyService>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<RequestService>();
        services.AddSingleton<SeatService>();
        services.AddSingleton<RotationService>();
        services.AddGraphTypesFrom(typeof(GovernanceModule).Assembly);
        services.AddSingleton<IGraphTypeExtension, GovernanceQueries>();
        services.AddSingleton<IGraphTypeExtension, GovernanceMutations>();
        services.AddSingleton<IGraphTypeExtension, MeetingGovernanceFields>();
        services.AddSingleton<IGraphTypeExtension, OrganizationGovernanceFields>();
        services.AddSingleton<IGraphTypeExtension, GovernanceSubscriptions>();
        services.AddSingleton<IGraphTypeExtension, RequestQueries>();
        services.AddSingleton<IGraphTypeExtension, RequestMutations>();
        services.AddSingleton<IGraphTypeExtension, SeatMutations>();
        services.AddSingleton<IGraphTypeExtension, BodyRotationFields>();
        services.AddSingleton<IGraphTypeExtension, MeetingSeatFields>();
        services.AddSingleton<INodeSource>(new EntityNodeSource<GovernanceDbContext, Body>(GovernanceTypeNames.Body, db => db.Bodies));
        services.AddSingleton<INodeSource>(new EntityNodeSource<GovernanceDbContext, Decision>(GovernanceTypeNames.Decision, db => db.Decisions));
        services.AddSingleton<INodeSource>(new EntityNodeSource<GovernanceDbContext, FollowUp>(GovernanceTypeNames.FollowUp, db => db.FollowUps));
        services.AddSingleton<INodeSource>(new EntityNodeSource<GovernanceDbContext, EscalatedRequest>(GovernanceTypeNames.EscalatedRequest, db => db.Requests));
        services.AddSingleton<INodeSource>(new EntityNodeSource<GovernanceDbContext, Seat>(GovernanceTypeNames.Seat, db => db.Seats));
        services.AddSingleton<IDemoDataSeeder, GovernanceDemoSeeder>();
    }
}
