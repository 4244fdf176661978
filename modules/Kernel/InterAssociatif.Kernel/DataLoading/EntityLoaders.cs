using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Kernel.DataLoading;

/// <summary>
/// Batched loads from a module's DbContext: one SQL command per loader and depth of the query,
/// whatever the number of parents. Each batch opens its own short-lived DbContext, so parallel
/// resolvers never share one. A loader whose query depends only on the batch's keys is compiled at its
/// first batch (EF Core then neither translates it again nor looks it up by its expression tree); one
/// that captures another value of its call is translated at each batch, as any query.
/// </summary>
public static class EntityLoaders
{
    /// <summary>Loads one record by id (null when none).</summary>
    public static IDataLoaderResult<T?> LoadById<TContext, T>(
        this IResolveFieldContext context,
        Func<TContext, IQueryable<T>> set,
        Guid id
    )
        where TContext : DbContext
        where T : class, IHasId
    {
        var name = $"byId:{typeof(T).FullName}";
        return context.LoadBatched<Guid, T?>(
            name,
            id,
            async (services, ids, ct) =>
            {
                var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
                await using var db = await factory.CreateDbContextAsync(ct);
                var rows = await Loads<TContext, T>.ToListAsync(
                    name, (db, ids) => set(db).Where(e => ids.Contains(e.Id)), db, ids, ct);
                return rows.ToDictionary(e => e.Id, e => (T?)e);
            },
            missing: null
        );
    }

    /// <summary>
    /// Loads the children of one parent; the query filters by the batch's keys and orders the children.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadChildren<TContext, T>(
        this IResolveFieldContext context,
        string name,
        Guid parentId,
        Func<TContext, IReadOnlyList<Guid>, IQueryable<T>> query,
        Func<T, Guid> parentOf
    )
        where TContext : DbContext =>
        context.LoadBatched<Guid, IReadOnlyList<T>>(
            name,
            parentId,
            async (services, keys, ct) =>
            {
                var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
                await using var db = await factory.CreateDbContextAsync(ct);
                var rows = await Loads<TContext, T>.ToListAsync(name, query, db, keys, ct);
                return rows.GroupBy(parentOf).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
            },
            missing: []
        );

    /// <summary>Each loader's compiled query by name (null: it captures a value, translate it each time).</summary>
    private static class Loads<TContext, T>
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
                    return await translated.ToListAsync(cancellationToken);
                }
            }

            if (compiled is null)
            {
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
            var keysOnly = new KeysAsParameter(ids, keys);
            var body = keysOnly.Visit(query);
            if (keysOnly.CapturesOther)
            {
                return null;
            }

            var many = EF.CompileAsyncQuery(
                Expression.Lambda<Func<TContext, IReadOnlyList<Guid>, IQueryable<T>>>(body, context, keys)
            );
            var key = Expression.Parameter(typeof(Guid), "key");
            var oneKey = new MembershipAsEquality(keys, key);
            var oneBody = oneKey.Visit(body);
            return new Queries(
                many,
                oneKey.KeysLeft
                    ? null
                    : EF.CompileAsyncQuery(
                        Expression.Lambda<Func<TContext, Guid, IQueryable<T>>>(oneBody, context, key)
                    )
            );
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

    /// <summary>Replaces the captured keys by a parameter; notes any other captured value.</summary>
    private sealed class KeysAsParameter(object keys, ParameterExpression parameter) : ExpressionVisitor
    {
        public bool CapturesOther { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression { Value: { } closure } && IsClosure(closure))
            {
                var value = node.Member switch
                {
                    FieldInfo field => field.GetValue(closure),
                    PropertyInfo property => property.GetValue(closure),
                    _ => null,
                };
                if (ReferenceEquals(value, keys) && node.Type == parameter.Type)
                {
                    return parameter;
                }

                CapturesOther = true;
                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            CapturesOther |= node.Value is { } value && IsClosure(value);
            return node;
        }

        private static bool IsClosure(object value) =>
            value.GetType().IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
    }
}
