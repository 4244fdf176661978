namespace InterAssociatif.Testing;

/// <summary>
/// Files of the repository the tests read (the checked-in schema, the example operations, the source document).
/// </summary>
public static class RepositoryFiles
{
    /// <summary>A path under the repository root (the folder holding InterAssociatif.sln).</summary>
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "InterAssociatif.sln")))
        {
            directory = directory.Parent;
        }

        return System.IO.Path.Combine(
            [directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), .. parts]);
    }
}
