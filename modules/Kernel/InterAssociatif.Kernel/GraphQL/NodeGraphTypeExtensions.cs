using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using InterAssociatif.Kernel.Relay;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>An object type declared with its name and description, before its fields.</summary>
public abstract class ObjectType<TSource> : ObjectGraphType<TSource>
{
    protected ObjectType(string name, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Description = description;
    }
}

/// <summary>
/// A Relay node type, declared in one line: its name and description, the <c>Node</c> interface and the opaque
/// global <c>id</c> field (first among its fields), built from the record's <see cref="IHasId.Id"/>.
/// </summary>
public abstract class NodeType<TSource> : ObjectType<TSource>
    where TSource : IHasId
{
    protected NodeType(string name, string description)
        : base(name, description)
    {
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description(
                "Opaque global identifier (Relay). Pass it to `node(id:)`, or wherever an input asks for this "
                    + "record's id.")
            .Resolve(ctx => GlobalId.Encode(name, ctx.Source.Id));
    }
}

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
