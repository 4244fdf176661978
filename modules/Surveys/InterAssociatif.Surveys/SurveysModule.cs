using InterAssociatif.Surveys.DemoData;
using InterAssociatif.Surveys.Exports;

namespace InterAssociatif.Surveys;

/// <summary>
/// The Surveys module: questionnaires, one response per organisation, aggregates computed in SQL
/// as of an instant, CSV exports. It knows the Directory only through its contracts.
/// </summary>
public sealed class SurveysModule : IModule
{
    public string Name => "Surveys";

    /// <summary>Audiences and respondents are the Directory's organisations.</summary>
    public IReadOnlyList<string> Requires => ["Directory"];

    public void ConfigureServices(ModuleServices module)
    {
        module.AddModuleDbContext<SurveysDbContext, SurveysSqliteDbContext, SurveysSqlServerDbContext>(
            Name, SurveysDbContext.Schema);

        var services = module.Services;
        services.Configure<SurveyResultsOptions>(module.Configuration.GetSection("Surveys"));
        services.AddSingleton<SurveyService>();
        services.AddSingleton<ResponseService>();
        services.AddSingleton<ResultsService>();

        services.AddGraphTypesFrom(typeof(SurveysModule).Assembly);
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<SurveysDbContext, Survey>(
                SurveysTypeNames.Survey, db => db.Surveys, SurveyAccess.CanSee));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<SurveysDbContext, Question>(
                SurveysTypeNames.Question, db => db.Questions.Include(q => q.Options)));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<SurveysDbContext, QuestionOption>(SurveysTypeNames.QuestionOption, db => db.Options));
        services.AddSingleton<INodeSource>(
            new EntityNodeSource<SurveysDbContext, Response>(SurveysTypeNames.SurveyResponse, db => db.Responses,
            (response, user) => user.IsCoordinator() || user.OrganizationId() == response.OrganizationId));

        services.AddSingleton<IEndpointContributor, ExportEndpoints>();
        services.AddSingleton<IDemoDataSeeder, SurveysDemoSeeder>();
    }
}

/// <summary>
/// The GraphQL names of the module's node types: ids encode them, other code refers to them by these constants.
/// </summary>
internal static class SurveysTypeNames
{
    public const string Survey = "Survey";
    public const string Question = "Question";
    public const string QuestionOption = "QuestionOption";
    public const string SurveyResponse = "SurveyResponse";
}
