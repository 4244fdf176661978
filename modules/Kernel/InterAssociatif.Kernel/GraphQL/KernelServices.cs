using System.Text.Encodings.Web;
using GraphQL.DI;
using InterAssociatif.Kernel.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterAssociatif.Kernel.GraphQL;

public static class KernelServices
{
    /// <summary>
    /// Registers the one schema and the building blocks every module uses. The host calls it once,
    /// after the modules have registered their contributions; the schema test builds the schema
    /// through the same call.
    /// </summary>
    public static IServiceCollection AddInterAssociatifGraphQL(
        this IServiceCollection services, Action<IGraphQLBuilder>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventBus, InMemoryEventBus>();
        services.AddScoped<DataLoaderContext>();
        services.TryAddSingleton<ReadConnectionPool>(_ => new ReadConnectionPool());
        services.AddSingleton<GraphTypeExtensions>();
        services.AddSingleton<NodeRegistry>();
        services.AddGraphTypesFrom(typeof(KernelServices).Assembly);
        services.TryAddTransient(typeof(ConnectionGraphType<>));
        services.TryAddTransient(typeof(EdgeGraphType<>));
        services.TryAddTransient(typeof(InputType<>));
        services.TryAddTransient(typeof(EnumerationGraphType<>));
        services.TryAddTransient<PageInfoType>();

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<InterAssociatifSchema>()
                .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
                .AddValidationRule<AuthorizationValidationRule>(useForCachedDocuments: true)
                .AddExecutionStrategy<OneConnectionExecutionStrategy>(OperationType.Query)
                .AddExecutionStrategy<OneConnectionExecutionStrategy>(OperationType.Mutation)
                .AddExecutionStrategy<SharedEventExecutionStrategy>(OperationType.Subscription)
                .ConfigureExecution((options, next) => DeniedMutationAudit.ExecuteAsync(options, o => next(o)));
            configure?.Invoke(builder);
        });
        services.AddSingleton<global::GraphQL.Execution.IExecutionStrategySelector, ValidateOnlyStrategySelector>();
        return services;
    }

    /// <summary>
    /// Registers every concrete graph type of an assembly (GraphQL.NET builds each once for the schema),
    /// every <see cref="IGraphTypeExtension"/> and the mutations declared on its input records, so a
    /// feature's fields need no line in its module.
    /// </summary>
    public static IServiceCollection AddGraphTypesFrom(this IServiceCollection services, Assembly assembly)
    {
        var types = assembly.GetTypes();
        var concrete = types.Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false, IsClass: true });
        foreach (var type in concrete)
        {
            if (typeof(IGraphType).IsAssignableFrom(type))
            {
                services.TryAddTransient(type);
            }
            else if (typeof(IGraphTypeExtension).IsAssignableFrom(type) && type.GetConstructors().Length > 0)
            {
                services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IGraphTypeExtension), type));
            }
        }

        if (DeclaredMutations.Any(types))
        {
            services.AddSingleton<IGraphTypeExtension>(provider => new DeclaredMutations(types, provider));
        }

        return services;
    }

    /// <summary>
    /// Adds to the schema a graph type it reaches only by name — the result type of a mutation payload that no
    /// query returns (a secret shown once).
    /// </summary>
    public static IServiceCollection AddGraphTypeReachedByName<TGraphType>(this IServiceCollection services)
        where TGraphType : IGraphType =>
        services.AddSingleton<IConfigureSchema>(new RegisterType(typeof(TGraphType)));

    private sealed class RegisterType(Type type) : IConfigureSchema
    {
        public void Configure(ISchema schema, IServiceProvider serviceProvider) => schema.RegisterType(type);
    }
}
