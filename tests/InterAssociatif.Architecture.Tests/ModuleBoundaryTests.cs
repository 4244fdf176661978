using System.Runtime.CompilerServices;
using InterAssociatif.Kernel.Modules;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterAssociatif.Architecture.Tests;

/// <summary>The module boundaries of ARCHITECTURE.md, held by reflection over the built assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    private const string Prefix = "InterAssociatif.";
    private const string Kernel = "InterAssociatif.Kernel";

    public static TheoryData<string> Modules() =>
        new(ModuleCatalog.All.Select(m => m.GetType().Assembly.GetName().Name!));

    public static TheoryData<string> Contracts() =>
        new(
            System.IO.Directory.GetFiles(AppContext.BaseDirectory, "InterAssociatif.*.Contracts.dll").Select(
                Path.GetFileNameWithoutExtension)!);

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static IEnumerable<string> ProjectReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal));

    [Fact]
    public void Every_module_has_one_entry_point_listed_by_the_host() =>
        Assert.All(ModuleCatalog.All.GroupBy(m => m.GetType().Assembly), group => Assert.Single(group));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_only_the_kernel_and_other_modules_contracts(string module)
    {
        var forbidden = ProjectReferences(Load(module))
            .Where(r => r != Kernel && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        Assert.True(
            forbidden.Count == 0,
            $"{module} references {string.Join(", ", forbidden)}: only {Kernel} and *.Contracts are allowed.");
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void A_contracts_project_references_no_module_implementation(string contracts)
    {
        var forbidden = ProjectReferences(Load(contracts))
            .Where(r => r != Kernel && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(forbidden);
    }

    [Fact]
    public void The_kernel_knows_no_module() =>
        Assert.Empty(ProjectReferences(Load(Kernel)));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_only_public_type_is_its_entry_point(string module)
    {
        var exposed = Load(module).GetExportedTypes()
            .Where(t => !IsGeneratedMigration(t))
            .Where(t => !typeof(IModule).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(
            exposed.Count == 0,
            $"{module} exposes {string.Join(", ", exposed)}: module types are internal unless they are the entry point "
            + $"(contracts live in *.Contracts).");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_concrete_classes_are_sealed(string module)
    {
        var open = Load(module).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsSealed: false, IsNested: false })
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !IsGeneratedMigration(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, $"Unsealed classes in {module}: {string.Join(", ", open)}");
    }

    /// <summary>
    /// EF Core's scaffolder emits migrations and snapshots as public classes; they are generated code, not API.
    /// </summary>
    private static bool IsGeneratedMigration(Type type) =>
        typeof(Migration).IsAssignableFrom(type) || typeof(ModelSnapshot).IsAssignableFrom(type);
}
