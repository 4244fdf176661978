namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// Declares, on its input record, a mutation only coordinators may call (its description says so). It is named
/// after the record (<c>CreateThemeInput</c> → <c>createTheme</c>) unless <see cref="Name"/> says otherwise; its
/// payload holds the changed <see cref="ResultTypeName"/> in a field named after it in camel case (<c>Theme</c> →
/// <c>theme</c>) unless <see cref="ResultField"/> says otherwise. The module's one method taking the record, an
/// <see cref="ErrorList"/> and a <see cref="CancellationToken"/> handles it (<see cref="Handler"/> names it when
/// several do); the schema refuses to build when there is none or more than one. The rest is the mutation
/// convention's (<see cref="MutationConvention"/>): ids checked first, errors under <c>input</c>, the audit trail.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CoordinatorMutationAttribute(string resultTypeName, string description) : Attribute
{
    public string ResultTypeName { get; } = resultTypeName;

    public string Description { get; } = description;

    /// <summary>The mutation's name when the record is the input of more than one.</summary>
    public string? Name { get; init; }

    /// <summary>The name of the handling method when several take the record.</summary>
    public string? Handler { get; init; }

    /// <summary>The payload's field holding the result, when not the result type's name in camel case.</summary>
    public string? ResultField { get; init; }
}

/// <summary>
/// Adds to <c>Mutation</c> the mutations declared on an assembly's input records. Built by
/// <see cref="KernelServices.AddGraphTypesFrom"/> for each module (no public constructor: its scan leaves it out).
/// </summary>
public sealed class DeclaredMutations : MutationFields
{
    private readonly IReadOnlyList<Type> _types;
    private readonly IServiceProvider _services;

    private static readonly MethodInfo AddDeclaredMethod = typeof(DeclaredMutations).GetMethod(
        nameof(AddDeclared), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The mutations declared on <paramref name="types"/> (a module's), handled by their methods.</summary>
    internal DeclaredMutations(IReadOnlyList<Type> types, IServiceProvider services)
    {
        _types = types;
        _services = services;
    }

    /// <summary>Whether the types declare any mutation on their records.</summary>
    public static bool Any(IEnumerable<Type> types) =>
        types.Any(t => t.IsDefined(typeof(CoordinatorMutationAttribute), inherit: false));

    protected override void Add(ObjectGraphType root)
    {
        var candidates = _types
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(IsHandlerShape)
            .ToLookup(m => m.GetParameters()[0].ParameterType);
        foreach (var input in _types)
        {
            foreach (var declared in input.GetCustomAttributes<CoordinatorMutationAttribute>(inherit: false))
            {
                var name = declared.Name ?? NameOf(input);
                var handlers = candidates[input]
                    .Where(m => declared.Handler is null || m.Name == declared.Handler)
                    .ToList();
                if (handlers.Count != 1)
                {
                    throw new InvalidOperationException(
                        $"Mutation {name}: {handlers.Count} methods take {input.Name}, an ErrorList and a "
                        + "CancellationToken; there must be one (name it with Handler when several take the record).");
                }

                var handler = handlers[0];
                var result = handler.ReturnType.GetGenericArguments()[0].GetGenericArguments()[0];
                var service = _services.GetRequiredService(handler.DeclaringType!);
                AddDeclaredMethod.MakeGenericMethod(input, result)
                    .Invoke(null, [root, name, declared, handler, service]);
            }
        }
    }

    private static void AddDeclared<TInput, TResult>(
        ObjectGraphType root, string name, CoordinatorMutationAttribute declared, MethodInfo handler, object service)
        where TInput : class
        where TResult : class
    {
        var handle = handler
            .CreateDelegate<Func<TInput, ErrorList, CancellationToken, Task<MutationResult<TResult>>>>(service);
        var resultField = declared.ResultField
            ?? char.ToLowerInvariant(declared.ResultTypeName[0]) + declared.ResultTypeName[1..];
        var description = declared.Description + " Coordinators only.";
        root.AddMutation(name, description, resultField, declared.ResultTypeName, handle, Roles.Coordinator);
    }

    /// <summary><c>Task&lt;MutationResult&lt;T&gt;&gt; M(TInput, ErrorList, CancellationToken)</c>.</summary>
    private static bool IsHandlerShape(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 3
            && parameters[1].ParameterType == typeof(ErrorList)
            && parameters[2].ParameterType == typeof(CancellationToken)
            && method.ReturnType is { IsGenericType: true } task
            && task.GetGenericTypeDefinition() == typeof(Task<>)
            && task.GetGenericArguments()[0] is { IsGenericType: true } result
            && result.GetGenericTypeDefinition() == typeof(MutationResult<>);
    }

    private static string NameOf(Type input)
    {
        const string suffix = "Input";
        if (!input.Name.EndsWith(suffix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{input.Name} declares a mutation but is not named …{suffix}.");
        }

        return char.ToLowerInvariant(input.Name[0]) + input.Name[1..^suffix.Length];
    }
}
