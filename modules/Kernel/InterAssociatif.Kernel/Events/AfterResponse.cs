namespace InterAssociatif.Kernel.Events;

/// <summary>
/// Work that a request's writes set off but that should not compete with the writer's own answer (the
/// governance feed's reader, waking to hand a new decision to a thousand subscribers). Inside a request
/// whose transport began it (the host's HTTP endpoint), it runs once the response is sent; anywhere
/// else, at once. It only ever delays a signal: what it wakes reads the durable log.
/// </summary>
public static class AfterResponse
{
    private static readonly AsyncLocal<Pending?> Current = new();

    /// <summary>Defers <see cref="Run"/> in the current request until the returned work is run.</summary>
    public static Pending Begin() => Current.Value = new Pending();

    /// <summary>Runs <paramref name="action"/> once the current response is sent, or now.</summary>
    public static void Run(Action action)
    {
        if (Current.Value is not { } pending || !pending.TryAdd(action))
        {
            action();
        }
    }

    /// <summary>
    /// What a request deferred; <see cref="RunAll"/> runs it once, and what comes later runs at once.
    /// </summary>
    public sealed class Pending
    {
        private readonly Lock _lock = new();
        private List<Action>? _actions = [];

        internal bool TryAdd(Action action)
        {
            lock (_lock)
            {
                _actions?.Add(action);
                return _actions is not null;
            }
        }

        public void RunAll()
        {
            List<Action>? actions;
            lock (_lock)
            {
                (actions, _actions) = (_actions, null);
            }

            foreach (var action in actions ?? [])
            {
                action();
            }
        }
    }
}
