namespace InterAssociatif.Architecture.Tests;

/// <summary>
/// Lines of C# are at most <c>max_line_length</c> characters (<c>.editorconfig</c>; <c>dotnet format</c>
/// does not enforce it). Generated migrations are left out. The lines written before the rule are
/// counted per file in <c>line-length-baseline.txt</c>: a file may not gain a long line, a file not
/// listed may have none, and a file that lost some must have its count lowered, so the list only shrinks.
/// </summary>
public sealed partial class LineLengthTests
{
    private static readonly string Baseline = RepositoryFiles.Path(
        "tests", "InterAssociatif.Architecture.Tests", "line-length-baseline.txt");

    [Fact]
    public void No_file_has_more_long_lines_than_its_baseline_and_the_baseline_only_shrinks()
    {
        var limit = MaxLineLength();
        var allowed = File.ReadLines(Baseline).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));
        var actual = SourceFiles()
            .ToDictionary(f => f, f => File.ReadLines(RepositoryFiles.Path(f)).Count(l => l.Length > limit));

        var grown = actual.Where(a => a.Value > allowed.GetValueOrDefault(a.Key))
            .Select(a => $"{a.Key}: {a.Value} lines over {limit} (allowed {allowed.GetValueOrDefault(a.Key)})");
        Assert.True(!grown.Any(), "Lines too long:\n" + string.Join('\n', grown));
        var shrunk = allowed.Where(a => a.Value > actual.GetValueOrDefault(a.Key))
            .Select(a => $"{actual.GetValueOrDefault(a.Key)} {a.Key}");
        Assert.True(
            !shrunk.Any(),
            "Fewer long lines than the baseline says: lower these counts (0: remove the line):\n"
            + string.Join('\n', shrunk));
    }

    [Fact]
    public void The_limit_is_the_one_the_editorconfig_declares_for_csharp()
    {
        Assert.Equal(120, MaxLineLength());
    }

    private static int MaxLineLength()
    {
        var match = MaxLineLengthSetting().Match(File.ReadAllText(RepositoryFiles.Path(".editorconfig")));
        Assert.True(match.Success, ".editorconfig declares no max_line_length for [*.cs]");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The C# files of modules/, host/ and tests/, relative to the repository, with '/' separators.</summary>
    internal static IEnumerable<string> SourceFiles() =>
        new[] { "modules", "host", "tests" }
            .SelectMany(d =>
                System.IO.Directory.EnumerateFiles(RepositoryFiles.Path(d), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Path(), f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "Migrations"))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\[\*\.cs\][^\[]*?max_line_length\s*=\s*(\d+)")]
    private static partial Regex MaxLineLengthSetting();
}
