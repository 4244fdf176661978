namespace InterAssociatif.Architecture.Tests;

/// <summary>
/// A namespace that two files of a project import is imported once, by a <c>&lt;Using&gt;</c> item of the project
/// file (or of <c>modules/Directory.Build.props</c> for what every module uses): files keep only the imports that
/// are theirs alone, aliases and <c>using static</c> (README, Code style). Generated migrations are not judged.
/// </summary>
public sealed partial class UsingTests
{
    [Fact]
    public void No_namespace_is_imported_by_two_files_of_one_project()
    {
        var repeated = LineLengthTests.SourceFiles()
            .SelectMany(file => Imports(File.ReadLines(RepositoryFiles.Path(file))).Select(ns => (file, ns)))
            .GroupBy(import => (Project: ProjectOf(import.file), import.ns))
            .Where(g => g.Count() >= 2)
            .Select(g => $"{g.Key.Project}: {g.Key.ns} ({string.Join(", ", g.Select(i => i.file))})")
            .ToList();
        Assert.True(repeated.Count == 0, "Import these in the project file:\n" + string.Join('\n', repeated));
    }

    [Fact]
    public void Plain_imports_are_found_and_aliases_and_static_imports_are_left()
    {
        string[] lines = ["using System.Text;", "using static System.Math;", "using Body = A.B.Body;", "namespace X;"];
        Assert.Equal(["System.Text"], Imports(lines));
        Assert.Equal(
            "modules/Meetings/InterAssociatif.Meetings", ProjectOf("modules/Meetings/InterAssociatif.Meetings/A/B.cs"));
        Assert.Equal("tests/InterAssociatif.Host.Tests", ProjectOf("tests/InterAssociatif.Host.Tests/Http/X.cs"));
    }

    /// <summary>The namespaces a file imports with a plain <c>using</c> directive.</summary>
    internal static IEnumerable<string> Imports(IEnumerable<string> lines) =>
        lines.Select(line => PlainImport().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    /// <summary>The project folder of a file: its nearest folder named <c>InterAssociatif.*</c>.</summary>
    private static string ProjectOf(string file)
    {
        var parts = file.Split('/');
        var project = Array.FindLastIndex(parts, part => part.StartsWith("InterAssociatif.", StringComparison.Ordinal));
        return string.Join('/', parts[..(project + 1)]);
    }

    [GeneratedRegex(@"^using ([A-Za-z_][A-Za-z0-9_.]*);\s*$")]
    private static partial Regex PlainImport();
}
