namespace InterAssociatif.Host.Tests.Telemetry;

/// <summary>
/// The logs of the whole test run, at every level, scanned once it is over (<c>tests/run.sh</c> runs this test
/// last, with <c>INTERASSOCIATIF_TEST_LOGS</c> naming the folder the hosts wrote to): no line holds an email
/// address, a phone number, a bearer token or an API key secret — whatever the test did to provoke one.
/// </summary>
[Trait("Category", Category)]
public sealed partial class SuiteLogScanTests
{
    public const string Category = "SuiteLogScan";

    [SuiteLogScanFact]
    public void No_log_line_of_the_whole_test_run_holds_a_token_an_api_key_an_email_or_a_phone()
    {
        var files = System.IO.Directory.GetFiles(SuiteLogs.Folder!, "*.log");
        // The scan proves something only if the run's hosts did write there, both kinds, at every level.
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("process-", StringComparison.Ordinal));
        Assert.True(files.Length >= 50, $"only {files.Length} log files: were the hosts' logs kept?");
        var lines = 0L;
        var debug = 0L;
        var leaks = new List<string>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                lines++;
                debug += line.StartsWith("Debug ", StringComparison.Ordinal) || line.StartsWith("dbug:") ? 1 : 0;
                // Request lines carry URLs: what a query string hides in %-escapes counts as well.
                var text = line.Contains('%', StringComparison.Ordinal) ? Unescaped(line) : line;
                if (Leak().Match(text) is { Success: true } leak && leaks.Count < 20)
                {
                    leaks.Add($"{Path.GetFileName(file)}: …{leak.Value}… in {line[..Math.Min(line.Length, 400)]}");
                }
            }
        }

        Assert.True(debug > 0, "no Debug line: the logs were not kept at every level");
        Assert.True(leaks.Count == 0, $"{lines} lines scanned; leaks:\n{string.Join('\n', leaks)}");
    }

    private static string Unescaped(string line)
    {
        try
        {
            return Uri.UnescapeDataString(line);
        }
        catch (UriFormatException)
        {
            return line;
        }
    }

    /// <summary>
    /// An email address; a French phone number (not inside a GUID or a longer number); a JWT (header and
    /// payload); a webhook signing secret;
    /// an API key (<c>ia_</c>, the key's id, its secret) or a bare 256-bit hex secret — a document's
    /// <c>sha256:</c> hash is not one.
    /// </summary>
    [GeneratedRegex(
        @"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
            + @"|(?<![\w-])(\+33[ .]?|0)[1-9]([ .-]?\d{2}){4}(?![\w-])"
            + @"|eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+"
            + @"|ia_[0-9a-f]{32}_[0-9a-f]"
            + @"|whsec_[A-Za-z0-9+/]{20}"
            + @"|(?<![0-9a-f]|sha256:)[0-9a-f]{64}(?![0-9a-f])"
    )]
    private static partial Regex Leak();
}

/// <summary>Runs when the test command has kept the run's logs (<c>INTERASSOCIATIF_TEST_LOGS</c>).</summary>
public sealed class SuiteLogScanFactAttribute : FactAttribute
{
    public SuiteLogScanFactAttribute()
    {
        if (SuiteLogs.Folder is null)
        {
            Skip = $"The run's logs were not kept: tests/run.sh sets {SuiteLogs.Variable} and runs this test last.";
        }
    }
}
