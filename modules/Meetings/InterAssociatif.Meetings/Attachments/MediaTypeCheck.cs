using System.IO.Compression;

namespace InterAssociatif.Meetings.Attachments;

/// <summary>
/// Checks that an uploaded file's bytes are what its declared media type says, so that a download
/// served with that type (and <c>X-Content-Type-Options: nosniff</c>) is what a reader expects:
/// the signature of PDF, PNG and JPEG; for OpenDocument, a ZIP whose <c>mimetype</c> entry is the
/// declared type; for Office Open XML, a ZIP with <c>[Content_Types].xml</c> and the main part of
/// its kind; for text types, valid UTF-8 without NUL bytes.
/// </summary>
internal static class MediaTypeCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Dictionary<string, string> OfficeMainPart = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "word/document.xml",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = "ppt/presentation.xml",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "xl/workbook.xml",
    };

    /// <summary>Null when the file matches <paramref name="mediaType"/>; otherwise why not, for the uploader.</summary>
    public static async Task<string?> MismatchAsync(string mediaType, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var head = new byte[8];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        var start = head.AsSpan(0, read);
        switch (mediaType)
        {
            case "application/pdf":
                return start.StartsWith("%PDF-"u8) ? null : "does not start with the PDF signature (%PDF-)";
            case "image/png":
                return start.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
                    ? null
                    : "does not start with the PNG signature";
            case "image/jpeg":
                return start.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
                    ? null
                    : "does not start with the JPEG signature";
            case var text when text.StartsWith("text/", StringComparison.Ordinal):
                return await IsUtf8TextAsync(file, cancellationToken) ? null : "is not UTF-8 text";
            case var odf when odf.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal):
                return Zip(file, archive => archive.GetEntry("mimetype") is { } entry && ReadEntry(entry) == odf)
                    ? null : "is not an OpenDocument file of this type (a ZIP whose mimetype entry names it)";
            case var office when OfficeMainPart.TryGetValue(office, out var part):
                return Zip(
                    file,
                    archive =>
                        archive.GetEntry("[Content_Types].xml") is not null && archive.GetEntry(part) is not null)
                    ? null : $"is not an Office Open XML file of this type (a ZIP with [Content_Types].xml and {part})";
            default:
                return null;
        }
    }

    private static async Task<bool> IsUtf8TextAsync(Stream file, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        int read;
        try
        {
            while ((read = await file.ReadAsync(bytes, cancellationToken)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool Zip(Stream file, Func<ZipArchive, bool> check)
    {
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return check(archive);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string ReadEntry(ZipArchiveEntry entry)
    {
        if (entry.Length > 200)
        {
            return "";
        }

        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim();
    }
}
