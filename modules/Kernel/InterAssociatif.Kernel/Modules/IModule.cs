using Microsoft.Extensions.Configuration;

namespace InterAssociatif.Kernel.Modules;

/// <summary>
/// The single public entry point of a domain module. The host lists modules explicitly (no assembly
/// scanning) and calls <see cref="ConfigureServices"/> for each enabled one. Everything a module
/// contributes — its DbContext and migrations, its GraphQL types and root fields, fields it adds to
/// other modules' types, its demo data — is registered here.
/// </summary>
public interface IModule
{
    /// <summary>Short name, also the configuration key (<c>Modules:{Name}:Enabled</c>).</summary>
    string Name { get; }

    /// <summary>Modules whose published contracts this one uses; the host refuses to start without them.</summary>
    IReadOnlyList<string> Requires => [];

    void ConfigureServices(ModuleServices services);
}

/// <summary>What a module receives to register itself.</summary>
public sealed class ModuleServices(
    IServiceCollection services, IConfiguration configuration, Persistence.DatabaseOptions database)
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public Persistence.DatabaseOptions Database { get; } = database;
}
