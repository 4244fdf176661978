namespace InterAssociatif.Kernel.Events;

/// <summary>
/// Publishes domain events (records, named in the past tense) to the subscribers of this process and,
/// when the host runs beside others, of every other instance. The in-memory implementation is the
/// default; the host replaces it with a Redis one when several instances share a database.
/// </summary>
public interface IEventBus
{
    /// <summary>
    /// Null while every instance's events reach this one's subscribers as they are published; otherwise
    /// (another instance's events cannot reach this one right now) how often a reader of a durable log
    /// should read it on its own. Each change is announced to this process as an <see cref="EventLogCheck"/>.
    /// </summary>
    TimeSpan? PollInterval => null;

    ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : class;

    /// <summary>
    /// Receives every event of type <typeparamref name="TEvent"/> published after the call, until disposed.
    /// </summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
        where TEvent : class;
}

/// <summary>
/// Published in this process when other instances' events may have been missed: when their delivery stops
/// or comes back, and now and then while it works (a signal can be lost — an instance stopped between its
/// commit and its signal). Readers of a durable log read it once and look at
/// <see cref="IEventBus.PollInterval"/> again.
/// </summary>
public sealed record EventLogCheck(bool Pushed);

/// <summary>Delivers events to the handlers of this process, in publication order per publisher.</summary>
public sealed class InMemoryEventBus : IEventBus
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<Guid, Func<object, CancellationToken, ValueTask>>>
        _handlers = new();

    public ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(@event);
        return PublishAsync(typeof(TEvent), @event, cancellationToken);
    }

    /// <summary>Delivers an event known by its type at run time (one that came from another instance).</summary>
    public async ValueTask PublishAsync(Type eventType, object @event, CancellationToken cancellationToken = default)
    {
        if (!_handlers.TryGetValue(eventType, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            await handler(@event, cancellationToken).ConfigureAwait(false);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
        where TEvent : class
    {
        var handlers = _handlers.GetOrAdd(typeof(TEvent), _ => new());
        var key = Guid.NewGuid();
        handlers[key] = (e, ct) => handler((TEvent)e, ct);
        return new Subscription(() => handlers.TryRemove(key, out _));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
