namespace InterAssociatif.Host.Tests.Cli;

/// <summary>The host's commands, run as a real process on the built host.</summary>
public sealed class CommandLineTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private static string HostDll() => BuiltHost.Dll();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostDll())!
        };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_token_command_issues_a_token_the_server_accepts_for_that_role()
    {
        _ = factory.Server; // the server creates the signing key in its data folder
        var (exit, output, error) = await RunAsync(factory.DataDirectory, "token", "--role", "analyst");
        Assert.True(exit == 0, error);
        var token = output.Trim();

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", token);
        var response = await client.PostAsync(
            "/graphql",
            new StringContent(
                """{"query":"{ people(first: 1) { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"totalCount\":18", body);
    }

    [Fact]
    public async Task The_token_command_refuses_an_unknown_role()
    {
        var (exit, _, error) = await RunAsync(factory.DataDirectory, "token", "--role", "superuser");
        Assert.Equal(2, exit);
        Assert.Contains("unknown role", error);
    }

    [Fact]
    public async Task Migrate_creates_every_module_schema_in_a_new_database()
    {
        using var folder = new TemporaryFolder();
        var directory = folder.Path;
        var (exit, output, error) = await RunAsync(directory, "migrate");
        Assert.True(exit == 0, error);
        Assert.Contains("migrations are applied", output);

        await using var connection = new SqliteConnection(
            $"Data Source={Path.Combine(directory, "interassociatif.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"__directory_migrations\"; ";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_sql_script_command_writes_sql_server_ddl_that_parses()
    {
        var (exit, output, error) = await RunAsync(factory.DataDirectory, "sql-script");
        Assert.True(exit == 0, error);
        Assert.Contains("CREATE TABLE [directory].[DirectoryOrganizations]", output);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(output), out var errors);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Schema_export_writes_the_checked_in_schema()
    {
        var file = Path.Combine(factory.DataDirectory, "exported.graphql");
        System.IO.Directory.CreateDirectory(factory.DataDirectory);
        var (exit, _, error) = await RunAsync(factory.DataDirectory, "schema", "export", "--output", file);
        Assert.True(exit == 0, error);
        var repositorySchema = Path.Combine(
            Path.GetDirectoryName(HostDll())!, "..", "..", "..", "..", "..", "schema", "schema.graphql");
        Assert.Equal(await File.ReadAllTextAsync(repositorySchema), await File.ReadAllTextAsync(file));
    }
}
