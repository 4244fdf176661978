namespace InterAssociatif.Architecture.Tests;

/// <summary>
/// Subscribers share an event's execution when their <c>AuthorizationKey</c>s are equal, so the key must
/// hold everything module code reads of the caller: modules read it only through
/// <c>Kernel/Authorization</c> (roles, organisation, person, scopes), never a claim of their own.
/// </summary>
public sealed partial class CallerReadsTests
{
    [GeneratedRegex(@"\.(FindFirst|FindAll|HasClaim)\(|\.Claims\b|\.Identities\b|\.Identity\??\.Name\b")]
    private static partial Regex ClaimRead();

    [Fact]
    public void Module_code_reads_the_caller_only_through_the_kernels_authorization_extensions()
    {
        var authorization = Path.Combine("Kernel", "InterAssociatif.Kernel", "Authorization");
        var obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var offenders = System
            .IO.Directory.EnumerateFiles(RepositoryFiles.Path("modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains(authorization, StringComparison.Ordinal) && !f.Contains(obj, StringComparison.Ordinal)
            )
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.StartsWith("using ", StringComparison.Ordinal) && ClaimRead().IsMatch(l.Text))
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }
}
