namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// The mutation convention: one argument <c>input</c>, and a payload <c>{Name}Payload</c> holding the
/// changed record (null when nothing was written) and <c>errors: [UserError!]!</c>.
/// </summary>
public static class MutationConvention
{
    /// <summary>A mutation handled by a service method taking the input record as its command.</summary>
    public static FieldType AddMutation<TInput, TResult>(
        this IComplexGraphType mutation,
        string name,
        string description,
        string resultField,
        string resultTypeName,
        Func<TInput, ErrorList, CancellationToken, Task<MutationResult<TResult>>> handle,
        params string[] roles)
        where TInput : class
        where TResult : class =>
        mutation.AddMutation<TInput, TResult>(
            name,
            description,
            resultField,
            resultTypeName,
            (input, ctx) => handle(input, new ErrorList(), ctx.CancellationToken),
            roles);

    public static FieldType AddMutation<TInput, TResult>(
        this IComplexGraphType mutation,
        string name,
        string description,
        string resultField,
        string resultTypeName,
        Func<TInput, IResolveFieldContext, Task<MutationResult<TResult>>> handle,
        params string[] roles)
        where TInput : class
        where TResult : class
    {
        var payload = new ObjectGraphType<MutationResult<TResult>>
        {
            Name = $"{char.ToUpperInvariant(name[0])}{name[1..]}Payload",
            Description = $"The outcome of `{name}`: `{resultField}` when it succeeded, otherwise the `errors` and "
                + $"nothing written.",
        };
        payload.Field(resultField, new GraphQLTypeReference(resultTypeName))
            .Description(
                typeof(IHasId).IsAssignableFrom(typeof(TResult))
                    ? $"The {resultTypeName} as it is after the change; null when there are errors."
                    : $"What the change produced ({resultTypeName}); null when there are errors.")
            .Resolve(ctx => ctx.Source.Value);
        payload.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterfaceType>>>>("errors")
            .Description("Why nothing was written; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);

        var field = new FieldType
        {
            Name = name,
            Description = description,
            Type = null,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(
                new QueryArgument<NonNullGraphType<InputType<TInput>>>
                {
                    Name = "input",
                    Description = "What to change."
                }),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(async ctx =>
            {
                // Every declared id of the input is decoded and checked to exist before the handler runs.
                var referenceErrors = await InputReferences.CheckAsync(ctx).ConfigureAwait(false);
                var result = referenceErrors.Count > 0
                    ? MutationResult<TResult>.Fail(referenceErrors)
                    : InInput(await handle(InputRecord.Argument<TInput>(ctx, "input")!, ctx).ConfigureAwait(false));
                if (ctx.RequestServices?.GetService(typeof(IAuditTrail)) is IAuditTrail audit)
                {
                    var objects = new List<string>();
                    if (result.Value is IHasId changed)
                    {
                        objects.Add(Relay.GlobalId.Encode(resultTypeName, changed.Id));
                    }

                    objects.AddRange(InputIds(ctx.GetArgument<Dictionary<string, object?>>("input")));
                    var outcome = result.Errors.Count == 0 ? AuditOutcome.Accepted : AuditOutcome.Refused;
                    var record = new AuditRecord(name, ctx.User, objects.Distinct().ToList(), outcome);
                    await audit.RecordAsync(record, ctx.CancellationToken).ConfigureAwait(false);
                }

                return result;
            }),
        };
        if (roles.Length > 0)
        {
            field.AuthorizeWithRoles(roles);
        }

        return mutation.AddField(field);
    }

    /// <summary>
    /// The domain names the command member an error concerns (<c>title</c>, <c>answers[2].value</c>);
    /// over GraphQL the command is the <c>input</c> argument.
    /// </summary>
    private static MutationResult<T> InInput<T>(MutationResult<T> result)
        where T : class =>
        result.Errors.Count == 0 ? result
            : MutationResult<T>.Fail(
                result.Errors.Select(e => e with { Field = e.Field.Length == 0 ? "input" : $"input.{e.Field}" })
                    .ToList());

    /// <summary>
    /// The ids an input names (fields called <c>id</c> or ending in <c>Id</c>/<c>Ids</c>, nested inputs included), as
    /// sent.
    /// </summary>
    private static IEnumerable<string> InputIds(IDictionary<string, object?>? input)
    {
        foreach (var (key, value) in input ?? new Dictionary<string, object?>())
        {
            var named = key == "id"
                || key.EndsWith("Id", StringComparison.Ordinal)
                || key.EndsWith("Ids", StringComparison.Ordinal);
            switch (value)
            {
                case string id when named:
                    yield return id;
                    break;
                case IDictionary<string, object?> nested:
                    foreach (var inner in InputIds(nested))
                    {
                        yield return inner;
                    }

                    break;
                case System.Collections.IEnumerable list and not string:
                    foreach (var item in list)
                    {
                        if (item is string id && named)
                        {
                            yield return id;
                        }
                        else if (item is IDictionary<string, object?> element)
                        {
                            foreach (var inner in InputIds(element))
                            {
                                yield return inner;
                            }
                        }
                    }

                    break;
            }
        }
    }
}
