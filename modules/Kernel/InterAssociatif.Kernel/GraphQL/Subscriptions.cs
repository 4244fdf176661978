namespace InterAssociatif.Kernel.GraphQL;

/// <summary>The root <c>Subscription</c>: what each enabled module adds (Governance: decisions).</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(GraphTypeExtensions extensions)
    {
        Name = "Subscription";
        Description = "Live feeds, over the graphql-transport-ws WebSocket protocol or GraphQL over SSE (POST with "
            + "Accept: text/event-stream).";
        extensions.ApplyTo(this);
    }
}

/// <summary>
/// Turns an async stream into the <see cref="IObservable{T}"/> GraphQL.NET subscriptions expect:
/// each subscriber runs its own enumeration, cancelled when it unsubscribes.
/// </summary>
public sealed class AsyncStreamObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> stream) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var cancellation = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in stream(cancellation.Token)
                    .WithCancellation(cancellation.Token)
                    .ConfigureAwait(false))
                {
                    observer.OnNext(item);
                }

                observer.OnCompleted();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Unsubscribed.
            }
            catch (Exception exception)
            {
                observer.OnError(exception);
            }
        });
        return new Unsubscriber(cancellation);
    }

    private sealed class Unsubscriber(CancellationTokenSource cancellation) : IDisposable
    {
        public void Dispose()
        {
            if (!cancellation.IsCancellationRequested)
            {
                cancellation.Cancel();
            }
        }
    }
}
