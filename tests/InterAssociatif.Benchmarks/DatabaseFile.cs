namespace InterAssociatif.Benchmarks;

/// <summary>A SQLite file in a folder of its own, deleted with the folder once the benchmark is done.</summary>
internal static class DatabaseFile
{
    public static async Task RunAsync(string name, Func<string, Task> run)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"interassociatif-{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            await run(Path.Combine(folder, $"{name}.db"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
