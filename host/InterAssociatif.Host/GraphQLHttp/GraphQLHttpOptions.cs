namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>Limits of the GraphQL HTTP endpoint (configuration section <c>GraphQL</c>).</summary>
internal sealed class GraphQLHttpOptions
{
    /// <summary>Largest accepted request body; larger requests get 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a WebSocket client has to send <c>connection_init</c> (else close 4408). Default 10 s.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
