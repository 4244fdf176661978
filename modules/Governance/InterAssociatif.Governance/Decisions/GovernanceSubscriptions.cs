using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Types;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Kernel.Events;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using Microsoft.EntityFrameworkCore;

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
/// The feeds partner tools subscribe to. Each subscriber first listens to live events, then replays
/// the durable log after its cursor, then continues live, skipping what it already delivered: no
/// gap, no duplicate, in the order events were committed.
/// </summary>
internal sealed class GovernanceSubscriptions(IDbContextFactory<GovernanceDbContext> factory, IEventBus bus) : IGraphTypeExtension
{
    public string TypeName => "Subscription";

    public void Extend(IComplexGraphType type)
    {
        var subscription = (ObjectGraphType)type;
        subscription.Field<NonNullGraphType<DecisionRecordedEventType>>("decisionRecorded")
            .Description("Every decision recorded from now on — or, with `after`, since that cursor. Partners, members, analysts and coordinators.")
            .Argument<StringGraphType>("after", "The cursor of the last event you received; default: only new decisions.")
            .Argument<IdGraphType>("bodyId", "Only decisions of this body.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(ctx => Feed(ctx, GovernanceEvent.DecisionRecorded));
        subscription.Field<NonNullGraphType<FollowUpChangedEventType>>("followUpChanged")
            .Description("Every follow-up whose status changes from now on — or, with `after`, since that cursor. Partners, members, analysts and coordinators.")
            .Argument<StringGraphType>("after", "The cursor of the last event you received.")
            .Argument<IdGraphType>("bodyId", "Only follow-ups of decisions of this body.")
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(ctx => Feed(ctx, GovernanceEvent.FollowUpChanged));
    }

    /// <summary>
    /// Starts listening and fixes the starting point while the subscription is being set up, so an
    /// event committed once the operation is acknowledged cannot fall between the two.
    /// </summary>
    private async Task<IObservable<object?>> Feed(IResolveFieldContext context, string kind)
    {
        var after = GovernanceFeedItem.Position(context.GetArgument<string?>("after"));
        Guid? bodyId = null;
        if (context.GetArgument<string?>("bodyId") is { } raw)
        {
            bodyId = GlobalId.TryDecode(raw, BodyService.TypeName, out var id) ? id : throw new InvalidIdException(raw);
        }

        var live = Channel.CreateUnbounded<GovernanceEventCommitted>();
        var listening = bus.Subscribe<GovernanceEventCommitted>((e, _) =>
        {
            if (e.Kind == kind && (bodyId is null || e.BodyId == bodyId))
            {
                live.Writer.TryWrite(e);
            }

            return ValueTask.CompletedTask;
        });

        long start;
        await using (var db = await factory.CreateDbContextAsync(context.CancellationToken))
        {
            // Without a cursor, the feed starts after the newest event already committed.
            start = after ?? await db.Events.MaxAsync(e => (long?)e.Sequence, context.CancellationToken) ?? 0;
        }

        return new AsyncStreamObservable<object?>(cancellation => Stream(kind, start, bodyId, live, listening, cancellation));
    }

    private async IAsyncEnumerable<object?> Stream(string kind, long start, Guid? bodyId, Channel<GovernanceEventCommitted> live, IDisposable listening, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stopListening = listening;
        var last = start;
        while (true)
        {
            List<GovernanceEvent> missed;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                var from = last;
                missed = await db.Events.Where(e => e.Kind == kind && e.Sequence > from && (bodyId == null || e.BodyId == bodyId))
                    .OrderBy(e => e.Sequence).Take(100).ToListAsync(cancellationToken);
            }

            foreach (var e in missed)
            {
                if (await LoadAsync(kind, e.Sequence, e.SubjectId, cancellationToken) is { } item)
                {
                    yield return item;
                }

                last = e.Sequence;
            }

            if (missed.Count < 100)
            {
                break;
            }
        }

        await foreach (var e in live.Reader.ReadAllAsync(cancellationToken))
        {
            if (e.Sequence <= last)
            {
                continue;
            }

            if (await LoadAsync(kind, e.Sequence, e.SubjectId, cancellationToken) is { } item)
            {
                yield return item;
            }

            last = e.Sequence;
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
}
