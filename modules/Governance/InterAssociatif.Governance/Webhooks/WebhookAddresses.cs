using System.Net;
using System.Net.Sockets;

namespace InterAssociatif.Governance.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
internal sealed class WebhookOptions
{
    /// <summary>
    /// The delays between attempts at one event, used when <c>Webhooks:RetrySchedule</c> is not set (≈ 1 day).
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultSchedule =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(4),
        TimeSpan.FromHours(8),
        TimeSpan.FromHours(8),
    ];

    /// <summary>How long a receiver has to answer 2xx.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay before each retry; once all are used, the endpoint is disabled.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>Host names or IP addresses that may be private or loopback (tests, on-premises receivers).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Allows plain HTTP, for the <see cref="AllowedHosts"/> only.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Deliveries in flight at once on this host, all endpoints together, to receivers that answer in time; as many
    /// again may be in flight to slow receivers (<see cref="SlowAfter"/>).
    /// </summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// A receiver that has not answered within this time is slow: its delivery moves to the slow lane, freeing its
    /// slot for the others, and its next deliveries go there until it answers in time again.
    /// </summary>
    public TimeSpan SlowAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule.Count > 0 ? RetrySchedule : DefaultSchedule;
}

/// <summary>Resolves a receiver's host name (the system's DNS; tests replace it).</summary>
internal interface IWebhookResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

internal sealed class DnsWebhookResolver : IWebhookResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal)
            ? Task.FromResult<IPAddress[]>([literal])
            : Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>Opens the connection of a delivery to an address already checked (tests record attempts instead).</summary>
internal interface IWebhookConnector
{
    ValueTask<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken);
}

internal sealed class SocketWebhookConnector : IWebhookConnector
{
    public async ValueTask<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery refused before any connection: its address is not one webhooks may reach.</summary>
internal sealed class WebhookAddressRefusedException(string message) : HttpRequestException(message);

/// <summary>
/// Where webhooks may go (SSRF): HTTPS to public addresses only, unless the host is listed in
/// <c>Webhooks:AllowedHosts</c>. Checked at registration, by resolving the name (no request is ever sent to
/// check an endpoint), and again at each delivery in the one place its connection is opened: the addresses the
/// name resolves to are checked, then the socket connects to one of those very addresses — a name that
/// resolves elsewhere a second later (DNS rebinding) changes nothing.
/// </summary>
internal sealed class WebhookAddresses(
    IOptions<WebhookOptions> options, IWebhookResolver resolver, IWebhookConnector connector)
{
    private static readonly (IPNetwork Network, string What)[] Forbidden =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local or cloud metadata address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address"),
        (IPNetwork.Parse("224.0.0.0/3"), "a multicast or reserved address"),
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique local) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address"),
    ];

    /// <summary>Why webhooks may not reach <paramref name="address"/> (e.g. "a private address"), or null.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (
            address.AddressFamily == AddressFamily.InterNetworkV6
            && IPNetwork.Parse("64:ff9b::/96").Contains(address)
        )
        {
            // NAT64: the IPv4 address it translates to decides.
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        return Forbidden
            .FirstOrDefault(f =>
                f.Network.BaseAddress.AddressFamily == address.AddressFamily && f.Network.Contains(address)
            )
            .What;
    }

    /// <summary>
    /// Checks a URL to register; errors name <paramref name="field"/>. Resolves the name, sends nothing.
    /// </summary>
    public async Task CheckAsync(ErrorList errors, string field, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors.Add(new InputValidationError(field, $"`{field}` must be an absolute HTTPS URL."));
            return;
        }

        if (SchemeRefusal(uri) is { } scheme)
        {
            errors.Add(new InputValidationError(field, scheme));
            return;
        }

        if (uri.UserInfo.Length > 0)
        {
            errors.Add(new InputValidationError(field, $"`{field}` must not carry a user name or password."));
            return;
        }

        if (IsAllowed(uri.IdnHost))
        {
            return;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            addresses = [];
        }

        if (addresses.Length == 0)
        {
            errors.Add(new InputValidationError(field, $"`{field}`: the name {uri.IdnHost} does not resolve."));
        }
        else if (addresses.Select(Refusal).FirstOrDefault(r => r is not null) is { } refusal)
        {
            errors.Add(
                new InputValidationError(
                    field, $"`{field}`: {uri.IdnHost} resolves to {refusal}, which webhooks may not reach.")
            );
        }
    }

    /// <summary>Why a delivery may not be sent to this URL as configured now (its scheme), or null.</summary>
    public string? SchemeRefusal(Uri uri) =>
        uri.Scheme == "https" || (options.Value.AllowInsecureHttp && IsAllowed(uri.IdnHost))
            ? null
            : "Webhook URLs must use HTTPS (plain HTTP only for hosts of `Webhooks:AllowedHosts` with "
                + "`Webhooks:AllowInsecureHttp`).";

    /// <summary>
    /// The connection of a delivery (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves, refuses before
    /// connecting when an address is forbidden, connects to a checked address.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await resolver.ResolveAsync(host, cancellationToken);
        if (!IsAllowed(host) && addresses.Select(Refusal).FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw new WebhookAddressRefusedException($"{host} resolves to {refusal}, which webhooks may not reach.");
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await connector.ConnectAsync(address, port, cancellationToken);
            }
            catch (SocketException failed)
            {
                last = failed;
            }
        }

        throw new HttpRequestException($"Could not connect to {host}.", last);
    }

    private bool IsAllowed(string host) =>
        options.Value.AllowedHosts.Any(allowed =>
            string.Equals(allowed.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            || (
                IPAddress.TryParse(allowed, out var a)
                && IPAddress.TryParse(host.Trim('[', ']'), out var h)
                && a.Equals(h)
            )
        );
}
