namespace InterAssociatif.Host.Tests.Generated;

/// <summary>
/// Every loader of children of every module runs compiled: its query captures nothing but the keys. One that
/// captures anything else still answers, translated again at every batch — on 4 December a shape that read its
/// own query inside (<c>q.Where(r => !q.Any(…))</c>) cost the meeting page ≈8 % of its CPU that way, unseen.
/// Generated: the static loader fields of the module assemblies and the loaders of the registered list fields.
/// </summary>
public sealed class ChildLoadersCompiledTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    [Fact]
    public void Every_child_loader_runs_compiled()
    {
        var loaders = StaticLoaders().Concat(ListFieldLoaders()).ToList();
        Assert.True(loaders.Count >= 25, $"only {loaders.Count} loaders found: the scan misses some");

        using var scope = factory.Services.CreateScope();
        var translated = loaders.Where(loader => !IsCompiled(loader, scope.ServiceProvider)).Select(Name).ToList();

        Assert.Empty(translated);
    }

    /// <summary>
    /// On SQL Server too (no server here), every loader of children is one statement that ScriptDom parses: what
    /// EF Core writes for it with the SQL Server provider, for a batch of two keys.
    /// </summary>
    [Fact]
    public void Every_child_loader_is_one_valid_statement_on_sql_server()
    {
        var contexts = factory.Services.GetServices<IModuleDatabase>()
            .Select(d => d.CreateSqlServerDesignContext())
            .ToList();
        IReadOnlyList<Guid> keys = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        var failures = new List<string>();
        foreach (var loader in StaticLoaders().Concat(ListFieldLoaders()))
        {
            var db = contexts.Single(c => loader.GetType().GetGenericArguments()[0].IsInstanceOfType(c));
            var children = loader.GetType().GetMethod("Children", BindingFlags.Instance | BindingFlags.NonPublic)!;
            var sql = ((IQueryable)children.Invoke(loader, [db, keys])!).ToQueryString();
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            var script = (TSqlScript)parser.Parse(new StringReader(sql), out var errors);
            var statements = script.Batches.SelectMany(b => b.Statements).OfType<SelectStatement>().Count();
            if (errors.Count > 0 || statements != 1)
            {
                var messages = string.Join("; ", errors.Select(e => e.Message));
                failures.Add($"{Name(loader)} ({statements} statements, {messages}):\n{sql}");
            }
        }

        contexts.ForEach(c => c.Dispose());
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static IEnumerable<object> StaticLoaders() =>
        ModuleCatalog.All
            .SelectMany(module => module.GetType().Assembly.GetTypes())
            .SelectMany(type => type.GetFields(Static))
            .Where(field => IsChildLoader(field.FieldType))
            .Select(field => field.GetValue(null)!);

    private IEnumerable<object> ListFieldLoaders() =>
        factory.Services.GetServices<IGraphTypeExtension>()
            .Select(extension => (extension, field: ListFieldBase(extension.GetType())))
            .Where(x => x.field is not null)
            .Select(x => x.field!.GetProperty("Loader", BindingFlags.Instance | BindingFlags.NonPublic)!
                .GetValue(x.extension)!);

    private static Type? ListFieldBase(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ChildListField<,>))
            {
                return type;
            }
        }

        return null;
    }

    private static bool IsChildLoader(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ChildLoader<,>);

    private static string Name(object loader) =>
        (string)loader.GetType().GetProperty("Name", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(loader)!;

    private static bool IsCompiled(object loader, IServiceProvider services)
    {
        var contexts = typeof(IDbContextFactory<>).MakeGenericType(loader.GetType().GetGenericArguments()[0]);
        var factory = services.GetRequiredService(contexts);
        using var db = (DbContext)contexts.GetMethod("CreateDbContext")!.Invoke(factory, null)!;
        var isCompiled = loader.GetType().GetMethod("IsCompiled", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return (bool)isCompiled.Invoke(loader, [db])!;
    }
}
