using GraphQL;
using GraphQL.Types;
using InterAssociatif.Kernel.Errors;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// The mutation convention: one argument <c>input</c>, and a payload <c>{Name}Payload</c> holding the
/// changed record (null when nothing was written) and <c>errors: [UserError!]!</c>.
/// </summary>
public static class MutationConvention
{
    public static FieldType AddMutation<TInputGraphType, TResult>(
        this IComplexGraphType mutation,
        string name,
        string description,
        string resultField,
        string resultTypeName,
        Func<IResolveFieldContext, Task<MutationResult<TResult>>> resolve,
        params string[] roles)
        where TInputGraphType : IInputObjectGraphType
        where TResult : class
    {
        var payload = new ObjectGraphType<MutationResult<TResult>>
        {
            Name = $"{char.ToUpperInvariant(name[0])}{name[1..]}Payload",
            Description = $"The outcome of `{name}`: `{resultField}` when it succeeded, otherwise the `errors` and nothing written.",
        };
        payload.Field(resultField, new GraphQLTypeReference(resultTypeName))
            .Description($"The {resultTypeName} as it is after the change; null when there are errors.")
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
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<TInputGraphType>> { Name = "input", Description = "What to change." }),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object>(async ctx => await resolve(ctx).ConfigureAwait(false)),
        };
        if (roles.Length > 0)
        {
            field.AuthorizeWithRoles(roles);
        }

        return mutation.AddField(field);
    }
}
