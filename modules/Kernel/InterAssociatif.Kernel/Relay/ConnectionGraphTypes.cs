namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// A Relay connection of <typeparamref name="TNodeType"/>: <c>{Node}Connection</c> with edges, nodes, pageInfo and
/// totalCount.
/// </summary>
public sealed class ConnectionGraphType<TNodeType> : ObjectGraphType<IConnection>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = $"{node}Connection";
        Description = $"A page of {node} records (Relay cursor connection).";
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many records match, over all pages.")
            .Resolve(ctx => ctx.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page sits: cursors of its first and last records, and whether more pages exist.")
            .Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType>>>>>("edges")
            .Description("The records of this page with their cursors.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The records of this page, when cursors are not needed.")
            .Resolve(ctx => ctx.Source.Items);
    }
}

/// <summary>An edge of a connection: a record and its cursor.</summary>
public sealed class EdgeGraphType<TNodeType> : ObjectGraphType<IEdge>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = $"{node}Edge";
        Description = $"A {node} record in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass it as `after` or `before` to page from this record.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The record.").Resolve(ctx => ctx.Source.Node);
    }
}

/// <summary>
/// Non-generic views of GraphQL.NET's connection data objects, so one graph type serves any CLR node type.
/// </summary>
public interface IConnection
{
    int? TotalCount { get; }

    PageInfo? PageInfo { get; }

    IEnumerable<IEdge> Edges { get; }

    IEnumerable<object?> Items { get; }
}

public interface IEdge
{
    string? Cursor { get; }

    object? Node { get; }
}

public static class ConnectionFieldExtensions
{
    /// <summary>
    /// Adds the Relay arguments (<c>first</c>, <c>after</c>, <c>last</c>, <c>before</c>) to a connection field.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>(
            "first", $"Records after `after`, at most {Paging.MaxPageSize}. Default {Paging.DefaultPageSize}.")
        .Argument<StringGraphType>("after", "A cursor: return records after it.")
        .Argument<IntGraphType>("last", $"Records before `before`, at most {Paging.MaxPageSize}.")
        .Argument<StringGraphType>("before", "A cursor: return records before it.");

    /// <summary>
    /// Makes a field a connection paged in SQL: adds the Relay arguments, checks them, opens a
    /// short-lived context from <paramref name="factory"/> and pages the query <paramref name="sorted"/>
    /// builds (sorted on a unique key, so cursors are stable).
    /// </summary>
    public static FieldBuilder<TSource, object> ResolvePage<TSource, TDb, T>(
        this FieldBuilder<TSource, object> field,
        IDbContextFactory<TDb> factory,
        Func<IResolveFieldContext<TSource>, TDb, IQueryable<T>> sorted)
        where TDb : DbContext =>
        field.ResolvePageFrom(factory, (ctx, db) => new QueryPages<T>(sorted(ctx, db)));

    /// <summary>
    /// The same for a list declared once as a <see cref="PagedQuery{TContext, TArgs, T}"/>, with the arguments
    /// <paramref name="args"/> reads from the field: compiled once per shape.
    /// </summary>
    public static FieldBuilder<TSource, object> ResolvePage<TSource, TDb, TArgs, T>(
        this FieldBuilder<TSource, object> field,
        IDbContextFactory<TDb> factory,
        PagedQuery<TDb, TArgs, T> query,
        Func<IResolveFieldContext<TSource>, TArgs> args)
        where TDb : DbContext
        where TArgs : class =>
        field.ResolvePageFrom(factory, (ctx, db) => query.For(db, args(ctx)));

    /// <summary>
    /// The same, reading only the columns of <paramref name="card"/> when the page asks only for its fields.
    /// </summary>
    public static FieldBuilder<TSource, object> ResolvePage<TSource, TDb, TArgs, T>(
        this FieldBuilder<TSource, object> field,
        IDbContextFactory<TDb> factory,
        PagedQuery<TDb, TArgs, T> query,
        Func<IResolveFieldContext<TSource>, TArgs> args,
        NodeCard<T> card)
        where TDb : DbContext
        where TArgs : class
        where T : class =>
        field.ResolvePageFrom(
            factory, (ctx, db) => query.For(db, args(ctx), card.ServesConnection(ctx) ? card.Projection : null));

    private static FieldBuilder<TSource, object> ResolvePageFrom<TSource, TDb, T>(
        this FieldBuilder<TSource, object> field,
        IDbContextFactory<TDb> factory,
        Func<IResolveFieldContext<TSource>, TDb, IPageSource<T>> sorted)
        where TDb : DbContext =>
        field.PageArguments().ResolveAsync(async ctx =>
        {
            var page = PageRequest.From(ctx);
            Paging.Validate(page);
            await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
            return (object?)(await Paging.ToConnectionAsync(sorted(ctx, db), page, ctx.CancellationToken)).AsGraph();
        });

    /// <summary>Wraps a GraphQL.NET connection data object for <see cref="ConnectionGraphType{TNodeType}"/>.</summary>
    public static IConnection AsGraph<T>(this Connection<T> connection) => new ConnectionView<T>(connection);

    private sealed class ConnectionView<T>(Connection<T> connection) : IConnection
    {
        public int? TotalCount => connection.TotalCount;

        public PageInfo? PageInfo => connection.PageInfo;

        public IEnumerable<IEdge> Edges => (connection.Edges ?? []).Select(e => (IEdge)new EdgeView(e.Cursor, e.Node));

        public IEnumerable<object?> Items => (connection.Items ?? []).Cast<object?>();
    }

    private sealed record EdgeView(string? Cursor, object? Node) : IEdge;
}
