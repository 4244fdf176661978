using InterAssociatif.Host.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddInterAssociatif();
var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.Services.GetRequiredService<DatabaseStartup>().RunAsync(app.Lifetime.ApplicationStopping);
app.UseInterAssociatif();
await app.RunAsync();
return 0;

/// <summary>The host's entry point (public so tests can start it in-process).</summary>
public partial class Program;
