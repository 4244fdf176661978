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
}
