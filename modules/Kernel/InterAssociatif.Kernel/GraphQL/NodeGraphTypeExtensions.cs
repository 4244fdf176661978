using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using InterAssociatif.Kernel.Relay;

namespace InterAssociatif.Kernel.GraphQL;

public static class NodeGraphTypeExtensions
{
    /// <summary>Makes an object type a Relay node: implements <c>Node</c> and exposes its opaque global <c>id</c>.</summary>
    public static void AsNode<TSource>(this ObjectGraphType<TSource> type)
        where TSource : IHasId
    {
        ArgumentException.ThrowIfNullOrEmpty(type.Name);
        var typeName = type.Name;
        type.Interface<NodeInterfaceType>();
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Opaque global identifier (Relay). Pass it to `node(id:)`, or wherever an input asks for this record's id.")
            .Resolve(ctx => GlobalId.Encode(typeName, ctx.Source.Id));
    }

    /// <summary><c>[T!]!</c> of the type named <paramref name="typeName"/>, often another module's, known only by its name.</summary>
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
