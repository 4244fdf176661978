using GraphQL.Types;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;

namespace InterAssociatif.Architecture.Tests;

/// <summary>
/// The one module layout of the README ("Architecture"), held over the source files: the root holds
/// the entry point, <c>Persistence/</c> and <c>DemoData/</c>; every other folder is one aggregate
/// whose files are named by what they hold, the same way in every module.
/// </summary>
public sealed partial class ModuleLayoutTests
{
    private static readonly string[] Special = ["Persistence", "DemoData"];

    /// <summary>What a file of an aggregate folder may hold, by the end of its name.</summary>
    private static readonly (Regex Declares, string Suffix)[] Homes =
    [
        (GraphQLDeclaration(), "GraphQL.cs"),
        (new Regex(@"\brecord \w+Input\b"), "Commands.cs"),
        (new Regex(@"\bclass \w+Service\b"), "Service.cs"),
        (new Regex(@"\bclass \w+Rules\b"), "Rules.cs"),
        (new Regex(@"\bIEndpointContributor\b"), "Endpoints.cs"),
    ];

    public static TheoryData<string> Modules() => new(ModuleCatalog.All.Select(m => m.Name));

    private static string Root(string module) => RepositoryFiles.Path("modules", module, $"InterAssociatif.{module}");

    private static IEnumerable<string> Aggregates(string module) =>
        System.IO.Directory.GetDirectories(Root(module)).Select(Path.GetFileName).Where(d =>
            d is not ("bin" or "obj") && !Special.Contains(d))!;

    private static IEnumerable<string> SourceFiles(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(
                    $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(
                    $"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Modules))]
    public void The_module_root_holds_only_the_entry_point(string module)
    {
        var files = System.IO.Directory.GetFiles(Root(module), "*.cs").Select(Path.GetFileName);
        Assert.Equal([$"{module}Module.cs"], files);
        Assert.All(
            Special,
            folder =>
                Assert.True(
                    System.IO.Directory.Exists(Path.Combine(Root(module), folder)), $"{module} has no {folder}/"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void An_aggregate_is_one_flat_folder(string module) =>
        Assert.All(Aggregates(module), aggregate =>
        {
            var path = Path.Combine(Root(module), aggregate);
            Assert.Empty(System.IO.Directory.GetDirectories(path));
            Assert.NotEmpty(System.IO.Directory.GetFiles(path, "*.cs"));
        });

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_kind_of_code_sits_in_the_file_named_for_it(string module)
    {
        var misplaced =
            from aggregate in Aggregates(module)
            from file in SourceFiles(Path.Combine(Root(module), aggregate))
            let text = File.ReadAllText(file)
            from home in Homes
            where home.Declares.IsMatch(text) && !file.EndsWith(home.Suffix, StringComparison.Ordinal)
            select $"{aggregate}/{Path.GetFileName(file)} declares what belongs in a *{home.Suffix} file ({home.Declares.Match(text).Value})";
        Assert.Empty(misplaced);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void No_file_uses_a_retired_suffix(string module)
    {
        string[] retired = ["GraphTypes.cs", "Type.cs", "Types.cs", "Queries.cs", "Mutations.cs", "Subscriptions.cs", "Loaders.cs"];
        var files = SourceFiles(Root(module))
            .Select(Path.GetFileName)
            .Where(f => retired.Any(s => f!.EndsWith(s, StringComparison.Ordinal)));
        Assert.Empty(files);
    }

    /// <summary>
    /// No mutation input is read by a field name in a string: inputs are records (see <c>InputType&lt;T&gt;</c>).
    /// </summary>
    [Fact]
    public void No_input_field_is_read_by_its_name()
    {
        var reads = StringRead();
        var found =
            from file in SourceFiles(RepositoryFiles.Path("modules")).Concat(SourceFiles(RepositoryFiles.Path("host")))
            from line in File.ReadLines(file).Select((text, index) => (text, index))
            where reads.IsMatch(line.text)
            select $"{Path.GetRelativePath(RepositoryFiles.Path(), file)}:{line.index + 1}: {line.text.Trim()}";
        Assert.Empty(found);
    }

    /// <summary>
    /// One way to declare an object type: every object graph type of the modules and the host states its name and
    /// description in its base call (<c>ObjectType&lt;T&gt;</c>, or <c>NodeType&lt;T&gt;</c> for a Relay node).
    /// </summary>
    [Fact]
    public void Every_object_type_is_declared_through_the_kernel_base()
    {
        var assemblies = ModuleCatalog.All.Select(m => m.GetType().Assembly).Append(typeof(HostComposition).Assembly);
        var others =
            from type in assemblies.SelectMany(a => a.GetTypes())
            where type is { IsClass: true, IsAbstract: false } && typeof(IObjectGraphType).IsAssignableFrom(type)
            where !Derives(type, typeof(ObjectType<>))
            select type.FullName;
        Assert.Empty(others);
        Assert.False(Derives(typeof(ConnectionGraphType<NodeInterfaceType>), typeof(ObjectType<>)));
    }

    private static bool Derives(Type type, Type generic) =>
        type.BaseType is { } parent
        && ((parent.IsGenericType && parent.GetGenericTypeDefinition() == generic) || Derives(parent, generic));

    [Fact]
    public void The_layout_checks_see_what_they_guard()
    {
        Assert.Matches(StringRead(), """var title = input.Get<string>("title");""");
        Assert.Matches(StringRead(), """var ids = input.Ids("themeIds", "Theme");""");
        Assert.Matches(StringRead(), "internal sealed class ThemeInputType : InputObjectGraphType");
        Assert.Matches(GraphQLDeclaration(), "internal sealed class ThemeType : ObjectGraphType<Theme>");
        Assert.Matches(GraphQLDeclaration(), "internal sealed class ThemeType : NodeType<Theme>");
        Assert.Matches(GraphQLDeclaration(), "internal sealed class ResultsType : ObjectType<SurveyResults>");
        Assert.Matches(GraphQLDeclaration(), "class X() : ChildListField<GovernanceDbContext, Decision>(");
        Assert.Matches(GraphQLDeclaration(), "internal sealed class ThemeQueries(ThemeService service) : QueryFields");
        Assert.Matches(
            GraphQLDeclaration(), "internal sealed class ThemeQueries(ThemeService service) : IGraphTypeExtension");
        Assert.DoesNotMatch(
            GraphQLDeclaration(), "internal sealed class ThemeService(IDbContextFactory<DirectoryDbContext> factory)");
    }

    [GeneratedRegex(
        @"input\.Get<|\.Ids?\(""|\.List<|\.Has\(""|\bInputReader\b|:\s*InputObjectGraphType\b|:\s*EnumerationGraphType\b")]
    private static partial Regex StringRead();

    [GeneratedRegex(
        @":\s*(ObjectGraphType|ObjectType|NodeType|InterfaceGraphType|IGraphTypeExtension|UnionGraphType"
            + @"|ChildListField|QueryFields|MutationFields|SubscriptionFields)\b|\bIDataLoaderResult<")]
    private static partial Regex GraphQLDeclaration();
}
