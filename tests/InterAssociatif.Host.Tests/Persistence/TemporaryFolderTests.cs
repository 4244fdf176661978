namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>
/// A test's temporary folder goes with everything in it — a SQLite database in WAL mode whose pooled
/// connection is still open, a sub-folder — so that runs of the suite do not pile up data folders
/// (they did: ≈4 host data folders of ≈5 MB and 2 browser profiles of ≈6 MB were left by every run).
/// </summary>
public sealed class TemporaryFolderTests
{
    [Fact]
    public async Task Disposing_it_deletes_the_folder_with_an_open_pooled_database_in_it()
    {
        var folder = new TemporaryFolder();
        System.IO.Directory.CreateDirectory(Path.Combine(folder.Path, "keys"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "keys", "key.xml"), "<key/>");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "test.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);";
            await command.ExecuteNonQueryAsync();
        }

        Assert.True(
            File.Exists(Path.Combine(folder.Path, "test.db-wal")), "the pool should still hold the database open");

        folder.Dispose();

        Assert.False(System.IO.Directory.Exists(folder.Path));
        var tests = Path.Combine(Path.GetTempPath(), "interassociatif-tests");
        Assert.StartsWith(tests, folder.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_nothing_was_written_to_is_disposed_quietly_and_each_test_gets_its_own()
    {
        var first = new TemporaryFolder("interassociatif-chromium");
        using var second = new TemporaryFolder("interassociatif-chromium");

        first.Dispose();

        Assert.NotEqual(first.Path, second.Path);
        Assert.False(System.IO.Directory.Exists(first.Path));
    }
}
