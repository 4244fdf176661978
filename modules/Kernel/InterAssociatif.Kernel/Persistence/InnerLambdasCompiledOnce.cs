// EF9100: EF Core marks the executor expression as experimental (it serves its precompiled queries); this
// class takes the expression EF Core builds and changes only how it is compiled.
#pragma warning disable EF9100

namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// EF Core's database service with one change to how a query's executor is compiled: the lambdas nested
/// in it (the shaper that turns a row into a record, the resolver of the command's SQL) are compiled once,
/// with the query, instead of being made into new delegates every time the query runs. A lambda nested in
/// a compiled expression tree becomes a delegate by reflection (<c>DynamicMethod.CreateDelegate</c>) at each
/// evaluation; a profile of the meeting page charged 3.4 % of the host's CPU to that. Only lambdas that use
/// nothing of the lambdas around them are compiled ahead; the others are left as EF Core built them.
/// The rest is EF Core's own compilation (<see cref="QueryCompilationContext.CreateQueryExecutor{TResult}"/>).
/// </summary>
internal sealed class InnerLambdasCompiledOnce(
    DatabaseDependencies dependencies,
    RelationalDatabaseDependencies relationalDependencies,
    ILiftableConstantProcessor constants) : RelationalDatabase(dependencies, relationalDependencies)
{
    public override Func<QueryContext, TResult> CompileQuery<TResult>(Expression query, bool async)
    {
        var context = Dependencies.QueryCompilationContextFactory.Create(async);
        var executor = context.CreateQueryExecutorExpression<TResult>(query);
        var inlined = constants.InlineConstants(executor, context.SupportsPrecompiledQuery);
        return CompileInnerLambdas((Expression<Func<QueryContext, TResult>>)inlined).Compile();
    }

    /// <summary><paramref name="lambda"/> with its nested lambdas that use nothing around them compiled once.</summary>
    internal static Expression<TDelegate> CompileInnerLambdas<TDelegate>(Expression<TDelegate> lambda) =>
        (Expression<TDelegate>)new Compiler().Visit(lambda);

    /// <summary>Replaces each closed lambda below the root by a constant of its delegate, innermost first.</summary>
    private sealed class Compiler : ExpressionVisitor
    {
        private int _depth;

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _depth++;
            var visited = (Expression<T>)base.VisitLambda(node);
            _depth--;
            return _depth > 0 && FreeVariables.None(visited)
                ? Expression.Constant(visited.Compile(), typeof(T))
                : visited;
        }

        // A quoted lambda stays an expression: it is data, not code to run.
        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);
    }

    /// <summary>Whether a lambda refers to no parameter or variable that it does not declare itself.</summary>
    private sealed class FreeVariables : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _declared = [];
        private bool _free;

        public static bool None(LambdaExpression lambda)
        {
            var walker = new FreeVariables();
            walker.Visit(lambda);
            return !walker._free;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _declared.UnionWith(node.Variables);
            return base.VisitBlock(node);
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Variable is not null)
            {
                _declared.Add(node.Variable);
            }

            return base.VisitCatchBlock(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _free |= !_declared.Contains(node);
            return node;
        }
    }
}
