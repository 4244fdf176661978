namespace InterAssociatif.Kernel.DataLoading;

/// <summary>
/// Batched loads from a module's DbContext: one SQL command per loader and depth of the query,
/// whatever the number of parents. Each batch opens its own short-lived DbContext, so parallel
/// resolvers never share one. A loader whose query depends only on the batch's keys is compiled at its
/// first batch (EF Core then neither translates it again nor looks it up by its expression tree); one
/// that captures another value of its call still answers, translated at each batch, and is counted as the defect it
/// is (<see cref="TranslatedLoaders"/>).
/// </summary>
public static class EntityLoaders
{
    /// <summary>Loads one record by id (null when none).</summary>
    public static IDataLoaderResult<T?> LoadById<TContext, T>(
        this IResolveFieldContext context, Func<TContext, IQueryable<T>> set, Guid id)
        where TContext : DbContext
        where T : class, IHasId
    {
        ById<TContext, T>.Query.Check(set, null, Services(context));
        return context.LoadBatched<Guid, T?, Func<TContext, IQueryable<T>>>(
            ById<TContext, T>.Name,
            id,
            set,
            static async (services, set, ids, ct) =>
            {
                var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
                await using var db = await factory.CreateDbContextAsync(ct);
                var rows = await Loads<TContext, T>.ToListAsync(
                    ById<TContext, T>.Name, (db, ids) => set(db).Where(e => ids.Contains(e.Id)), db, ids, ct);
                return rows.ToDictionary(e => e.Id, e => (T?)e);
            },
            missing: null,
            byId: true
        );
    }

    /// <summary>
    /// Loads one record by id, as a <paramref name="card"/> when the field asks only for its fields.
    /// </summary>
    public static IDataLoaderResult<T?> LoadById<TContext, T>(
        this IResolveFieldContext context, Func<TContext, IQueryable<T>> set, NodeCard<T> card, Guid id)
        where TContext : DbContext
        where T : class, IHasId =>
        card.Serves(context)
            ? context.LoadProjectedById(set, card.LoaderName, card.Projection, id)
            : context.LoadById(set, id);

    /// <summary>
    /// Loads one record by id through <paramref name="projection"/>: only the columns it names are read,
    /// batched apart from the whole records (loader <paramref name="name"/>). The record's other members
    /// keep their defaults, so only code that reads the projected members may see it.
    /// </summary>
    public static IDataLoaderResult<T?> LoadProjectedById<TContext, T>(
        this IResolveFieldContext context,
        Func<TContext, IQueryable<T>> set,
        string name,
        Expression<Func<T, T>> projection,
        Guid id)
        where TContext : DbContext
        where T : class, IHasId
    {
        ById<TContext, T>.Projected(name).Check(set, projection, Services(context));
        return context.LoadBatched(
            name,
            id,
            (Set: set, Name: name, Projection: projection),
            static async (services, load, ids, ct) =>
            {
                var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
                await using var db = await factory.CreateDbContextAsync(ct);
                var rows = await Loads<TContext, T>.ToListAsync(
                    load.Name,
                    (db, ids) => load.Set(db).Where(e => ids.Contains(e.Id)).Select(load.Projection),
                    db,
                    ids,
                    ct);
                return rows.ToDictionary(e => e.Id, e => (T?)e);
            },
            missing: (T?)null,
            byId: true
        );
    }

    private static IServiceProvider Services(IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("Request services are not available.");

    /// <summary>
    /// The request's loader of <typeparamref name="T"/> by id, and the one query it and each loader of projections
    /// by id (named by their card) may run.
    /// </summary>
    private static class ById<TContext, T>
        where TContext : DbContext
    {
        public static readonly string Name = $"byId:{typeof(T).FullName}";

        public static readonly SharedLoaderQuery<TContext, T> Query = new(Name);

        private static readonly ConcurrentDictionary<string, SharedLoaderQuery<TContext, T>> ByName =
            new(StringComparer.Ordinal);

        public static SharedLoaderQuery<TContext, T> Projected(string name) =>
            ByName.TryGetValue(name, out var query) ? query : ByName.GetOrAdd(name, static n => new(n));
    }

    /// <summary>
    /// Each loader's compiled query by name (null: it captures a value, translated each time and counted by
    /// <see cref="TranslatedLoaders"/>).
    /// </summary>
    internal static class Loads<TContext, T>
        where TContext : DbContext
    {
        private static readonly ConcurrentDictionary<string, Queries?> Compiled = new(StringComparer.Ordinal);

        public static async Task<List<T>> ToListAsync(
            string name,
            Func<TContext, IReadOnlyList<Guid>, IQueryable<T>> query,
            TContext db,
            IReadOnlyList<Guid> ids,
            CancellationToken cancellationToken
        )
        {
            if (!Compiled.TryGetValue(name, out var compiled))
            {
                var translated = query(db, ids);
                compiled = Compiled.GetOrAdd(name, _ => Compile(translated.Expression, ids));
                if (compiled is null)
                {
                    TranslatedLoaders.Record(name);
                    return await translated.ToListAsync(cancellationToken);
                }
            }

            if (compiled is null)
            {
                TranslatedLoaders.Record(name);
                return await query(db, ids).ToListAsync(cancellationToken);
            }

            var rows = new List<T>();
            var results = ids.Count == 1 && compiled.One is { } one ? one(db, ids[0]) : compiled.Many(db, ids);
            await foreach (var row in results.WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }

        /// <summary>
        /// The query as a lambda of the context and the keys: the keys, which the query captured, become
        /// its parameter. Null when it captured anything else. When the keys are only tested for
        /// membership, a second form for a batch of one key compares with it (<c>= @key</c>): no list to
        /// send as JSON and unfold on the database side, for the many pages that load the children of one record.
        /// </summary>
        private static Queries? Compile(Expression query, IReadOnlyList<Guid> ids)
        {
            var context = Expression.Parameter(typeof(TContext), "db");
            var keys = Expression.Parameter(typeof(IReadOnlyList<Guid>), "ids");
            var keysOnly = new CapturedAsParameter(ids, keys);
            var body = keysOnly.Visit(query);
            if (keysOnly.CapturesOther)
            {
                return null;
            }

            var many = EF.CompileAsyncQuery(
                Expression.Lambda<Func<TContext, IReadOnlyList<Guid>, IQueryable<T>>>(body, context, keys));
            var key = Expression.Parameter(typeof(Guid), "key");
            var oneKey = new MembershipAsEquality(keys, key);
            var oneBody = oneKey.Visit(body);
            return new Queries(
                many,
                oneKey.KeysLeft
                    ? null
                    : EF.CompileAsyncQuery(
                        Expression.Lambda<Func<TContext, Guid, IQueryable<T>>>(oneBody, context, key))
            );
        }

        /// <summary>Whether <paramref name="query"/> captures nothing but its keys, so that it runs compiled.</summary>
        internal static bool Compiles(Func<TContext, IReadOnlyList<Guid>, IQueryable<T>> query, TContext db)
        {
            IReadOnlyList<Guid> ids = [Guid.Empty, Guid.Empty];
            return Compile(query(db, ids).Expression, ids) is not null;
        }

        private sealed record Queries(
            Func<TContext, IReadOnlyList<Guid>, IAsyncEnumerable<T>> Many,
            Func<TContext, Guid, IAsyncEnumerable<T>>? One
        );
    }

    /// <summary>
    /// Turns <c>keys.Contains(x)</c> into <c>x == key</c>; <see cref="KeysLeft"/> tells whether the keys
    /// are still used otherwise (then the query has no one-key form).
    /// </summary>
    private sealed class MembershipAsEquality(ParameterExpression keys, ParameterExpression key) : ExpressionVisitor
    {
        public bool KeysLeft { get; private set; }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var (list, item) = node switch
            {
                { Method.Name: "Contains", Object: null, Arguments.Count: 2 } => (node.Arguments[0], node.Arguments[1]),
                { Method.Name: "Contains", Object: { } target, Arguments.Count: 1 } => (target, node.Arguments[0]),
                _ => (null, null),
            };
            if (list is UnaryExpression { NodeType: ExpressionType.Convert } conversion)
            {
                list = conversion.Operand;
            }

            if (
                ReferenceEquals(list, keys)
                && item is not null
                && (Nullable.GetUnderlyingType(item.Type) ?? item.Type) == typeof(Guid)
            )
            {
                var visited = Visit(item);
                return Expression.Equal(visited, item.Type == typeof(Guid) ? key : Expression.Convert(key, item.Type));
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            KeysLeft |= node == keys;
            return node;
        }
    }
}

/// <summary>
/// A loader of children by their foreign key, declared once as a static field of the graph type that uses it:
/// <c>new("agendaByMeeting", a =&gt; a.MeetingId, q =&gt; q.OrderBy(a =&gt; a.Position))</c>. The key both filters a
/// batch (<c>MeetingId IN (…)</c>, or <c>= @key</c> for a batch of one) and groups its rows; <c>shape</c> orders,
/// includes or filters further. One SQL command per batch, compiled at the first.
/// </summary>
public sealed class ChildLoader<TContext, T>
    where TContext : DbContext
    where T : class
{
    private static readonly MethodInfo Contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(Guid));

    private readonly string _name;
    private readonly Func<IQueryable<T>, IQueryable<T>> _shape;
    private readonly Expression<Func<T, Guid?>> _key;
    private readonly Func<T, Guid?> _keyOf;
    private readonly Func<IServiceProvider, IReadOnlyList<Guid>, CancellationToken,
        Task<IReadOnlyDictionary<Guid, IReadOnlyList<T>>>> _fetch;

    public ChildLoader(
        string name, Expression<Func<T, Guid?>> foreignKey, Func<IQueryable<T>, IQueryable<T>>? shape = null)
    {
        _name = name;
        _key = foreignKey;
        _keyOf = foreignKey.Compile();
        _shape = shape ?? (q => q);
        _fetch = FetchAsync;
    }

    internal string Name => _name;

    /// <summary>
    /// Whether its query captures nothing but the keys, and so runs compiled; one that captures anything else (a
    /// local, the query itself) is translated again at every batch.
    /// </summary>
    internal bool IsCompiled(TContext db) =>
        EntityLoaders.Loads<TContext, T>.Compiles((db, ids) => Children(db, ids), db);

    /// <summary>The children of <paramref name="parentId"/>, batched with the parents of the same depth.</summary>
    public IDataLoaderResult<IReadOnlyList<T>> Load(IResolveFieldContext context, Guid parentId) =>
        context.LoadBatched(_name, parentId, _fetch, []);

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<T>>> FetchAsync(
        IServiceProvider services, IReadOnlyList<Guid> keys, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await EntityLoaders.Loads<TContext, T>.ToListAsync(
            _name, (db, ids) => Children(db, ids), db, keys, ct);
        return rows.GroupBy(row => _keyOf(row)!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
    }

    private IQueryable<T> Children(TContext db, IReadOnlyList<Guid> ids) => _shape(db.Set<T>().Where(Among(ids)));

    /// <summary>
    /// <c>ids.Contains(x.Key)</c>, or <c>x.Key != null &amp;&amp; ids.Contains(x.Key.Value)</c> for an optional key,
    /// with <paramref name="ids"/> captured as a query captures it (so that the loader can be compiled).
    /// </summary>
    private Expression<Func<T, bool>> Among(IReadOnlyList<Guid> ids)
    {
        Expression<Func<IReadOnlyList<Guid>>> captured = () => ids;

        // The member as written, without the lift to Guid? that the lambda adds to a required key.
        var member = _key.Body is UnaryExpression { NodeType: ExpressionType.Convert } lift ? lift.Operand : _key.Body;
        var body = member.Type == typeof(Guid)
            ? (Expression)Expression.Call(Contains, captured.Body, member)
            : Expression.AndAlso(
                Expression.NotEqual(member, Expression.Constant(null, typeof(Guid?))),
                Expression.Call(Contains, captured.Body, Expression.Property(member, nameof(Nullable<Guid>.Value))));
        return Expression.Lambda<Func<T, bool>>(body, _key.Parameters);
    }
}
