using System.Buffers.Text;

namespace InterAssociatif.Kernel.Relay;

/// <summary>
/// Opaque global ids: base64url of <c>TypeName:guid</c>. Clients must not parse them; the server
/// rejects a forged or malformed id with a clear error instead of guessing.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? value, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(value) || value.Length > 200 || !Base64Url.IsValid(value))
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return false;
        }

        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || !Guid.TryParseExact(text[(separator + 1)..], "N", out id))
        {
            return false;
        }

        typeName = text[..separator];
        return true;
    }

    /// <summary>Decodes an id that must designate a record of <paramref name="expectedType"/>.</summary>
    public static bool TryDecode(string? value, string expectedType, out Guid id) =>
        TryDecode(value, out var typeName, out id) && typeName == expectedType;
}
