using Microsoft.Extensions.FileProviders;

namespace InterAssociatif.Host.Ide;

/// <summary>
/// The GraphiQL IDE: its page (at <c>/ide</c>, and at <c>GET /graphql</c> for a browser), its
/// configuration (the example operations of <c>schema/operations/</c> as tabs), and in Development a
/// token endpoint so the IDE can act as any role against the local host.
/// </summary>
internal sealed class IdePage(IConfiguration configuration, IWebHostEnvironment environment)
{
    private readonly Lazy<IReadOnlyList<ExampleOperation>> _operations = new(() =>
        LoadOperations(Path.Combine(AppContext.BaseDirectory, "operations")));

    public bool Enabled { get; } = configuration.GetValue("Ide:Enabled", defaultValue: true);

    /// <summary>Only a Development host hands out tokens to the IDE.</summary>
    public bool IssuesTokens => environment.IsDevelopment();

    /// <summary>
    /// The IDE's files; an empty provider when the bundle is missing (the API still runs, /ide answers 503).
    /// </summary>
    public IFileProvider Files
    {
        get
        {
            var root = Path.Combine(
                environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "ide");
            return System.IO.Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        }
    }

    public IReadOnlyList<ExampleOperation> Operations => _operations.Value;

    public async Task WriteAsync(HttpContext http)
    {
        var page = Files.GetFileInfo("index.html");
        if (!page.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsync("The IDE was not bundled: build the host (it runs npm ci in host/ide).");
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(page);
    }

    public static void Map(WebApplication app)
    {
        var ide = app.Services.GetRequiredService<IdePage>();
        if (!ide.Enabled)
        {
            return;
        }

        app.UseStaticFiles(new StaticFileOptions { RequestPath = "/ide", FileProvider = ide.Files });
        app.MapGet("/ide", ide.WriteAsync);
        app.MapGet("/ide/config.json", () => Results.Json(new
        {
            endpoint = "/graphql",
            issuesTokens = ide.IssuesTokens,
            roles = Roles.All,
            operations = ide.Operations,
        }));
        if (ide.IssuesTokens)
        {
            // JSON body only: a cross-site page cannot send it without a CORS preflight.
            app.MapPost("/ide/token", (TokenRequest request, LocalTokens tokens, TimeProvider time) =>
                Roles.All.Contains(request.Role)
                    ? Results.Json(
                        new
                        {
                            token = tokens.Issue(
                                request.Role,
                                request.OrganizationId,
                                request.PersonId,
                                $"ide-{request.Role}",
                                TimeSpan.FromHours(8),
                                time.GetUtcNow())
                        })
                    : Results.BadRequest(new { error = $"Unknown role; use one of {string.Join(", ", Roles.All)}." }));
        }
    }

    private static List<ExampleOperation> LoadOperations(string folder) =>
        System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder, "*.graphql").Order(StringComparer.Ordinal)
                .Select(f => new ExampleOperation(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))
                .ToList()
            : [];

    internal sealed record ExampleOperation(string Name, string Query);

    internal sealed record TokenRequest(string Role, Guid? OrganizationId, Guid? PersonId);
}
