namespace InterAssociatif.Governance.Webhooks;

/// <summary>
/// Where the dispatcher's deliveries run: <c>Webhooks:Concurrency</c> slots for receivers that answer in time, and as
/// many again for slow ones, so that slow receivers never hold the slots of the others. A delivery whose receiver has
/// not answered within <c>Webhooks:SlowAfter</c> moves to the slow lane when it has room there, freeing its slot;
/// an endpoint whose last answer came late sends its next delivery in the slow lane, until an answer is quick again.
/// </summary>
internal sealed class DeliveryLanes(int concurrency, TimeSpan slowAfter, TimeProvider time) : IDisposable
{
    private readonly TimeSpan _slowAfter = slowAfter;
    private readonly TimeProvider _time = time;
    private readonly SemaphoreSlim _prompt = new(concurrency);
    private readonly SemaphoreSlim _slow = new(concurrency);
    private readonly ConcurrentDictionary<Guid, bool> _slowEndpoints = new();

    /// <summary>Whether the endpoint's last answer came late: its next delivery goes to the slow lane.</summary>
    public bool IsSlow(Guid endpoint) => _slowEndpoints.ContainsKey(endpoint);

    /// <summary>Waits for a slot in the endpoint's lane; disposing the slot gives it back.</summary>
    public async Task<Slot> EnterAsync(Guid endpoint, CancellationToken stop)
    {
        var slow = IsSlow(endpoint);
        await (slow ? _slow : _prompt).WaitAsync(stop);
        return new Slot(this, endpoint, slow);
    }

    public void Dispose()
    {
        _prompt.Dispose();
        _slow.Dispose();
    }

    /// <summary>One delivery's place in a lane.</summary>
    internal sealed class Slot(DeliveryLanes lanes, Guid endpoint, bool slow) : IDisposable
    {
        private bool _inSlowLane = slow;
        private bool? _answeredLate;

        /// <summary>The receiver's answer; past <c>SlowAfter</c> the delivery moves to the slow lane if room.</summary>
        public async Task<T> AnswerAsync<T>(Task<T> answer)
        {
            using var stopWatching = new CancellationTokenSource();
            var late = Task.Delay(lanes._slowAfter, lanes._time, stopWatching.Token);
            _answeredLate = await Task.WhenAny(answer, late) == late && late.IsCompletedSuccessfully;
            await stopWatching.CancelAsync();
            if (_answeredLate == true && !_inSlowLane && lanes._slow.Wait(0))
            {
                lanes._prompt.Release();
                _inSlowLane = true;
            }

            return await answer;
        }

        public void Dispose()
        {
            (_inSlowLane ? lanes._slow : lanes._prompt).Release();
            if (_answeredLate == true)
            {
                lanes._slowEndpoints[endpoint] = true;
            }
            else if (_answeredLate == false)
            {
                lanes._slowEndpoints.TryRemove(endpoint, out _);
            }
        }
    }
}
