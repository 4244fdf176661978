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
