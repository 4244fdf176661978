namespace InterAssociatif.Architecture.Tests;

/// <summary>
/// Arguments and parameters go on the line of the call when they fit, else together on the next line, else one per
/// line (README, Code style). A list written one per line, each item on a line of its own, whose items would fit
/// together on the next line is refused. Lists holding a multi-line item (a lambda, an initialiser) are not judged.
/// </summary>
public sealed class ArgumentListTests
{
    private const int Limit = 120; // LineLengthTests checks that .editorconfig says so

    [Fact]
    public void No_list_is_written_one_per_line_where_it_fits_on_one()
    {
        var found = LineLengthTests.SourceFiles()
            .SelectMany(f => OnePerLine(File.ReadAllLines(RepositoryFiles.Path(f))).Select(line => $"{f}:{line}"))
            .ToList();
        Assert.True(found.Count == 0, "Lists that fit on one line (join them):\n" + string.Join('\n', found));
    }

    [Fact]
    public void A_list_that_fits_is_found_and_one_that_does_not_is_left()
    {
        string[] fits = ["    M(", "        a,", "        b", "    );"];
        string[] fitsClosed = ["    M(", "        a,", "        b);"];
        var (a, b) = (new string('a', 60), new string('b', 60));
        string[] tooLong = ["    M(", "        " + a + ",", "        " + b, "    );"];
        string[] lambda = ["    M(", "        a,", "        x =>", "        {", "        });"];
        Assert.Equal([1], OnePerLine(fits));
        Assert.Equal([1], OnePerLine(fitsClosed));
        Assert.Empty(OnePerLine(tooLong));
        Assert.Empty(OnePerLine(lambda));
    }

    /// <summary>The 1-based line numbers of the calls or declarations whose list could be joined.</summary>
    internal static IEnumerable<int> OnePerLine(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimEnd().EndsWith('(') || lines[i].Contains("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (Items(lines, i) is { Count: >= 2 } items
                && Indent(lines[i]) + 4 + items.Sum(item => item.Length + 1) - 1 <= Limit)
            {
                yield return i + 1;
            }
        }
    }

    /// <summary>The items of the list opened at the end of line <paramref name="open"/>, closing text last.</summary>
    private static List<string>? Items(string[] lines, int open)
    {
        var indent = Indent(lines[open]);
        var items = new List<string>();
        for (var j = open + 1; j < lines.Length; j++)
        {
            var item = lines[j].Trim();
            if (Indent(lines[j]) == indent && item.StartsWith(')'))
            {
                items.Add(item);
                return items.Count > 2 ? items : null;
            }

            if (Indent(lines[j]) != indent + 4 || item.Contains("//", StringComparison.Ordinal)
                || item.Contains("\"\"\"", StringComparison.Ordinal) || item.Contains("@\"", StringComparison.Ordinal)
                || item.StartsWith('['))
            {
                return null;
            }

            var balance = Balance(item);
            if (balance == -1)
            {
                items.Add(item);
                return items;
            }

            var closesNext = j + 1 < lines.Length
                && Indent(lines[j + 1]) == indent && lines[j + 1].Trim().StartsWith(')');
            if (balance != 0 || !(item.EndsWith(',') || closesNext))
            {
                return null;
            }

            items.Add(item);
        }

        return null;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>Opened minus closed brackets, outside string and character literals.</summary>
    private static int Balance(string text)
    {
        var balance = 0;
        for (var k = 0; k < text.Length; k++)
        {
            switch (text[k])
            {
                case '"' or '\'':
                    var quote = text[k];
                    for (k++; k < text.Length && text[k] != quote; k++)
                    {
                        k += text[k] == '\\' ? 1 : 0;
                    }

                    break;
                case '(' or '[' or '{':
                    balance++;
                    break;
                case ')' or ']' or '}':
                    balance--;
                    break;
            }
        }

        return balance;
    }
}
