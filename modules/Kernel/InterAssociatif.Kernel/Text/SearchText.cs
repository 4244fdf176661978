namespace InterAssociatif.Kernel.Text;

/// <summary>
/// Accent-, case- and punctuation-insensitive keys for search and uniqueness. A key keeps only
/// letters and digits, without diacritics, in lower case: "MOZAÏK RH" → "mozaikrh",
/// "REGART'S" → "regarts", "PAQ'LA LUNE" → "paqlalune". Keys are stored in a column and compared
/// in SQL, so a search never loads a table.
/// </summary>
public static class SearchText
{
    /// <summary>The key of a whole value (letters and digits only).</summary>
    public static string Key(string? value) => string.Concat(Tokens(value));

    /// <summary>The words of a value, each a key: "paq la lune" → ["paq", "la", "lune"].</summary>
    public static IReadOnlyList<string> Tokens(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(Fold(char.ToLowerInvariant(c)));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static string Fold(char c) => c switch
    {
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        _ => c.ToString(),
    };
}
