using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InterAssociatif.Testing;

/// <summary>One request a <see cref="WebhookReceiver"/> got: path, headers, raw body, and what it answered.</summary>
public sealed record ReceivedWebhook(string Path, IHeaderDictionary Headers, string Body, int Answered)
{
    public string Id => Headers["webhook-id"].ToString();

    /// <summary>When its body was read (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long At { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
}

/// <summary>
/// A partner tool's webhook receiver: a real HTTP server on a port of 127.0.0.1 that keeps every request and
/// answers each with the next status of its script (then 200; a 3xx points to <c>/hooks/elsewhere</c>).
/// It can be stopped and started again on the same port, as a receiver that goes down and comes back.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _script = new();
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private WebApplication? _app;

    public WebhookReceiver(int? port = null) => Port = port ?? HostProcess.FreePort();

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/decisions";

    /// <summary>How long it takes to answer each request once its body is read (a slow receiver).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Requests are answered once this completes (a receiver that hangs until the test lets go).</summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    /// <summary>Every request received so far, in order.</summary>
    public ConcurrentQueue<ReceivedWebhook> All { get; } = new();

    /// <summary>The next requests are answered with these statuses, in order; then 200.</summary>
    public WebhookReceiver Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }

        return this;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        builder.Services.AddRouting();
        _app = builder.Build();
        // Every path is kept: a redirection points elsewhere, and a client that followed it would show there.
        _app.MapPost("/hooks/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = _script.TryDequeue(out var next) ? next : 200;
            var headers = new HeaderDictionary(http.Request.Headers.ToDictionary());
            var received = new ReceivedWebhook(http.Request.Path, headers, body, status);
            if (status is >= 300 and < 400)
            {
                http.Response.Headers.Location = "/hooks/elsewhere";
            }

            All.Enqueue(received);
            await _received.Writer.WriteAsync(received);
            await Hold.WaitAsync(http.RequestAborted);
            await Task.Delay(Delay, http.RequestAborted);
            return Results.StatusCode(status);
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>The next request, waiting at most <paramref name="within"/>; null when none came.</summary>
    public async Task<ReceivedWebhook?> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
