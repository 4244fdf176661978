namespace InterAssociatif.Testing;

/// <summary>
/// A folder of one test's own under the system's temporary folder (a host's data folder, a browser's
/// profile), deleted with all it holds when disposed, so that a run of the suite leaves nothing behind.
/// It is not created here: the host or the browser given its path creates it.
/// </summary>
public sealed class TemporaryFolder(string kind = "interassociatif-tests") : IDisposable
{
    private const int Attempts = 20;

    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), kind, Guid.NewGuid().ToString("N"));

    public override string ToString() => Path;

    /// <summary>
    /// Deletes the folder. SQLite's pooled connections are closed first; a process that just exited (a
    /// browser) may still hold a file for a moment, so a refused deletion is tried again a few times and
    /// then left to the system's temporary-file cleaning rather than failing the test that used it.
    /// </summary>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        for (var attempt = 1; System.IO.Directory.Exists(Path); attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Path, recursive: true);
            }
            catch (IOException) when (attempt < Attempts)
            {
                Thread.Sleep(50);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
