using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// Requests the client breaks, over a real socket on Kestrel: a body cut short of its <c>Content-Length</c> (the
/// client half-closes) or a connection reset mid-body, on the GraphQL endpoint and on an upload. Each is logged at
/// Information as the client's doing, never as an error, and the host answers the next request. The answers Kestrel
/// would carry (400, 408 for a body too slow, 413) are checked on the middleware itself, since a slow body needs
/// Kestrel's clock.
/// </summary>
public sealed class ClientFaultTests(ClientFaultTests.KestrelHost host) : IClassFixture<ClientFaultTests.KestrelHost>
{
    /// <summary>The host on Kestrel, every log line kept.</summary>
    public sealed class KestrelHost : InterAssociatifFactory
    {
        public KestrelHost() => With("Logging:LogLevel:Default", "Information");

        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddFakeLogging();
    }

    public static TheoryData<string, bool> Breaks() => new()
    {
        { "/graphql", false },
        { "/graphql", true },
        { "/meetings/{meeting}/attachments?title=Diaporama&fileName=d.pdf", false },
        { "/meetings/{meeting}/attachments?title=Diaporama&fileName=d.pdf", true },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task A_body_cut_short_or_reset_is_logged_as_the_clients_doing_and_the_host_goes_on(
        string target, bool reset)
    {
        var origin = new Uri(host.KestrelOrigin());
        var meeting = (await host.GraphQL("coordinator").QueryAsync(
                "mutation { scheduleMeeting(input: { title: \"Réunion coupée\", startsAt: \"2022-06-01T08:00:00Z\","
                + " endsAt: \"2022-06-01T10:00:00Z\" }) { meeting { id } } }"))
            .EnsureNoErrors()
            .String("scheduleMeeting.meeting.id")!;
        var path = target.Replace("{meeting}", meeting, StringComparison.Ordinal);
        var (contentType, start) = target == "/graphql"
            ? ("application/json", """{"query":"{ __typename"""u8.ToArray())
            : ("application/pdf", "%PDF-1.7\n"u8.ToArray());
        host.Logs.Clear();

        using (var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await client.ConnectAsync(origin.Host, origin.Port);
            var head = $"POST {path} HTTP/1.1\r\nHost: {origin.Authority}\r\n"
                + $"Authorization: Bearer {host.Token("coordinator")}\r\nContent-Type: {contentType}\r\n"
                + "Content-Length: 100000\r\nExpect: 100-continue\r\n\r\n";
            await client.SendAsync(Encoding.ASCII.GetBytes(head));

            // Kestrel sends « 100 Continue » when the application first reads the body: the request is then in the
            // host's hands, and what follows breaks it there rather than before it starts.
            var buffer = new byte[4096];
            var answer = Encoding.ASCII.GetString(buffer, 0, await client.ReceiveAsync(buffer));
            Assert.StartsWith("HTTP/1.1 100 Continue", answer, StringComparison.Ordinal);
            await client.SendAsync(start);
            if (reset)
            {
                client.LingerState = new LingerOption(true, 0); // closing now sends RST
            }
            else
            {
                client.Shutdown(SocketShutdown.Send); // FIN: the body ends short of its length
                try
                {
                    while (await client.ReceiveAsync(buffer) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                }
            }
        }

        var log = await WaitForAsync(
            () => host.Logs.GetSnapshot().Where(r => r.Category == typeof(ClientFaults).FullName).ToList());
        var broken = Assert.Single(log);
        Assert.Equal(LogLevel.Information, broken.Level);
        Assert.StartsWith("The client broke off POST ", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);

        var next = (await host.GraphQL("coordinator").QueryAsync("{ __typename }")).EnsureNoErrors();
        Assert.Equal("Query", next.String("__typename"));
    }

    /// <summary>
    /// The log line is written when Kestrel gives up on the request, which it does after the test's socket is gone:
    /// polled (the condition is certain to come; only its moment is not).
    /// </summary>
    private static async Task<List<T>> WaitForAsync<T>(Func<List<T>> read)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
        {
            if (read() is { Count: > 0 } found)
            {
                return found;
            }
        }

        return read();
    }

    public static TheoryData<int, string> Statuses() => new()
    {
        { StatusCodes.Status400BadRequest, "INVALID_REQUEST" },
        { StatusCodes.Status408RequestTimeout, "REQUEST_TIMEOUT" },
        { StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task What_Kestrel_reports_of_a_body_is_answered_with_its_status_and_a_code(int status, string code)
    {
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        var logger = new FakeLogger();
        await ClientFaults.InvokeAsync(
            http, _ => throw new BadHttpRequestException("Reading the request body failed.", status), logger);

        Assert.Equal(status, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var body = JsonNode.Parse(http.Response.Body)!;
        Assert.Equal(code, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Reading the request body failed.", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(LogLevel.Information, logger.LatestRecord.Level);
    }

    [Fact]
    public async Task A_reset_connection_gets_no_answer_and_a_server_fault_is_not_taken_for_a_client_one()
    {
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var reset = new DefaultHttpContext { Response = { Body = new MemoryStream() }, RequestAborted = gone.Token };
        await ClientFaults.InvokeAsync(
            reset, _ => throw new ConnectionResetException("Connection reset by peer"), new FakeLogger());
        Assert.Equal(0, reset.Response.Body.Length);

        var fault = new DefaultHttpContext();
        await Assert.ThrowsAsync<IOException>(() =>
            ClientFaults.InvokeAsync(fault, _ => throw new IOException("The disk is full."), new FakeLogger()));
    }
}
