using Microsoft.AspNetCore.HttpOverrides;

namespace InterAssociatif.Host.Composition;

/// <summary>
/// Production defaults of the web host: CORS only for the origins listed in <c>Cors:AllowedOrigins</c>
/// (none by default: browsers on other sites are refused), and HTTPS redirection with HSTS whenever
/// the host listens beyond the loopback interface (<c>Https:Enforce</c> = <c>auto</c>, <c>true</c>, <c>false</c>).
/// Behind a reverse proxy, <c>ForwardedHeaders:KnownNetworks</c> lists the networks whose
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed: the caller's address (anonymous rate
/// limits) and scheme (HTTPS redirection) are then the client's, not the proxy's.
/// </summary>
internal static class WebDefaults
{
    public static void AddInterAssociatifWebDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins)
                    .WithMethods("GET", "POST")
                    .AllowAnyHeader()
                    .WithExposedHeaders("Retry-After");
            }
        }));
        var networks = KnownNetworks(configuration);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
    }

    public static void UseInterAssociatifWebDefaults(this WebApplication app)
    {
        if (KnownNetworks(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (EnforceHttps(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCors();
    }

    private static List<System.Net.IPNetwork> KnownNetworks(IConfiguration configuration) =>
        (configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            .Select(cidr => System.Net.IPNetwork.TryParse(cidr, out var network)
                ? network
                : throw new InvalidOperationException(
                    $"ForwardedHeaders:KnownNetworks: '{cidr}' is not a network in CIDR notation "
                    + "(e.g. 172.28.0.0/24)."))
            .ToList();

    /// <summary>On <c>auto</c>, HTTPS is enforced unless every configured URL is on the loopback interface.</summary>
    public static bool EnforceHttps(IConfiguration configuration)
    {
        var setting = configuration["Https:Enforce"] ?? "auto";
        if (bool.TryParse(setting, out var explicitly))
        {
            return explicitly;
        }

        var urls = (configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Any(url => !IsLoopback(url));
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(
            url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal),
            UriKind.Absolute,
            out var uri))
        {
            return false;
        }

        return uri.IsLoopback
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
