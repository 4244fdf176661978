using InterAssociatif.Meetings.Calendar;
using InterAssociatif.Meetings.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Meetings;

/// <summary>
/// The Meetings module: meetings, invitations and attendance, agenda, minutes, distribution list,
/// attachments, milestones and the iCalendar feed. It knows the Directory only through its contracts.
/// </summary>
public sealed class MeetingsModule : IModule
{
    public string Name => "Meetings";

    /// <summary>Attendance, organisers and authors are the Directory's organisations and people.</summary>
    public IReadOnlyList<string> Requires => ["Directory"];

    public void ConfigureServices(ModuleServices module)
    {
        module.AddModuleDbContext<MeetingsDbContext, MeetingsSqliteDbContext, MeetingsSqlServerDbContext>(
            Name, MeetingsDbContext.Schema);

        var services = module.Services;
        services.Configure<AttachmentOptions>(module.Configuration.GetSection("Meetings:Attachments"));
        services.AddSingleton<MeetingService>();
        services.AddSingleton<AttendanceService>();
        services.AddSingleton<AgendaService>();
        services.AddSingleton<MinutesService>();
        services.AddSingleton<MilestoneService>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<IEndpointContributor, CalendarEndpoints>();
        services.AddSingleton<IMeetingsReader, MeetingsReader>();

        services.AddGraphTypesFrom(typeof(MeetingsModule).Assembly);
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<MeetingsDbContext, Meeting>(MeetingsTypeNames.Meeting, db => db.Meetings));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<MeetingsDbContext, AgendaItem>(MeetingsTypeNames.AgendaItem, db => db.AgendaItems));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<MeetingsDbContext, AttendanceRecord>(
                MeetingsTypeNames.Attendance, db => db.Attendance));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<MeetingsDbContext, Attachment>(MeetingsTypeNames.Attachment, db => db.Attachments));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<MeetingsDbContext, Milestone>(MeetingsTypeNames.Milestone, db => db.Milestones));

        services.AddSingleton<IEndpointContributor, AttachmentEndpoints>();
        services.AddSingleton<IDemoDataSeeder, MeetingsDemoSeeder>();
    }
}
