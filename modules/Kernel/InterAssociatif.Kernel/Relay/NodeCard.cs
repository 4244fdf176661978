namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// A lighter read of a node type for the fields that show only part of it: a page that names an
/// organisation (<c>organization { name }</c>) reads the columns of <see cref="Projection"/> instead of
/// the whole row (its description, its search keys). A field is served by the card when every field it
/// selects on the record — through fragments too, whatever their type condition — is one of
/// <see cref="Fields"/>; otherwise the whole record is read. A list of them (a connection) is read as cards
/// on the same condition for its <c>nodes</c> and <c>edges { node }</c>. The card's fields must resolve from the
/// projected members only: a generated test compares every card field of every record read both ways.
/// </summary>
public sealed class NodeCard<T>
    where T : class
{
    private readonly HashSet<string> _fields;

    // Per field of a parsed document (documents are cached, so is the answer).
    private readonly ConditionalWeakTable<GraphQLField, object> _served = new();
    private readonly ConditionalWeakTable<GraphQLField, object> _servedConnection = new();

    /// <param name="projection">
    /// The record with only the card's members set (<c>o =&gt; new T { Id = o.Id, … }</c>).
    /// </param>
    /// <param name="fields">The GraphQL fields of the type that resolve from those members alone.</param>
    public NodeCard(Expression<Func<T, T>> projection, params string[] fields)
    {
        Projection = projection;
        _fields = new HashSet<string>(fields, StringComparer.Ordinal) { "__typename" };
        LoaderName = $"card:{typeof(T).FullName}";
    }

    public Expression<Func<T, T>> Projection { get; }

    public IReadOnlySet<string> Fields => _fields;

    /// <summary>The name of the request's loader of cards (one per type, apart from the whole records').</summary>
    internal string LoaderName { get; }

    /// <summary>Whether the field being resolved selects only card fields of the record it returns.</summary>
    public bool Serves(IResolveFieldContext context) => Answer(context, _served, Level.Record);

    /// <summary>
    /// Whether the connection field being resolved selects only card fields of its records, under
    /// <c>nodes</c> and <c>edges { node }</c> (its count, cursors and page info need no column).
    /// </summary>
    public bool ServesConnection(IResolveFieldContext context) => Answer(context, _servedConnection, Level.Connection);

    private bool Answer(IResolveFieldContext context, ConditionalWeakTable<GraphQLField, object> answers, Level level)
    {
        if (context.FieldAst is not { SelectionSet: { } selection } field)
        {
            return false;
        }

        if (answers.TryGetValue(field, out var known))
        {
            return (bool)known;
        }

        var served = Within(selection, context.Document, level, depth: 0);
        answers.AddOrUpdate(field, served);
        return served;
    }

    private bool Within(GraphQLSelectionSet selection, GraphQLDocument document, Level level, int depth)
    {
        // Fragments spread into each other at most as deep as validation allows (no cycles); the bound only
        // guards this walk.
        if (depth > 32)
        {
            return false;
        }

        foreach (var node in selection.Selections)
        {
            var within = node switch
            {
                GraphQLField field => Within(field, document, level, depth),
                GraphQLInlineFragment inline => Within(inline.SelectionSet, document, level, depth + 1),
                GraphQLFragmentSpread spread => document.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name) is { } fragment
                    && Within(fragment.SelectionSet, document, level, depth + 1),
                _ => false,
            };
            if (!within)
            {
                return false;
            }
        }

        return true;
    }

    private bool Within(GraphQLField field, GraphQLDocument document, Level level, int depth)
    {
        var name = field.Name.StringValue;
        return (level, name) switch
        {
            (Level.Record, _) => _fields.Contains(name),
            (_, "__typename") => true,
            (Level.Connection, "nodes") or (Level.Edge, "node") =>
                field.SelectionSet is { } records && Within(records, document, Level.Record, depth + 1),
            (Level.Connection, "edges") =>
                field.SelectionSet is { } edges && Within(edges, document, Level.Edge, depth + 1),
            (Level.Connection, "totalCount" or "pageInfo") or (Level.Edge, "cursor") => true,
            _ => false,
        };
    }

    private enum Level
    {
        Record,
        Connection,
        Edge,
    }
}
