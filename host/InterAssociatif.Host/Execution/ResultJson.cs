namespace InterAssociatif.Host.Execution;

/// <summary>
/// A result as UTF-8 JSON for the streaming transports: a result shared by several subscribers was
/// written once already; any other is written here, without an intermediate string.
/// </summary>
internal static class ResultJson
{
    public static async ValueTask<ReadOnlyMemory<byte>> WriteAsync(
        IGraphQLSerializer serializer, ExecutionResult result)
    {
        if (result is SharedExecutionResult shared)
        {
            return shared.Json;
        }

        using var json = new MemoryStream();
        await serializer.WriteAsync(json, result);
        return json.GetBuffer().AsMemory(0, (int)json.Length);
    }

    /// <summary>
    /// One message of a streaming transport: <paramref name="prefix"/>, the JSON, <paramref name="suffix"/>.
    /// </summary>
    public static byte[] Frame(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> json, ReadOnlySpan<byte> suffix)
    {
        var message = new byte[prefix.Length + json.Length + suffix.Length];
        prefix.CopyTo(message);
        json.CopyTo(message.AsSpan(prefix.Length));
        suffix.CopyTo(message.AsSpan(prefix.Length + json.Length));
        return message;
    }
}
