using System.Reflection;
using InterAssociatif.Host.Composition;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
