namespace InterAssociatif.Host.Health;

/// <summary>Ready when every enabled module's database is reachable and has no pending migration.</summary>
internal sealed class DatabaseReadyCheck(IEnumerable<IModuleDatabase> modules) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var module in modules)
        {
            try
            {
                if (!await module.CanConnectAsync(cancellationToken))
                {
                    problems.Add($"{module.Module}: database unreachable");
                    continue;
                }

                var pending = await module.GetPendingMigrationsAsync(cancellationToken);
                if (pending.Count > 0)
                {
                    problems.Add($"{module.Module}: {pending.Count} pending migration(s)");
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                problems.Add($"{module.Module}: {exception.GetType().Name}");
            }
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy("Every module's database is reachable and migrated.")
            : HealthCheckResult.Unhealthy(string.Join("; ", problems));
    }
}
