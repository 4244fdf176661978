using GraphQL.Utilities;

namespace InterAssociatif.Host.Cli;

/// <summary>
/// The host's commands: <c>token</c>, <c>schema export</c>, <c>migrate</c>, <c>sql-script</c>.
/// Each runs with the same composition as the server, then exits.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Commands = ["token", "schema", "migrate", "sql-script"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        try
        {
            return args[0] switch
            {
                "token" => Token(app, args[1..], output),
                "schema" when args.Length > 1 && args[1] == "export" => await ExportSchemaAsync(
                    app, Option(args, "--output") ?? DefaultSchemaPath(app), output),
                "migrate" => await MigrateAsync(app, output),
                "sql-script" => await SqlScriptAsync(app, Option(args, "--output"), output),
                _ => Usage(),
            };
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
    }

    /// <summary>The SDL of the schema the host serves: the one text <c>schema/schema.graphql</c> holds.</summary>
    public static string PrintSchema(IServiceProvider services)
    {
        var schema = services.GetRequiredService<InterAssociatifSchema>();
        schema.Initialize();
        return schema.Print(
            new PrintOptions
            {
                IncludeDescriptions = true,
                IncludeDeprecationReasons = true,
                StringComparison = StringComparison.Ordinal
            })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    private static int Token(WebApplication app, string[] args, TextWriter output)
    {
        var role = Option(args, "--role")
            ?? throw new ArgumentException($"token: --role is required ({string.Join(", ", Roles.All)}).");
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"token: unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.");
        }

        var organization = ParseId(Option(args, "--organization"), "Organization", "--organization");
        var person = ParseId(Option(args, "--person"), "Person", "--person");
        var hours = double.TryParse(
            Option(args, "--hours"), System.Globalization.CultureInfo.InvariantCulture, out var h)
            ? h
            : 8;
        var tokens = app.Services.GetRequiredService<LocalTokens>();
        output.WriteLine(
            tokens.Issue(
                role,
                organization,
                person,
                Option(args, "--subject"),
                TimeSpan.FromHours(hours),
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        return 0;
    }

    private static async Task<int> ExportSchemaAsync(WebApplication app, string path, TextWriter output)
    {
        await File.WriteAllTextAsync(path, PrintSchema(app.Services));
        output.WriteLine($"Schema written to {Path.GetFullPath(path)}");
        var operations = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "operations");
        if (System.IO.Directory.Exists(operations))
        {
            var manifest = Path.Combine(operations, Execution.TrustedDocuments.ManifestFileName);
            await File.WriteAllTextAsync(manifest, Execution.TrustedDocuments.Manifest(operations));
            output.WriteLine($"Trusted documents written to {manifest}");
        }
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplication app, TextWriter output)
    {
        await app.Services.GetRequiredService<DatabaseStartup>().MigrateAsync(CancellationToken.None);
        output.WriteLine("Every enabled module's migrations are applied.");
        return 0;
    }

    private static async Task<int> SqlScriptAsync(WebApplication app, string? path, TextWriter output)
    {
        var script = string.Join(
            "\nGO\n\n",
            app.Services.GetServices<IModuleDatabase>()
                .Select(m => $"-- Module {m.Module} (schema {m.SchemaName})\n{m.GenerateSqlServerScript()}"));
        if (path is null)
        {
            output.Write(script);
        }
        else
        {
            await File.WriteAllTextAsync(path, script);
            output.WriteLine($"SQL Server DDL written to {Path.GetFullPath(path)}");
        }

        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Commands:
              token --role <coordinator|member|analyst|partner> [--organization <id>] [--person <id>] [--hours 8]
              schema export [--output schema/schema.graphql]
              migrate
              sql-script [--output file.sql]
            """);
        return 2;
    }

    private static string DefaultSchemaPath(WebApplication app)
    {
        // From the host project folder (dotnet run) the repository root is two levels up.
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", ".."));
        return Path.Combine(
            System.IO.Directory.Exists(Path.Combine(root, "schema")) ? root : Environment.CurrentDirectory,
            "schema",
            "schema.graphql");
    }

    private static Guid? ParseId(string? value, string typeName, string option)
    {
        if (value is null)
        {
            return null;
        }

        if (Guid.TryParse(value, out var raw))
        {
            return raw;
        }

        return GlobalId.TryDecode(value, typeName, out var id)
            ? id
            : throw new ArgumentException($"token: {option} must be a {typeName} id.");
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
