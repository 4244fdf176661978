using System.Buffers;

namespace InterAssociatif.Kernel.Text;

/// <summary>
/// Characters no text the API stores may hold: the C0 controls except tab, line feed and carriage return, DEL, and
/// the C1 controls. Nobody types them; they come from careless copies and hostile clients, print as nothing on a
/// page, are dropped from a DOCX (XML refuses them) and are obeyed by a terminal that shows a log.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        Enumerable.Range(0, 0xA0)
            .Select(code => (char)code)
            .Where(c => c is < ' ' and not ('\t' or '\n' or '\r') or >= '\u007F')
            .ToArray());

    /// <summary>The index of the first refused character of <paramref name="value"/>, or -1.</summary>
    public static int IndexIn(string value) => value.AsSpan().IndexOfAny(Refused);

    /// <summary>
    /// "`input.title` must not contain control characters (U+0007 at character 4); tabs and line breaks are
    /// allowed."
    /// </summary>
    public static string Message(string field, string value, int index) =>
        $"`{field}` must not contain control characters (U+{(int)value[index]:X4} at character {index + 1}); "
        + "tabs and line breaks are allowed.";
}
