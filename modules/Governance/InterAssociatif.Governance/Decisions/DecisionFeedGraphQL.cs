using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using InterAssociatif.Kernel.Events;

namespace InterAssociatif.Governance.Decisions;

/// <summary>One delivered event: its cursor (pass it as <c>after</c> to resume) and the record it concerns.</summary>
internal sealed record GovernanceFeedItem(long Sequence, object Subject)
{
    public string Cursor => Convert.ToBase64String(Encoding.UTF8.GetBytes($"event:{Sequence}"));

    public static long? Position(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("event:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var sequence))
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

internal sealed class DecisionRecordedEventType : ObjectGraphType<GovernanceFeedItem>
{
    public DecisionRecordedEventType()
    {
        Name = "DecisionRecordedEvent";
        Description = "A decision recorded in the register, with the cursor to resume from.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass it as `after` when you reconnect: you get every decision recorded since, then the new ones.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<DecisionType>>("decision").Description("The decision.").Resolve(ctx => ctx.Source.Subject);
    }
}

internal sealed class FollowUpChangedEventType : ObjectGraphType<GovernanceFeedItem>
{
    public FollowUpChangedEventType()
    {
        Name = "FollowUpChangedEvent";
        Description = "A follow-up whose status changed, with the cursor to resume from.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass it as `after` when you reconnect.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<FollowUpType>>("followUp").Description("The follow-up as it is now.").Resolve(ctx => ctx.Source.Subject);
    }
}

/// <summary>
/// The feeds partner tools subscribe to. Each subscriber first listens for commits, then reads the
/// durable log after its cursor, and reads it again after each commit it hears of: what it delivers
/// always comes from the log, in sequence order — no gap, no duplicate, even when two commits are
/// announced in the opposite order.
/// </summary>
internal sealed class GovernanceSubscriptions(IDbContextFactory<GovernanceDbContext> factory, IEventBus bus) : SubscriptionFields
{
    protected override void Add(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<DecisionRecordedEventType>>("decisionRecorded")
            .Description("Every decision recorded from now on — or, with `after`, since that cursor. Partners, members, analysts and coordinators.")
            .Argument<StringGraphType>("after", "The cursor of the last event you received; default: only new decisions.")
            .Argument<IdGraphType>("bodyId", "Only decisions of this body.")
            .Argument<IdGraphType>("themeId", "Only decisions concerning this theme.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .RequireScope(Scopes.SubscribeDecisions)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(ctx => Feed(ctx, GovernanceEvent.DecisionRecorded));
        subscription.Field<NonNullGraphType<FollowUpChangedEventType>>("followUpChanged")
            .Description("Every follow-up whose status changes from now on — or, with `after`, since that cursor. Partners, members, analysts and coordinators.")
            .Argument<StringGraphType>("after", "The cursor of the last event you received.")
            .Argument<IdGraphType>("bodyId", "Only follow-ups of decisions of this body.")
            .Argument<IdGraphType>("themeId", "Only follow-ups of decisions concerning this theme.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .RequireScope(Scopes.SubscribeDecisions)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(ctx => Feed(ctx, GovernanceEvent.FollowUpChanged));
    }

    /// <summary>
    /// Starts listening and fixes the starting point while the subscription is being set up, so an
    /// event committed once the operation is acknowledged cannot fall between the two. A filter on an
    /// unknown body is refused here, before anything is streamed.
    /// </summary>
    private async Task<IObservable<object?>> Feed(IResolveFieldContext context, string kind)
    {
        var after = GovernanceFeedItem.Position(context.GetArgument<string?>("after"));
        var bodyId = DecodeFilter(context, "bodyId", GovernanceTypeNames.Body);
        var themeId = DecodeFilter(context, "themeId", DirectoryTypeNames.Theme);

        // Notifications only wake the subscriber up: what it delivers is always read from the durable
        // log, in sequence order. One pending wake-up is enough, so the buffer never grows, however
        // slowly the subscriber reads and however many decisions are recorded meanwhile.
        var wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var listening = bus.Subscribe<GovernanceEventCommitted>((e, _) =>
        {
            if (e.Kind == kind && (bodyId is null || e.BodyId == bodyId))
            {
                wakeUps.Writer.TryWrite(true);
            }

            return ValueTask.CompletedTask;
        });

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

            return new AsyncStreamObservable<object?>(cancellation => Stream(new FeedFilter(kind, bodyId, themeId), start, wakeUps, listening, cancellation));
        }
        catch
        {
            listening.Dispose();
            throw;
        }
    }

    private static Guid? DecodeFilter(IResolveFieldContext context, string argument, string typeName) =>
        context.GetArgument<string?>(argument) is { } raw
            ? GlobalId.TryDecode(raw, typeName, out var id) ? id : throw new InvalidIdException(raw)
            : null;

    private async IAsyncEnumerable<object?> Stream(FeedFilter filter, long start, Channel<bool> wakeUps, IDisposable listening, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stopListening = listening;
        var last = start;
        while (true)
        {
            List<GovernanceEvent> batch;
            do
            {
                await using (var db = await factory.CreateDbContextAsync(cancellationToken))
                {
                    batch = await filter.Apply(db, last).OrderBy(e => e.Sequence).Take(100).ToListAsync(cancellationToken);
                }

                foreach (var e in batch)
                {
                    if (await LoadAsync(filter.Kind, e.Sequence, e.SubjectId, cancellationToken) is { } item)
                    {
                        yield return item;
                    }

                    last = e.Sequence;
                }
            }
            while (batch.Count == 100);

            await wakeUps.Reader.ReadAsync(cancellationToken);
        }
    }

    private async Task<GovernanceFeedItem?> LoadAsync(string kind, long sequence, Guid subjectId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        object? subject = kind == GovernanceEvent.DecisionRecorded
            ? await db.Decisions.SingleOrDefaultAsync(d => d.Id == subjectId, cancellationToken)
            : await db.FollowUps.SingleOrDefaultAsync(f => f.Id == subjectId, cancellationToken);
        return subject is null ? null : new GovernanceFeedItem(sequence, subject);
    }

    private sealed record FeedFilter(string Kind, Guid? BodyId, Guid? ThemeId)
    {
        public IQueryable<GovernanceEvent> Apply(GovernanceDbContext db, long after)
        {
            var events = db.Events.Where(e => e.Kind == Kind && e.Sequence > after);
            events = BodyId is { } body ? events.Where(e => e.BodyId == body) : events;

            if (ThemeId is { } theme)
            {
                events = Kind == GovernanceEvent.DecisionRecorded
                    ? events.Where(e => db.DecisionThemes.Any(t => t.DecisionId == e.SubjectId && t.ThemeId == theme))
                    : events.Where(e => db.FollowUps.Any(f => f.Id == e.SubjectId && db.DecisionThemes.Any(t => t.DecisionId == f.DecisionId && t.ThemeId == theme)));
            }

            return events;
        }
    }
}
