using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace InterAssociatif.Testing;

/// <summary>
/// A Kestrel connection middleware that lets a test stop a client from reading, deterministically:
/// the server's output goes through a small in-memory pipe (16 KB before the writer waits) that is
/// forwarded to the socket until the test calls <see cref="Stall"/> for the client's port. From
/// then on nothing more reaches the socket, so the server's writes block once the pipe is full —
/// whatever the machine's TCP buffer sizes.
/// </summary>
public sealed class StallableConnections
{
    private const long PauseAt = 16 * 1024;
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _stalled = new();

    /// <summary>Stops forwarding the server's output to the client connected from this local port.</summary>
    public void Stall(int clientPort) => _stalled.GetOrAdd(clientPort, _ => new TaskCompletionSource()).TrySetResult();

    public Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => async connection =>
    {
        if (connection.RemoteEndPoint is not IPEndPoint remote)
        {
            await next(connection);
            return;
        }

        var stall = _stalled.GetOrAdd(remote.Port, _ => new TaskCompletionSource());
        var original = connection.Transport;
        var output = new Pipe(
            new PipeOptions(
                pauseWriterThreshold: PauseAt, resumeWriterThreshold: PauseAt / 2, useSynchronizationContext: false));
        connection.Transport = new Duplex(original.Input, output.Writer);
        var pump = ForwardAsync(output.Reader, original.Output, stall.Task, connection.ConnectionClosed);
        try
        {
            await next(connection);
        }
        finally
        {
            await output.Writer.CompleteAsync();
            connection.Transport = original;
            await pump;
            _stalled.TryRemove(remote.Port, out _);
        }
    };

    private static async Task ForwardAsync(PipeReader reader, PipeWriter socket, Task stalled, CancellationToken closed)
    {
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(closed);
                if (stalled.IsCompleted)
                {
                    // The client "reads nothing" from now on: hold everything until the connection ends.
                    await Task.Delay(Timeout.Infinite, closed);
                }

                foreach (var segment in read.Buffer)
                {
                    await socket.WriteAsync(segment, closed);
                }

                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
