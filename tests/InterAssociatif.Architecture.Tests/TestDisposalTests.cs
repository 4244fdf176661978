using System.Runtime.InteropServices;

namespace InterAssociatif.Architecture.Tests;

/// <summary>
/// xunit 2 disposes a test class or a fixture through <see cref="IDisposable"/> or <see cref="IAsyncLifetime"/>
/// only: one that is only <see cref="IAsyncDisposable"/> is never disposed. Two such classes left their host
/// processes running (and writing) for the rest of the run, and their data folders behind. Read from every
/// built test assembly, so a new test class is checked by itself.
/// </summary>
public sealed class TestDisposalTests
{
    [Fact]
    public void Every_test_class_and_fixture_that_holds_something_to_dispose_is_disposed_by_xunit()
    {
        var here = RepositoryFiles.Path("tests", "InterAssociatif.Architecture.Tests");
        var output = Path.GetRelativePath(here, AppContext.BaseDirectory); // bin/<configuration>/<framework>
        var assemblies = System
            .IO.Directory.EnumerateDirectories(RepositoryFiles.Path("tests"), "*.Tests")
            .Select(project => Path.Combine(project, output, Path.GetFileName(project) + ".dll"))
            .ToList();
        Assert.True(assemblies.Count >= 6, string.Join(", ", assemblies));

        var offenders = new List<string>();
        foreach (var path in assemblies)
        {
            Assert.True(File.Exists(path), $"{path} is not built");
            using var context = new MetadataLoadContext(Resolver(Path.GetDirectoryName(path)!));
            var types = context.LoadFromAssemblyPath(path).GetTypes();
            var tests = types.Where(IsTestClass).ToList();
            Assert.NotEmpty(tests);
            var fixtures = types
                .SelectMany(t => t.GetInterfaces())
                .Where(i => i.IsGenericType && i.Name is "IClassFixture`1" or "ICollectionFixture`1")
                .Select(i => i.GetGenericArguments()[0]);
            offenders.AddRange(
                tests
                    .Concat(fixtures)
                    .Distinct()
                    .Where(t => Implements(t, "System.IAsyncDisposable"))
                    .Where(t => !Implements(t, "Xunit.IAsyncLifetime") && !Implements(t, "System.IDisposable"))
                    .Select(t => $"{t.FullName} is IAsyncDisposable only: implement IAsyncLifetime")
            );
        }

        Assert.Empty(offenders);
    }

    private static bool IsTestClass(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(m => m.CustomAttributes.Any(a => IsFact(a.AttributeType)));

    private static bool IsFact(Type? attribute) =>
        attribute is not null && (attribute.FullName == "Xunit.FactAttribute" || IsFact(attribute.BaseType));

    private static bool Implements(Type type, string name) => type.GetInterfaces().Any(i => i.FullName == name);

    /// <summary>The runtime's and ASP.NET Core's assemblies, then the test project's own output.</summary>
    private static PathAssemblyResolver Resolver(string bin)
    {
        var frameworks = new[]
        {
            RuntimeEnvironment.GetRuntimeDirectory(),
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!,
        };
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in frameworks.Append(bin).SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.dll")))
        {
            byName.TryAdd(Path.GetFileName(file), file);
        }

        return new PathAssemblyResolver(byName.Values);
    }
}
