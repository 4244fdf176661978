namespace InterAssociatif.Kernel.Modules;

/// <summary>
/// Loads a module's part of the demo dataset (the 2017 network) through the module's own
/// application code. Must be idempotent: running it twice changes nothing.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Seeders run in ascending order, so a module can rely on data of modules it builds on.</summary>
    int Order { get; }

    string Module { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
