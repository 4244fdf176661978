using ExecutionContext = GraphQL.Execution.ExecutionContext;
using ExecutionStrategy = GraphQL.Execution.ExecutionStrategy;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// Runs a query or a mutation with one <see cref="SharedReadConnection"/> for all its reads, so its
/// resolvers run one after another (the default runs a query's sibling fields in parallel, which one
/// connection cannot serve). Loaders are still batched by waves, as the parallel strategy batches
/// them: every field is resolved until only loaders are pending; then each pending loader is
/// completed, shallower ones first, and a loader that hands over to another (a <c>Then</c> that loads
/// again) waits for the next wave with the children of this one, so that their keys go out in one
/// command. Loads of records by id (<see cref="IWaitingLoad"/>) wait until no other loader is pending.
/// Root fields run in document order, as a mutation requires. A query reads one snapshot of the
/// database (all its reads in one read transaction); a mutation does not, so that it reads what it wrote.
/// </summary>
public sealed class OneConnectionExecutionStrategy(ReadConnectionPool pool) : ExecutionStrategy
{
    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        var query = context.Operation.Operation == GraphQLParser.AST.OperationType.Query;
        await using var connection = SharedReadConnection.Begin(pool, snapshot: query);
        return await base.ExecuteAsync(context);
    }

    public override async Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode)
    {
        var nodes = new Stack<ExecutionNode>();
        nodes.Push(rootNode);
        var loaders = new List<ExecutionNode>();
        var resolved = new List<ExecutionNode>();
        while (nodes.Count > 0 || loaders.Count > 0)
        {
            while (nodes.Count > 0)
            {
                var node = nodes.Pop();
                await ExecuteNodeAsync(context, node).ConfigureAwait(false);
                if (node.Result is IDataLoaderResult)
                {
                    loaders.Add(node);
                }
                else if (node is IParentExecutionNode parent)
                {
                    parent.ApplyToChildren((child, stack) => stack.Push(child), nodes, reverse: true);
                }
            }

            // Shallower first: a loader near the root that hands over to another queues its keys before
            // the deeper loaders of the wave send theirs, so they share one command.
            var wave = ShallowerFirst(loaders);
            loaders.Clear();

            // Loads by id wait while other loaders are pending: what those bring may name more of the same
            // records, which then go out in the same command.
            var othersPending = wave.Any(node => !Waits(node));
            foreach (var node in wave)
            {
                if (othersPending && Waits(node))
                {
                    loaders.Add(node);
                    continue;
                }

                await CompleteDataLoaderNodeAsync(context, node).ConfigureAwait(false);
                if (node.Result is IDataLoaderResult)
                {
                    loaders.Add(node);
                }
                else
                {
                    resolved.Add(node);
                }
            }

            // The children of this wave, the first loader's first, in document order.
            for (var i = resolved.Count - 1; i >= 0; i--)
            {
                if (resolved[i] is IParentExecutionNode parent)
                {
                    parent.ApplyToChildren((child, stack) => stack.Push(child), nodes, reverse: true);
                }
            }

            resolved.Clear();
        }
    }

    /// <summary>
    /// An object's child nodes, from the fields its selection set collects for its type — collected once per
    /// selection set and type where the request has no part in them (<see cref="CollectedFields"/>).
    /// </summary>
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType!;
        var selection = parent.SelectionSet!;
        var fields = CollectedFields.Find(selection, type)
            ?? CollectedFields.Keep(
                selection, type, CollectFieldsFrom(context, type, selection, null), context.Document);
        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = nodes;
    }

    private static bool Waits(ExecutionNode node) => node.Result is IWaitingLoad { Waits: true };

    /// <summary>The loaders by depth, in their order within a depth (taken depth by depth: no sort).</summary>
    private static ExecutionNode[] ShallowerFirst(List<ExecutionNode> loaders)
    {
        var depths = loaders.ConvertAll(Depth);
        var wave = new ExecutionNode[loaders.Count];
        var placed = 0;
        for (var depth = depths.Count == 0 ? 0 : depths.Min(); placed < wave.Length; depth++)
        {
            for (var i = 0; i < depths.Count; i++)
            {
                if (depths[i] == depth)
                {
                    wave[placed++] = loaders[i];
                }
            }
        }

        return wave;
    }

    private static int Depth(ExecutionNode node)
    {
        var depth = 0;
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            depth++;
        }

        return depth;
    }
}
