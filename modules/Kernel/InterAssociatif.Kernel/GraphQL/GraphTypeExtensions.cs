namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// Adds fields to a GraphQL type identified by its name. This is how one module extends another
/// module's type (<c>Organization.memberships</c>, <c>Meeting.decisions</c>) without referencing
/// its implementation, and how every module adds root fields to <c>Query</c> and <c>Mutation</c>.
/// Fields added this way name the types they return by name (<see cref="GraphQLTypeReference"/>).
/// </summary>
public interface IGraphTypeExtension
{
    /// <summary>The GraphQL name of the type being extended, e.g. <c>Query</c> or <c>Organization</c>.</summary>
    string TypeName { get; }

    void Extend(IComplexGraphType type);
}

/// <summary>
/// Fields a module adds to one of the root types (<c>Query</c>, <c>Mutation</c>, <c>Subscription</c>).
/// </summary>
public abstract class RootFields(string typeName) : IGraphTypeExtension
{
    public string TypeName => typeName;

    public void Extend(IComplexGraphType type) => Add((ObjectGraphType)type);

    protected abstract void Add(ObjectGraphType root);
}

/// <summary>Fields a module adds to <c>Query</c>.</summary>
public abstract class QueryFields() : RootFields("Query");

/// <summary>Mutations a module adds to <c>Mutation</c>, through the mutation convention.</summary>
public abstract class MutationFields() : RootFields("Mutation");

/// <summary>Fields a module adds to <c>Subscription</c>.</summary>
public abstract class SubscriptionFields() : RootFields("Subscription");

/// <summary>
/// A list field added to a type, often another module's (<c>Meeting.decisions</c>): the records of this module whose
/// foreign key holds the source's id, in the <paramref name="loader"/>'s order, one SQL command per depth of the
/// query; with <paramref name="roles"/>, only they may select it.
/// </summary>
public abstract class ChildListField<TContext, TChild>(
    string typeName,
    string fieldName,
    string childTypeName,
    string description,
    ChildLoader<TContext, TChild> loader,
    params string[] roles) : IGraphTypeExtension
    where TContext : DbContext
    where TChild : class
{
    public string TypeName => typeName;

    internal ChildLoader<TContext, TChild> Loader => loader;

    public void Extend(IComplexGraphType type) =>
        type.AddFieldById(
            fieldName,
            NodeGraphTypeExtensions.ListOf(childTypeName),
            description,
            (ctx, id) => loader.Load(ctx, id),
            roles);
}

/// <summary>
/// All registered extensions; an extensible type applies those aimed at it at the end of its constructor.
/// </summary>
public sealed class GraphTypeExtensions(IEnumerable<IGraphTypeExtension> extensions)
{
    private readonly ILookup<string, IGraphTypeExtension> _byType = extensions.ToLookup(
        e => e.TypeName, StringComparer.Ordinal);

    public bool Any(string typeName) => _byType[typeName].Any();

    public void ApplyTo(IComplexGraphType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type.Name);
        foreach (var extension in _byType[type.Name])
        {
            extension.Extend(type);
        }
    }
}
