namespace InterAssociatif.Kernel.GraphQL;

/// <summary>The root <c>Query</c>: Relay's <c>node</c>/<c>nodes</c>, plus what each enabled module adds.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(GraphTypeExtensions extensions, NodeRegistry nodes)
    {
        Name = "Query";
        Description = "Everything that can be read: the directory of the network, and what each enabled module adds.";

        Field<NodeInterfaceType>("node")
            .Description("Fetches any record by its global id; null when no such record exists.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id returned by the API.")
            .Resolve(ctx => LoadNode(ctx, nodes, ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NodeInterfaceType>>>("nodes")
            .Description(
                "Fetches several records by their global ids, in the same order; null for an id with no record. One "
                + "SQL command per type, whatever the number of ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>(
                "ids", $"At most {Paging.MaxPageSize} global ids.")
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > Paging.MaxPageSize)
                {
                    throw new InvalidPaginationException("ids", $"`ids` must hold at most {Paging.MaxPageSize} ids.");
                }

                var results = ids.Select(id => LoadNode(ctx, nodes, id)).ToList();
                return DataLoaderResolveExtensions.WhenAll(results);
            });

        extensions.ApplyTo(this);
    }

    private static IDataLoaderResult<object?> LoadNode(IResolveFieldContext ctx, NodeRegistry nodes, string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var key) || !nodes.Knows(typeName))
        {
            throw new InvalidIdException(id);
        }

        // A type the caller may not read is refused before anything is loaded, like a forbidden field.
        if (ctx.Schema.AllTypes[typeName] is { } type && !AuthorizationValidationRule.IsAllowed(type, ctx.User))
        {
            throw new ExecutionError(
                $"Access denied to the type {typeName}: it requires {AuthorizationValidationRule.Describe(type)}.")
            {
                Code = AccessDeniedError.ErrorCode
            };
        }

        return nodes.Load(ctx, typeName, key);
    }
}

/// <summary>An id that is not a global id of a known type (<c>extensions.code = INVALID_ID</c>).</summary>
public sealed class InvalidIdException : ExecutionError
{
    public InvalidIdException(string id)
        : base($"`{Truncate(id)}` is not a valid global id.")
    {
        Code = "INVALID_ID";
    }

    private static string Truncate(string id) => id.Length > 60 ? id[..60] + "…" : id;
}

/// <summary>The root <c>Mutation</c>: what each enabled module adds.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(GraphTypeExtensions extensions)
    {
        Name = "Mutation";
        Description = "Every change. Each mutation takes one `input`, runs in one transaction, and returns a payload "
            + "with the changed record or typed `errors` (and then nothing is written).";
        extensions.ApplyTo(this);
    }
}

/// <summary>The one schema of the system, assembled from the enabled modules' contributions.</summary>
public sealed class InterAssociatifSchema : Schema
{
    public InterAssociatifSchema(IServiceProvider services, GraphTypeExtensions extensions)
        : base(services)
    {
        Description = "InterAssociatif: the network of associations of a contrat de ville — directory, meetings, "
            + "surveys and governance.";
        Query = services.GetRequiredService<QueryType>();
        if (extensions.Any("Mutation"))
        {
            Mutation = services.GetRequiredService<MutationType>();
        }

        if (extensions.Any("Subscription"))
        {
            Subscription = services.GetRequiredService<SubscriptionType>();
        }

        RegisterType(typeof(NotFoundErrorType));
        RegisterType(typeof(ValidationErrorType));
        RegisterType(typeof(ConflictErrorType));
        RegisterType(typeof(NotConfiguredErrorType));
    }
}
