using System.Net.WebSockets;

namespace InterAssociatif.Testing;

/// <summary>
/// A real graphql-transport-ws client over <see cref="ClientWebSocket"/>: sends JSON messages, receives them, and sees
/// the close code.
/// </summary>
public sealed class GraphQLWebSocketClient(ClientWebSocket socket) : IAsyncDisposable
{
    public ClientWebSocket Socket => socket;

    /// <summary>Connects to <c>{origin}/graphql</c> with the graphql-transport-ws subprotocol.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(
            new Uri(origin.Replace("http", "ws", StringComparison.Ordinal) + "/graphql"), CancellationToken.None);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>
    /// Connects and sends <c>connection_init</c> with <paramref name="payload"/> (the credentials); throws
    /// unless the server answers <c>connection_ack</c>.
    /// </summary>
    public static async Task<GraphQLWebSocketClient> InitializedAsync(string origin, object payload)
    {
        var client = await ConnectAsync(origin);
        await client.SendAsync(new { type = "connection_init", payload });
        var ack = (await client.ReceiveAsync())?["type"]?.GetValue<string>();
        return ack == "connection_ack"
            ? client
            : throw new InvalidOperationException($"Expected connection_ack, received {ack ?? "a close"}.");
    }

    /// <summary>
    /// Sends <c>subscribe</c> (<paramref name="payload"/>: <c>query</c> or <c>documentId</c>, variables), then a
    /// ping: messages are handled in order, so once the pong is back the subscription is listening. Throws
    /// if anything else comes first (the subscription was refused).
    /// </summary>
    public async Task ListeningAsync(string id, object payload)
    {
        await SendAsync(new { id, type = "subscribe", payload });
        await SendAsync(new { type = "ping" });
        var next = await ReceiveAsync();
        if (next?["type"]?.GetValue<string>() != "pong")
        {
            var received = next?.ToJsonString() ?? "a close";
            throw new InvalidOperationException($"Expected pong after subscribing, received {received}.");
        }
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    /// <summary>Sends a message written by hand, as a careless client may write it.</summary>
    public Task SendTextAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>
    /// The next message, or null once the server closed the connection (its code is in <c>Socket.CloseStatus</c>).
    /// </summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var buffer = new byte[65536];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellation.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        socket.Dispose();
    }
}
