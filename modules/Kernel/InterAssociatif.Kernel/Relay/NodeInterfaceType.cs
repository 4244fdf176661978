namespace InterAssociatif.Kernel.Relay;

/// <summary>The Relay <c>Node</c> interface.</summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "A record that can be fetched again by its global id through `node(id:)` or `nodes(ids:)` (Relay "
            + "object identification).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global identifier.");
    }
}
