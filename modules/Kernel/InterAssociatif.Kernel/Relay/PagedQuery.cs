namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// A filtered, sorted list read by pages, declared once as a static field: <paramref name="build"/> writes the
/// query from its arguments, reading them only through the <typeparamref name="TArgs"/> it is given, and
/// <paramref name="shape"/> names what its SQL depends on besides their values (which filters apply, the
/// sort). Each shape is compiled by EF Core at its first use, its count and its page: later requests only bind
/// the arguments, where a query built at each request is walked, looked up by its expression tree and has its
/// captured values extracted twice (count and page). The query may read its context inside (a subquery on another
/// set); a query that captures anything else but its arguments (a loop variable, a local computed from them) is
/// translated at each request, as any query. A read may ask for its records through a projection (a
/// <see cref="NodeCard{T}"/>'s): that is a shape of its own.
/// </summary>
public sealed class PagedQuery<TContext, TArgs, T>(
    Func<TArgs, object> shape, Func<TContext, TArgs, IQueryable<T>> build)
    where TContext : DbContext
    where TArgs : class
{
    private readonly ConcurrentDictionary<(object Shape, Expression<Func<T, T>>? Projection), Compiled?> _compiled =
        new();

    /// <summary>
    /// The list for <paramref name="args"/>, read through <paramref name="db"/>; its records with only the members
    /// <paramref name="projection"/> sets, when there is one.
    /// </summary>
    public IPageSource<T> For(TContext db, TArgs args, Expression<Func<T, T>>? projection = null)
    {
        var key = (shape(args), projection);
        if (!_compiled.TryGetValue(key, out var compiled))
        {
            var query = Build(db, args, projection);
            compiled = _compiled.GetOrAdd(key, _ => Compile(query.Expression, db, args));
            if (compiled is null)
            {
                return new QueryPages<T>(query);
            }
        }

        return compiled is null
            ? new QueryPages<T>(Build(db, args, projection))
            : new CompiledPages(compiled, db, args);
    }

    /// <summary>
    /// Whether the shape of <paramref name="args"/> (through <paramref name="projection"/>) was compiled at its first
    /// read, or is translated at each (it captures something else than its arguments and its context).
    /// </summary>
    public bool IsCompiled(TArgs args, Expression<Func<T, T>>? projection = null) =>
        _compiled.TryGetValue((shape(args), projection), out var compiled) && compiled is not null;

    private IQueryable<T> Build(TContext db, TArgs args, Expression<Func<T, T>>? projection) =>
        projection is null ? build(db, args) : build(db, args).Select(projection);

    private static Compiled? Compile(Expression query, TContext db, TArgs args)
    {
        var context = Expression.Parameter(typeof(TContext), "db");
        var whole = Expression.Parameter(typeof(TArgs), "args");
        var argsOnly = new CapturedAsParameter(args, whole, (db, context));
        var body = argsOnly.Visit(query);

        // EF Core binds a compiled query's parameters, not the members of one: each member read becomes one.
        var members = new MembersAsParameters(whole);
        body = members.Visit(body);
        if (argsOnly.CapturesOther || members.WholeUsed || members.Read.Count > 12)
        {
            return null;
        }

        var values = members.Read.Values.ToList();
        var reads = members.Read.Keys.Select(member => Expression.MakeMemberAccess(whole, member)).ToList();
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)], body);
        Type[] types = [typeof(TContext), .. values.Select(v => v.Type)];
        var countQuery = CompileAsync([context, .. values, cancellation], count, [.. types, typeof(int)]);
        return new Compiled(
            Expression.Lambda<Func<TContext, TArgs, CancellationToken, Task<int>>>(
                Expression.Invoke(Expression.Constant(countQuery), [context, .. reads, cancellation]),
                context, whole, cancellation).Compile(),
            take => CompilePage(context, whole, body, values, reads, types, take));
    }

    /// <summary>
    /// The page query for one page size, written in its SQL (<c>LIMIT 51</c>): SQLite prepares a statement whose
    /// <c>LIMIT</c> is a bound parameter again each time it is bound, even to the same value. Page sizes are
    /// bounded (<see cref="Paging.MaxPageSize"/>), so are the compiled pages of a shape.
    /// </summary>
    private static Func<TContext, TArgs, int, IAsyncEnumerable<T>> CompilePage(
        ParameterExpression context, ParameterExpression whole, Expression body,
        List<ParameterExpression> values, List<MemberExpression> reads, Type[] types, int take)
    {
        var skip = Expression.Parameter(typeof(int), "skip");
        var window = Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(T)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], body, skip),
            Expression.Constant(take));
        var pageQuery = CompileAsync([context, .. values, skip], window, [.. types, typeof(int), typeof(T)]);
        return Expression.Lambda<Func<TContext, TArgs, int, IAsyncEnumerable<T>>>(
            Expression.Invoke(Expression.Constant(pageQuery), [context, .. reads, skip]),
            context, whole, skip).Compile();
    }

    /// <summary><c>EF.CompileAsyncQuery</c> for a lambda of any number of parameters, given its type arguments.
    /// </summary>
    private static Delegate CompileAsync(List<ParameterExpression> parameters, Expression body, Type[] arguments)
    {
        var lambda = Expression.Lambda(
            Expression.GetFuncType([.. parameters.Select(p => p.Type), body.Type]), body, parameters);
        var expected = typeof(Expression<>).MakeGenericType(lambda.Type);
        var method = typeof(EF).GetMethods()
            .Where(m => m.Name == nameof(EF.CompileAsyncQuery) && m.GetGenericArguments().Length == arguments.Length)
            .Select(m => Closed(m, arguments))
            .Single(m => m?.GetParameters()[0].ParameterType == expected)!;
        return (Delegate)method.Invoke(null, [lambda])!;
    }

    /// <summary>The overload with these type arguments; null when they break its constraints.</summary>
    private static MethodInfo? Closed(MethodInfo method, Type[] arguments)
    {
        try
        {
            return method.MakeGenericMethod(arguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed class Compiled(
        Func<TContext, TArgs, CancellationToken, Task<int>> count,
        Func<int, Func<TContext, TArgs, int, IAsyncEnumerable<T>>> compilePage)
    {
        private readonly Func<TContext, TArgs, int, IAsyncEnumerable<T>>?[] _pages =
            new Func<TContext, TArgs, int, IAsyncEnumerable<T>>?[Paging.MaxPageSize + 2];

        public Func<TContext, TArgs, CancellationToken, Task<int>> Count => count;

        /// <summary>
        /// The page query of this size, kept when the size is within what Paging asks for (two requests that
        /// race for a new size may both compile it; either result serves).
        /// </summary>
        public Func<TContext, TArgs, int, IAsyncEnumerable<T>> Page(int take) =>
            (uint)take < (uint)_pages.Length ? _pages[take] ??= compilePage(take) : compilePage(take);
    }

    /// <summary>Replaces each member read of the arguments by a parameter of its own.</summary>
    private sealed class MembersAsParameters(ParameterExpression whole) : ExpressionVisitor
    {
        public Dictionary<MemberInfo, ParameterExpression> Read { get; } = [];

        /// <summary>True when the arguments are used otherwise than by reading a member.</summary>
        public bool WholeUsed { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != whole)
            {
                return base.VisitMember(node);
            }

            if (!Read.TryGetValue(node.Member, out var parameter))
            {
                parameter = Expression.Parameter(node.Type, node.Member.Name);
                Read.Add(node.Member, parameter);
            }

            return parameter;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            WholeUsed |= node == whole;
            return node;
        }
    }

    private sealed class CompiledPages(Compiled compiled, TContext db, TArgs args) : IPageSource<T>
    {
        public Task<int> CountAsync(CancellationToken cancellationToken) =>
            compiled.Count(db, args, cancellationToken);

        public async Task<List<T>> ReadAsync(int skip, int take, CancellationToken cancellationToken)
        {
            var rows = new List<T>(take);
            await foreach (var row in compiled.Page(take)(db, args, skip).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }
    }
}
