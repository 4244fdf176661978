using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace InterAssociatif.Host.Tests.Deploy;

/// <summary>
/// <c>deploy/compose.yaml</c> cannot run here (no Docker), so what can rot in it is checked: every key it
/// sets for the host is a key of the README's configuration table, and the shape is the one
/// <c>docs/deploy.md</c> describes (SQL Server 2022, Redis 7, two host instances, a proxy passing WebSockets
/// and SSE).
/// </summary>
public sealed partial class DeployShapeTests
{
    private const string HostImage = "interassociatif-host";

    [Fact]
    public void Every_key_the_compose_file_sets_for_the_host_is_in_the_READMEs_configuration_table()
    {
        var documented = ConfigurationTable();
        var hosts = Services().Where(s => Image(s.Value) == HostImage).ToList();
        Assert.NotEmpty(hosts);
        var undocumented = hosts
            .SelectMany(s =>
                Environment(s.Value)
                    .Select(key => (Service: s.Key, Key: key.Replace("__", ":", StringComparison.Ordinal)))
            )
            .Where(e => !documented.Any(pattern => pattern.IsMatch(e.Key)))
            .Select(e => $"{e.Service}: {e.Key}")
            .ToList();
        Assert.True(
            undocumented.Count == 0,
            "Keys set in deploy/compose.yaml but not in the README's configuration table:\n"
                + string.Join('\n', undocumented)
        );
    }

    [Fact]
    public void The_compose_file_runs_SQL_Server_2022_Redis_7_two_instances_on_Redis_and_a_proxy()
    {
        var services = Services();
        Assert.Contains(
            services.Values,
            s => Image(s)?.StartsWith("mcr.microsoft.com/mssql/server:2022", StringComparison.Ordinal) == true
        );
        Assert.Contains(services.Values, s => Image(s)?.StartsWith("redis:7", StringComparison.Ordinal) == true);
        var instances = services.Where(s => Image(s.Value) == HostImage && !s.Value.ContainsKey("command")).ToList();
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Contains("ConnectionStrings__Redis", Environment(i.Value)));
        Assert.All(instances, i => Assert.Contains("Database__Provider", Environment(i.Value)));

        var proxy = File.ReadAllText(RepositoryFiles.Path("deploy", "nginx.conf"));
        foreach (var instance in instances)
        {
            Assert.Contains($"server {instance.Key}:8080", proxy);
        }

        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", proxy);
        Assert.Contains("proxy_buffering off;", proxy);
    }

    private static Dictionary<string, Dictionary<object, object>> Services()
    {
        using var reader = File.OpenText(RepositoryFiles.Path("deploy", "compose.yaml"));
        var compose = new DeserializerBuilder()
            .Build()
            .Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)compose["services"]).ToDictionary(
            s => (string)s.Key, s => (Dictionary<object, object>)s.Value);
    }

    private static string? Image(Dictionary<object, object> service) => service.GetValueOrDefault("image") as string;

    private static IEnumerable<string> Environment(Dictionary<object, object> service) =>
        service.GetValueOrDefault("environment") is Dictionary<object, object> environment
            ? environment.Keys.Cast<string>()
            : [];

    /// <summary>
    /// The keys of the README's configuration table as patterns: <c>Modules:&lt;Name&gt;:Enabled</c> stands
    /// for any name, <c>`A:B:C` / `D`</c> documents <c>A:B:C</c> and <c>A:B:D</c>, and a list key also
    /// covers its items (<c>Cors:AllowedOrigins:0</c>).
    /// </summary>
    private static List<Regex> ConfigurationTable()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var patterns = new List<Regex>();
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var names = FirstCellKeys().Matches(row.Split('|')[1]).Select(m => m.Groups[1].Value).ToList();
            var prefix = names[0].Contains(':', StringComparison.Ordinal)
                ? names[0][..(names[0].LastIndexOf(':') + 1)]
                : "";
            foreach (
                var name in names.Select((n, i) => i == 0 || n.Contains(':', StringComparison.Ordinal) ? n : prefix + n)
            )
            {
                var pattern = string.Join(
                    "[^:]+", name.Split(["<Name>"], StringSplitOptions.None).Select(Regex.Escape));
                patterns.Add(new Regex($"^{pattern}(:\\d+)?$", RegexOptions.IgnoreCase));
            }
        }

        Assert.NotEmpty(patterns);
        return patterns;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex FirstCellKeys();
}
