namespace InterAssociatif.Governance.Webhooks;

/// <summary>Who registers and manages webhook endpoints: coordinators (all), partner tools (their own).</summary>
internal static class WebhookRoles
{
    public static readonly string[] Managers = [Roles.Coordinator, Roles.Partner];
}

internal sealed class WebhookEndpointType : NodeType<WebhookEndpoint>
{
    public WebhookEndpointType(NodeRegistry nodes)
        : base(
            GovernanceTypeNames.WebhookEndpoint,
            "A partner tool's webhook: an HTTPS URL that receives governance events (Standard Webhooks: signed, "
                + "retried, in log order). A partner tool sees its own; coordinators see all.")
    {
        this.AuthorizeWithRoles(WebhookRoles.Managers);
        this.RequireScope(Scopes.SubscribeDecisions);
        Field(e => e.Url).Description("Where events are posted.");
        Field(e => e.Description, nullable: true).Description("What it is for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<WebhookEventKind>>>>>("events")
            .Description("The kinds of events it receives.")
            .Resolve(ctx => ctx.Source.EventKinds);
        Field<BodyType>("body")
            .Description("Only events of decisions of this body.")
            .Resolve(ctx =>
                ctx.Source.BodyId is { } body ? ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, body) : null
            );
        Field("theme", new GraphQLTypeReference(DirectoryTypeNames.Theme))
            .Description("Only events of decisions concerning this theme.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Theme, ctx.Source.ThemeId));
        Field<NonNullGraphType<EnumerationGraphType<WebhookEndpointStatus>>>("status")
            .Description("Active, paused by its owner, or disabled by the server.")
            .Resolve(ctx => ctx.Source.Status);
        Field(e => e.DisabledReason, nullable: true).Description("Why the server stopped delivering.");
        Field<NonNullGraphType<StringGraphType>>("position")
            .Description("The position of the last event handled: events after it are still to come.")
            .Resolve(ctx => GovernanceFeedItem.CursorOf(ctx.Source.Position));
        Field(e => e.Failures).Description("Failed attempts at the event it is stuck on (0 when all is well).");
        Field(e => e.NextAttemptAt, nullable: true).Description("When that event is tried again.");
        Field(e => e.PreviousSecretUntil, nullable: true)
            .Description("Until when the secret replaced at the last rotation still signs deliveries.");
        Field(e => e.CreatedAt).Description("When it was registered.");
    }
}

internal sealed class WebhookDeliveryType : ObjectType<WebhookAttempt>
{
    public WebhookDeliveryType()
        : base("WebhookDelivery", "One attempt to deliver one event to a webhook endpoint (the delivery log).")
    {
        this.AuthorizeWithRoles(WebhookRoles.Managers);
        this.RequireScope(Scopes.SubscribeDecisions);
        Field<NonNullGraphType<StringGraphType>>("position")
            .Description(
                "The event's position in the log (`position` of the body; give it to `redeliverWebhookEvent`).")
            .Resolve(ctx => GovernanceFeedItem.CursorOf(ctx.Source.Sequence));
        Field("type", a => a.EventType).Description("The event's type, e.g. `decision.recorded`.");
        Field(a => a.Attempt).Description("1 for the first attempt at this event, 2 for the first retry…");
        Field(a => a.At).Description("When it was sent.");
        Field(a => a.Succeeded).Description("Whether the receiver answered 2xx in time.");
        Field(a => a.StatusCode, nullable: true).Description("The receiver's HTTP status; null when none came.");
        Field(a => a.Error, nullable: true).Description("What went wrong.");
        Field(a => a.DurationMs).Description("How long it took, in milliseconds.");
        Field(a => a.NextAttemptAt, nullable: true).Description("When the event is tried again after this failure.");
    }
}

internal sealed class IssuedWebhookSecretType : ObjectType<IssuedWebhookSecret>
{
    public IssuedWebhookSecretType()
        : base(
            "IssuedWebhookSecret",
            "A webhook endpoint with its signing secret (`whsec_…`), shown this once: keep it to verify the "
                + "`webhook-signature` of each delivery.")
    {
        this.AuthorizeWithRoles(WebhookRoles.Managers);
        this.RequireScope(Scopes.SubscribeDecisions);
        Field<NonNullGraphType<WebhookEndpointType>>("endpoint")
            .Description("The endpoint.")
            .Resolve(ctx => ctx.Source.Endpoint);
        Field(s => s.Secret).Description("The signing secret, in the Standard Webhooks format.");
    }
}

/// <summary>The endpoints and their delivery log, each caller seeing its own (coordinators: all).</summary>
internal sealed class WebhookQueries(IDbContextFactory<GovernanceDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query)
    {
        query
            .Field<NonNullGraphType<ConnectionGraphType<WebhookEndpointType>>>("webhookEndpoints")
            .Description("Webhook endpoints, newest first: a partner tool's own, or all for coordinators.")
            .AuthorizeWithRoles(WebhookRoles.Managers)
            .RequireScope(Scopes.SubscribeDecisions)
            .ResolvePage(factory, (ctx, db) => Visible(db, ctx).OrderByDescending(e => e.Id));

        query
            .Field<NonNullGraphType<ConnectionGraphType<WebhookDeliveryType>>>("webhookDeliveries")
            .Description(
                "The delivery log of one endpoint, newest first: every attempt, its status and the next one; "
                    + "attempts older than the host's retention window (90 days unless its operator says otherwise) "
                    + "are deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("endpointId", "The endpoint.")
            .AuthorizeWithRoles(WebhookRoles.Managers)
            .RequireScope(Scopes.SubscribeDecisions)
            .ResolvePage(factory, (ctx, db) =>
            {
                var raw = ctx.GetArgument<string>("endpointId");
                if (
                    !GlobalId.TryDecode(raw, GovernanceTypeNames.WebhookEndpoint, out var id)
                    || !Visible(db, ctx).Any(e => e.Id == id)
                )
                {
                    throw new ExecutionError("`endpointId`: no webhook endpoint of yours has this id.")
                    {
                        Code = "NOT_FOUND",
                    };
                }

                return db.WebhookAttempts.Where(a => a.EndpointId == id).OrderByDescending(a => a.Id);
            });
    }

    private static IQueryable<WebhookEndpoint> Visible(GovernanceDbContext db, IResolveFieldContext ctx)
    {
        if (ctx.User.IsCoordinator())
        {
            return db.WebhookEndpoints;
        }

        var owner = ctx.User.Owner();
        return db.WebhookEndpoints.Where(e => e.Owner == owner);
    }
}

/// <summary>Registering and managing webhook endpoints: coordinators, and partner tools for their own.</summary>
internal sealed class WebhookMutations(WebhookService webhooks) : MutationFields
{
    private const string Endpoint = GovernanceTypeNames.WebhookEndpoint;

    protected override void Add(ObjectGraphType type)
    {
        Add<RegisterWebhookEndpointInput, IssuedWebhookSecret>(
            type,
            "registerWebhookEndpoint",
            "Registers a webhook endpoint; it receives the events recorded from now on. Its signing secret is in "
                + "the payload, this once.",
            "issued",
            "IssuedWebhookSecret",
            webhooks.RegisterAsync
        );
        Add<PauseWebhookEndpointInput, WebhookEndpoint>(
            type,
            "pauseWebhookEndpoint",
            "Pauses deliveries to an endpoint; events wait in the log.",
            "endpoint",
            Endpoint,
            webhooks.PauseAsync
        );
        Add<ResumeWebhookEndpointInput, WebhookEndpoint>(
            type,
            "resumeWebhookEndpoint",
            "Resumes a paused or disabled endpoint where it stopped, with a fresh retry schedule.",
            "endpoint",
            Endpoint,
            webhooks.ResumeAsync
        );
        Add<DeleteWebhookEndpointInput, WebhookEndpoint>(
            type,
            "deleteWebhookEndpoint",
            "Deletes an endpoint and its delivery log.",
            "endpoint",
            Endpoint,
            webhooks.DeleteAsync
        );
        Add<RotateWebhookSecretInput, IssuedWebhookSecret>(
            type,
            "rotateWebhookSecret",
            "Issues a new signing secret (in the payload, this once); deliveries carry both signatures until "
                + "`previousSecretUntil`.",
            "issued",
            "IssuedWebhookSecret",
            webhooks.RotateSecretAsync
        );
        Add<ReplayWebhookEventsInput, WebhookEndpoint>(
            type,
            "replayWebhookEvents",
            "Delivers again, in order, every event of the endpoint's kinds after `after` (same `webhook-id`s).",
            "endpoint",
            Endpoint,
            webhooks.ReplayAsync
        );
        Add<RedeliverWebhookEventInput, WebhookEndpoint>(
            type,
            "redeliverWebhookEvent",
            "Delivers one event once more, ahead of the endpoint's queue.",
            "endpoint",
            Endpoint,
            webhooks.RedeliverAsync
        );
    }

    /// <summary>
    /// A mutation of webhook endpoints: for coordinators, and for partner tools (their own endpoints, with
    /// <c>SUBSCRIBE_DECISIONS</c>); the service is told who calls.
    /// </summary>
    private static void Add<TInput, TResult>(
        ObjectGraphType type,
        string name,
        string description,
        string resultField,
        string resultType,
        Func<TInput, ClaimsPrincipal?, CancellationToken, Task<MutationResult<TResult>>> handle
    )
        where TInput : class
        where TResult : class =>
        type.AddMutation<TInput, TResult>(
                name,
                description + " Coordinators, and partner tools (`SUBSCRIBE_DECISIONS`) for their own endpoints.",
                resultField,
                resultType,
                (input, ctx) => handle(input, ctx.User, ctx.CancellationToken),
                WebhookRoles.Managers
            )
            .RequireScope(Scopes.SubscribeDecisions);
}
