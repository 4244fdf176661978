namespace InterAssociatif.Governance.Tests.Webhooks;

/// <summary>The delivery lanes, on a clock the test moves: a late answer frees its slot.</summary>
public sealed class DeliveryLanesTests
{
    private static readonly TimeSpan SlowAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_late_answer_frees_its_slot_and_sends_the_endpoint_to_the_slow_lane_until_it_answers_in_time()
    {
        var clock = new FakeTimeProvider();
        using var lanes = new DeliveryLanes(1, SlowAfter, clock);
        var (slow, prompt) = (Guid.NewGuid(), Guid.NewGuid());
        var answer = new TaskCompletionSource<int>();
        var first = await lanes.EnterAsync(slow, CancellationToken.None);
        var answering = first.AnswerAsync(answer.Task);
        var waiting = lanes.EnterAsync(prompt, CancellationToken.None);
        clock.Advance(SlowAfter - TimeSpan.FromTicks(1));
        Assert.False(waiting.IsCompleted); // the only prompt slot is the late delivery's

        clock.Advance(TimeSpan.FromTicks(1));
        (await waiting.WaitAsync(Soon)).Dispose(); // it moved to the slow lane and gave its slot back
        answer.SetResult(200);
        Assert.Equal(200, await answering);
        first.Dispose();
        Assert.True(lanes.IsSlow(slow));
        Assert.False(lanes.IsSlow(prompt));

        using (var next = await lanes.EnterAsync(slow, CancellationToken.None).WaitAsync(Soon))
        {
            Assert.Equal(7, await next.AnswerAsync(Task.FromResult(7)));
        }

        Assert.False(lanes.IsSlow(slow));
    }

    [Fact]
    public async Task A_late_answer_keeps_its_slot_while_the_slow_lane_is_full()
    {
        var clock = new FakeTimeProvider();
        using var lanes = new DeliveryLanes(1, SlowAfter, clock);
        var hanging = new TaskCompletionSource<int>();
        var first = await lanes.EnterAsync(Guid.NewGuid(), CancellationToken.None);
        var firstAnswer = first.AnswerAsync(hanging.Task);
        clock.Advance(SlowAfter);
        var second = await lanes.EnterAsync(Guid.NewGuid(), CancellationToken.None).WaitAsync(Soon);
        var secondAnswer = second.AnswerAsync(hanging.Task);
        clock.Advance(SlowAfter);

        var third = lanes.EnterAsync(Guid.NewGuid(), CancellationToken.None);
        await Task.Delay(50); // nothing frees a slot: neither a clock nor an answer moves
        Assert.False(third.IsCompleted);
        hanging.SetResult(200);
        await Task.WhenAll(firstAnswer, secondAnswer);
        second.Dispose();
        (await third.WaitAsync(Soon)).Dispose();
        first.Dispose();
    }
}
