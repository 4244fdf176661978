namespace InterAssociatif.Host.Tests.Kernel;

public sealed class EventBusTests
{
    private sealed record SomethingHappened(int Number);

    private sealed record SomethingElseHappened(string Text);

    [Fact]
    public async Task Subscribers_receive_events_of_their_type_in_order_until_they_unsubscribe()
    {
        var bus = new InMemoryEventBus();
        var received = new List<int>();
        var subscription = bus.Subscribe<SomethingHappened>((e, _) =>
        {
            received.Add(e.Number);
            return ValueTask.CompletedTask;
        });

        await bus.PublishAsync(new SomethingHappened(1));
        await bus.PublishAsync(new SomethingElseHappened("ignored"));
        await bus.PublishAsync(new SomethingHappened(2));
        subscription.Dispose();
        await bus.PublishAsync(new SomethingHappened(3));

        Assert.Equal([1, 2], received);
    }
}
