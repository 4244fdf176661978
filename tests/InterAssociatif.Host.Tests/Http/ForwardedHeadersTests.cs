namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// Behind a reverse proxy (<c>ForwardedHeaders:KnownNetworks</c>), anonymous callers are counted by the
/// address the proxy forwards, not by the proxy's own; from any other network the header is ignored.
/// The host is a real process, so requests come from a real loopback address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData("127.0.0.0/8", true)]
    [InlineData("10.99.0.0/16", false)]
    public async Task Anonymous_rate_limits_count_the_forwarded_client_only_from_a_known_proxy_network(
        string network, bool believed)
    {
        await using var host = await HostProcess.StartedAsync(
            new Dictionary<string, string>
            {
                ["ForwardedHeaders__KnownNetworks__0"] = network,
                ["GraphQL__Limits__RateLimitPermits"] = "2",
            }
        );
        var http = host.Http;
        async Task<HttpStatusCode> AsClient(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await AsClient("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await AsClient("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AsClient("203.0.113.1"));

        // Another client behind the same proxy has its own budget only if the proxy is believed.
        Assert.Equal(believed ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, await AsClient("203.0.113.2"));
    }
}
