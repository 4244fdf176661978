using System.Net;

namespace InterAssociatif.Host.Composition;

/// <summary>
/// Production defaults of the web host: CORS only for the origins listed in <c>Cors:AllowedOrigins</c>
/// (none by default: browsers on other sites are refused), and HTTPS redirection with HSTS whenever
/// the host listens beyond the loopback interface (<c>Https:Enforce</c> = <c>auto</c>, <c>true</c>, <c>false</c>).
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
                policy.WithOrigins(origins).WithMethods("GET", "POST").AllowAnyHeader().WithExposedHeaders("Retry-After");
            }
        }));
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
    }

    public static void UseInterAssociatifWebDefaults(this WebApplication app)
    {
        if (EnforceHttps(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCors();
    }

    /// <summary>On <c>auto</c>, HTTPS is enforced unless every configured URL is on the loopback interface.</summary>
    public static bool EnforceHttps(IConfiguration configuration)
    {
        var setting = configuration["Https:Enforce"] ?? "auto";
        if (bool.TryParse(setting, out var explicitly))
        {
            return explicitly;
        }

        var urls = (configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Any(url => !IsLoopback(url));
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
