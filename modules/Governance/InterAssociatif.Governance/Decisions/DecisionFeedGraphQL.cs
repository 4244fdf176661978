namespace InterAssociatif.Governance.Decisions;

/// <summary>One delivered event: its cursor (pass it as <c>after</c> to resume) and the record it concerns.</summary>
internal sealed record GovernanceFeedItem(long Sequence, object Subject) : ISharedEvent
{
    public SharedExecutions Executions { get; } = new();

    public string Cursor => CursorOf(Sequence);

    /// <summary>The cursor that resumes a feed after event <paramref name="sequence"/> (0: from the start).</summary>
    public static string CursorOf(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"event:{sequence}"));

    public static long? Position(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("event:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }

        throw new ExecutionError("`after` is not a cursor of this feed.") { Code = "INVALID_CURSOR" };
    }
}

internal sealed class DecisionRecordedEventType : ObjectType<GovernanceFeedItem>
{
    public DecisionRecordedEventType()
        : base("DecisionRecordedEvent", "A decision recorded in the register, with the cursor to resume from.")
    {
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description(
                "Pass it as `after` when you reconnect: you get every decision recorded since, then the new ones.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<DecisionType>>("decision")
            .Description("The decision.")
            .Resolve(ctx => ctx.Source.Subject);
    }
}

internal sealed class FollowUpChangedEventType : ObjectType<GovernanceFeedItem>
{
    public FollowUpChangedEventType()
        : base("FollowUpChangedEvent", "A follow-up whose status changed, with the cursor to resume from.")
    {
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass it as `after` when you reconnect.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<FollowUpType>>("followUp")
            .Description("The follow-up as it is now.")
            .Resolve(ctx => ctx.Source.Subject);
    }
}

/// <summary>
/// <c>Query.decisionFeedPosition</c>: where the feeds stand now, for a partner tool's initial sync.
/// </summary>
internal sealed class DecisionFeedQueries(IDbContextFactory<GovernanceDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<StringGraphType>>("decisionFeedPosition")
            .Description(
                "The current position of the decision and follow-up feeds: the cursor of the newest event. Read it, "
                + "do your initial sync (`decisions`, `followUps`), then subscribe to `decisionRecorded` or "
                + "`followUpChanged` with `after` set to it: whatever was recorded in between comes first, none "
                + "missed, none twice. Partners, members, analysts and coordinators.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .RequireScope(Scopes.SubscribeDecisions)
            .ResolveAsync(async ctx =>
            {
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                var head = await db.Events.MaxAsync(e => (long?)e.Sequence, ctx.CancellationToken) ?? 0;
                return GovernanceFeedItem.CursorOf(head);
            });
}

/// <summary>
/// The feeds partner tools subscribe to, served by the host's <see cref="GovernanceFeedHub"/>: what a
/// subscriber receives always comes from the durable log, in sequence order, with no gap and no
/// duplicate, whether it keeps up with the reader or catches up from the log on its own.
/// </summary>
internal sealed class GovernanceSubscriptions(IDbContextFactory<GovernanceDbContext> factory, GovernanceFeedHub hub)
    : SubscriptionFields
{
    protected override void Add(ObjectGraphType subscription)
    {
        AddFeed<DecisionRecordedEventType>(
            subscription,
            "decisionRecorded",
            "Every decision recorded from now on — or, with `after`, since that cursor.",
            "The cursor of the last event you received; default: only new decisions.",
            "decisions",
            GovernanceEvent.DecisionRecorded);
        AddFeed<FollowUpChangedEventType>(
            subscription,
            "followUpChanged",
            "Every follow-up whose status changes from now on — or, with `after`, since that cursor.",
            "The cursor of the last event you received.",
            "follow-ups of decisions",
            GovernanceEvent.FollowUpChanged);
    }

    /// <summary>
    /// A feed of the durable log: one kind of event, from now on or after a cursor, by body or theme.
    /// </summary>
    private void AddFeed<TEventType>(
        ObjectGraphType subscription, string name, string description, string after, string records, string kind)
        where TEventType : IGraphType =>
        subscription.Field<NonNullGraphType<TEventType>>(name)
            .Description(description + " Partners, members, analysts and coordinators.")
            .Argument<StringGraphType>("after", after)
            .Argument<IdGraphType>("bodyId", $"Only {records} of this body.")
            .Argument<IdGraphType>("themeId", $"Only {records} concerning this theme.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .RequireScope(Scopes.SubscribeDecisions)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(ctx => Feed(ctx, kind));

    /// <summary>
    /// Registers with the hub, then fixes the starting point while the subscription is being set up, so
    /// an event committed once the operation is acknowledged cannot fall between the two. A filter on an
    /// unknown body is refused here, before anything is streamed.
    /// </summary>
    private async Task<IObservable<object?>> Feed(IResolveFieldContext context, string kind)
    {
        var after = GovernanceFeedItem.Position(context.GetArgument<string?>("after"));
        var bodyId = DecodeFilter(context, "bodyId", GovernanceTypeNames.Body);
        var themeId = DecodeFilter(context, "themeId", DirectoryTypeNames.Theme);
        var registration = await hub.SubscribeAsync(new FeedFilter(kind, bodyId, themeId), context.CancellationToken);
        try
        {
            long start;
            await using (var db = await factory.CreateDbContextAsync(context.CancellationToken))
            {
                if (bodyId is { } body && !await db.Bodies.AnyAsync(b => b.Id == body, context.CancellationToken))
                {
                    throw new ExecutionError("`bodyId`: no body has this id.") { Code = "NOT_FOUND" };
                }

                // Without a cursor, the feed starts after the newest event already committed.
                start = after ?? await db.Events.MaxAsync(e => (long?)e.Sequence, context.CancellationToken) ?? 0;
            }

            return new AsyncStreamObservable<object?>(cancellation => Stream(registration, start, cancellation));
        }
        catch
        {
            registration.Dispose();
            throw;
        }
    }

    private static async IAsyncEnumerable<object?> Stream(
        GovernanceFeedHub.FeedSubscription registration,
        long start,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var unregister = registration;
        await foreach (var item in registration.ReadAsync(start, cancellationToken))
        {
            yield return item;
        }
    }

    private static Guid? DecodeFilter(IResolveFieldContext context, string argument, string typeName) =>
        context.GetArgument<string?>(argument) is { } raw
            ? GlobalId.TryDecode(raw, typeName, out var id) ? id : throw new InvalidIdException(raw)
            : null;
}
