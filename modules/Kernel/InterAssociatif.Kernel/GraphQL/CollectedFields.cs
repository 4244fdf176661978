using GraphQLParser;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// The fields a selection set collects for an object type (the specification's CollectFields), kept with the
/// selection set of a document: the same for every object it applies to — the 18 attendance records of a meeting
/// page are collected once, not 18 times — and, the document being cached, for every request that runs it. Kept
/// only when nothing of the request decides them: a selection carrying a directive (<c>@include(if: $x)</c>
/// reads the variables) or two selections of one response name merged into a new field (whose arguments the
/// request records) are collected at each use, as GraphQL.NET does.
/// </summary>
internal static class CollectedFields
{
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, Kept> KeptBySelection = new();

    public static (GraphQLField Field, FieldType Definition)[]? Find(GraphQLSelectionSet selection, IGraphType type) =>
        KeptBySelection.TryGetValue(selection, out var kept) ? kept.For(type) : null;

    /// <summary>Keeps what was collected when the request had no part in it; returns it either way.</summary>
    public static (GraphQLField Field, FieldType Definition)[] Keep(
        GraphQLSelectionSet selection, IGraphType type, Dictionary<string, (GraphQLField, FieldType)> collected,
        GraphQLDocument document)
    {
        var fields = collected.Values.ToArray();
        var own = new HashSet<GraphQLField>(ReferenceEqualityComparer.Instance);
        if (WithoutDirectives(selection, document, own, []) && fields.All(f => own.Contains(f.Item1)))
        {
            KeptBySelection.GetOrCreateValue(selection).Add(type, fields);
        }

        return fields;
    }

    /// <summary>The selection's own fields, through its fragments, unless a directive sits on the way.</summary>
    private static bool WithoutDirectives(
        GraphQLSelectionSet selection, GraphQLDocument document, HashSet<GraphQLField> own,
        HashSet<GraphQLFragmentDefinition> visited)
    {
        foreach (var node in selection.Selections)
        {
            if (node is IHasDirectivesNode { Directives: not null })
            {
                return false;
            }

            if (node is GraphQLField field)
            {
                own.Add(field);
            }
            else if (node is GraphQLInlineFragment inline
                && !WithoutDirectives(inline.SelectionSet, document, own, visited))
            {
                return false;
            }
            else if (node is GraphQLFragmentSpread spread
                && document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                && visited.Add(fragment)
                && (fragment.Directives is not null
                    || !WithoutDirectives(fragment.SelectionSet, document, own, visited)))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Kept
    {
        private readonly Lock gate = new();
        private (IGraphType Type, (GraphQLField, FieldType)[] Fields)[] byType = [];

        public (GraphQLField, FieldType)[]? For(IGraphType type)
        {
            foreach (var (kept, fields) in Volatile.Read(ref byType))
            {
                if (ReferenceEquals(kept, type))
                {
                    return fields;
                }
            }

            return null;
        }

        public void Add(IGraphType type, (GraphQLField, FieldType)[] fields)
        {
            lock (gate)
            {
                if (For(type) is null)
                {
                    Volatile.Write(ref byType, [.. byType, (type, fields)]);
                }
            }
        }
    }
}
