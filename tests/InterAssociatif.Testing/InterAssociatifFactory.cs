using InterAssociatif.Host.Authentication;
using InterAssociatif.Kernel.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterAssociatif.Testing;

/// <summary>
/// The real host, in-process, on its own SQLite file in a temporary data folder (one per test
/// class through <c>IClassFixture</c>). The demo data is loaded, as on a newcomer's first start.
/// </summary>
public class InterAssociatifFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];
    private string? _origin;
    private bool _kestrel;

    private readonly TemporaryFolder _data = new();

    public string DataDirectory => _data.Path;

    /// <summary>The host environment; Development enables the IDE's token endpoint.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Configuration overrides, applied before the host is built.</summary>
    public InterAssociatifFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// Starts the host on Kestrel, on a free port of 127.0.0.1, for clients that need a real socket
    /// (WebSocket, a browser), and gives its origin (<c>http://127.0.0.1:port</c>).
    /// </summary>
    public string KestrelOrigin()
    {
        if (_origin is null)
        {
            ListenOnLoopback();
            StartServer();
            _origin = Services.GetRequiredService<IServer>().Features
                .Get<IServerAddressesFeature>()!.Addresses
                .First()
                .TrimEnd('/');
        }

        return _origin;
    }

    /// <summary>
    /// Serves on Kestrel rather than the in-memory test server; call it before the host starts (e.g. in a fixture's
    /// constructor).
    /// </summary>
    protected void ListenOnLoopback()
    {
        if (!_kestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            _kestrel = true;
        }
    }

    public SqlCommandCounter SqlCommands => Services.GetRequiredService<SqlCommandCounter>();

    public GraphQLTestClient GraphQL(string? role = null, Guid? organizationId = null, Guid? personId = null) =>
        new(CreateClient(), role is null ? null : Token(role, organizationId, personId));

    /// <summary>
    /// A token from the host's local authority; <paramref name="issuedAt"/> in the past makes an expired one.
    /// </summary>
    public string Token(
        string role,
        Guid? organizationId = null,
        Guid? personId = null,
        TimeSpan? lifetime = null,
        DateTimeOffset? issuedAt = null) =>
        Services.GetRequiredService<LocalTokens>()
            .Issue(
                role,
                organizationId,
                personId,
                $"test-{role}",
                lifetime ?? TimeSpan.FromHours(1),
                issuedAt ?? DateTimeOffset.UtcNow);

    /// <summary>Adds services after the host's own (for example a field that fails on purpose).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(SuiteLogs.AddTo);
        builder.ConfigureServices(ConfigureTestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }
}
