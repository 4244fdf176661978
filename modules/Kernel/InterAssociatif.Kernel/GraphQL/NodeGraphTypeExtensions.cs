using GraphQL.Resolvers;

namespace InterAssociatif.Kernel.GraphQL;

public static class NodeGraphTypeExtensions
{
    /// <summary>
    /// <c>[T!]!</c> of the type named <paramref name="typeName"/>, often another module's, known only by its name.
    /// </summary>
    public static IGraphType ListOf(string typeName) =>
        new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(typeName))));

    /// <summary>
    /// Adds a field to a node type of another module (from an <see cref="IGraphTypeExtension"/>),
    /// resolved from the source record's id; with <paramref name="roles"/>, only they may select it.
    /// </summary>
    public static void AddFieldById(
        this IComplexGraphType type,
        string name,
        IGraphType resolvedType,
        string description,
        Func<IResolveFieldContext, Guid, object?> resolve,
        params string[] roles)
    {
        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = resolvedType,
            Resolver = new FuncFieldResolver<object>(ctx => resolve(ctx, ((IHasId)ctx.Source!).Id)),
        };
        if (roles.Length > 0)
        {
            field.AuthorizeWithRoles(roles);
        }

        type.AddField(field);
    }
}
