using System.Collections.Concurrent;

namespace InterAssociatif.Kernel.Events;

/// <summary>
/// Publishes domain events (records, named in the past tense) to the subscribers of this process.
/// The in-memory implementation is the default; a cross-host implementation can replace it.
/// </summary>
public interface IEventBus
{
    ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : class;

    /// <summary>Receives every event of type <typeparamref name="TEvent"/> published after the call, until disposed.</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
        where TEvent : class;
}

/// <summary>Delivers events to the handlers of this process, in publication order per publisher.</summary>
public sealed class InMemoryEventBus : IEventBus
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<Guid, Func<object, CancellationToken, ValueTask>>> _handlers = new();

    public async ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (!_handlers.TryGetValue(typeof(TEvent), out var handlers))
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
