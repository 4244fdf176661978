namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// The `commands` benchmark still runs: it builds its database, and its EF Core and hand-written reads return
/// the same rows (it throws otherwise), so that its published figures can be measured again.
/// </summary>
public sealed class CommandsBenchmarkTests
{
    [Fact]
    public async Task The_commands_benchmark_reads_the_same_rows_through_EF_Core_and_by_hand()
    {
        await CommandsBenchmark.RunAsync(iterations: 3, rounds: 1);
    }
}
