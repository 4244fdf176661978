using InterAssociatif.Directory;
using InterAssociatif.Governance;
using InterAssociatif.Meetings;
using InterAssociatif.Surveys;

namespace InterAssociatif.Host.Composition;

/// <summary>
/// Every module the host knows, listed explicitly in one place (no assembly scanning). Each can be
/// switched off with <c>Modules:{Name}:Enabled = false</c>; all are enabled by default.
/// </summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new DirectoryModule(),
        new MeetingsModule(),
        new SurveysModule(),
        new GovernanceModule(),
    ];

    public static IReadOnlyList<IModule> Enabled(IConfiguration configuration)
    {
        var enabled = All.Where(m => configuration.GetValue($"Modules:{m.Name}:Enabled", defaultValue: true)).ToList();
        foreach (var module in enabled)
        {
            var missing = module.Requires.Where(name => enabled.All(m => m.Name != name)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Module {module.Name} requires {string.Join(", ", missing)}: enable it "
                    + $"(Modules:{missing[0]}:Enabled) or disable {module.Name}.");
            }
        }

        return enabled;
    }
}
