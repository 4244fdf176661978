using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace InterAssociatif.Meetings.Attachments;

/// <summary>Attachment limits and storage (configuration section <c>Meetings:Attachments</c>).</summary>
internal sealed class AttachmentOptions
{
    /// <summary>Largest accepted file. Default 20 MB.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Where files go: empty for the database, else a folder.</summary>
    public string? Folder { get; set; }

    public string[] AllowedMediaTypes { get; set; } =
    [
        "application/pdf",
        "text/plain",
        "text/markdown",
        "text/csv",
        "image/png",
        "image/jpeg",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.presentation",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];
}

/// <summary>The outcome of an upload the store refused, with the HTTP status that says why.</summary>
internal sealed record AttachmentRefusal(int Status, UserError Error);

/// <summary>
/// Stores attachments. The upload is streamed to a temporary file while its SHA-256 is computed,
/// then the metadata and the bytes are committed together: a process stopped mid-upload leaves no
/// half-written attachment, and a committed one is whole.
/// </summary>
internal sealed class AttachmentStore(
    IDbContextFactory<MeetingsDbContext> factory, IOptions<AttachmentOptions> options, TimeProvider time)
{
    public AttachmentOptions Options => options.Value;

    public async Task<(Attachment? Attachment, AttachmentRefusal? Refusal)> StoreAsync(
        Guid meetingId,
        string? title,
        string? fileName,
        string? mediaType,
        Stream content,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var checkedTitle = errors.Line("title", title, Attachment.TitleMaxLength, required: true);
        var checkedName = errors.Line(
            "fileName", Path.GetFileName(fileName ?? ""), Attachment.FileNameMaxLength, required: true);
        if (errors.Any)
        {
            return (null, new AttachmentRefusal(400, errors.Items[0]));
        }

        var type = mediaType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !Options.AllowedMediaTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return (null, new AttachmentRefusal(
                415,
                new InputValidationError(
                    "mediaType",
                    $"The media type {type ?? "(none)"} is not allowed; allowed: "
                    + $"{string.Join(", ", Options.AllowedMediaTypes)}.")));
        }

        var staging = Path.Combine(
            Options.Folder is { Length: > 0 } folder ? folder : Path.GetTempPath(), $".upload-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        try
        {
            var (size, sha256) = await CopyAsync(content, staging, cancellationToken);
            if (size > Options.MaxBytes)
            {
                return (null, new AttachmentRefusal(
                    413, new InputValidationError("file", $"The file exceeds the limit of {Options.MaxBytes} bytes.")));
            }

            if (size == 0)
            {
                return (null, new AttachmentRefusal(400, new InputValidationError("file", "The file is empty.")));
            }

            if (await MediaTypeCheck.MismatchAsync(type, staging, cancellationToken) is { } mismatch)
            {
                return (null, new AttachmentRefusal(
                    415, new InputValidationError("file", $"The file declared as {type} {mismatch}.")));
            }

            await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
            var db = change.Db;
            var meeting = await change.FindAsync(
                db.Meetings, meetingId, "meetingId", MeetingsTypeNames.Meeting, "meeting");
            if (meeting is null)
            {
                return (null, new AttachmentRefusal(404, errors.Items[0]));
            }

            var attachment = new Attachment
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                MeetingId = meetingId,
                Title = checkedTitle!,
                FileName = checkedName!,
                MediaType = type,
                Size = size,
                Sha256 = sha256,
                CreatedAt = time.GetUtcNow(),
            };
            db.Attachments.Add(attachment);
            string? placed = null;
            if (Options.Folder is { Length: > 0 } target)
            {
                attachment.StorageKey = attachment.Id.ToString("N");
                placed = Path.Combine(target, attachment.StorageKey);
                File.Move(staging, placed);
            }
            else
            {
                db.AttachmentContents.Add(
                    new AttachmentContent
                    {
                        AttachmentId = attachment.Id,
                        Content = await File.ReadAllBytesAsync(staging, cancellationToken)
                    });
            }

            var result = await change.CommitAsync(attachment, "attachment");
            if (result.Value is null && placed is not null)
            {
                File.Delete(placed);
            }

            return result.Value is null ? (null, new AttachmentRefusal(409, result.Errors[0])) : (attachment, null);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        if (attachment.StorageKey is { } key)
        {
            var folder = Options.Folder
                ?? throw new InvalidOperationException(
                    "An attachment is stored in a folder but Meetings:Attachments:Folder is not configured.");
            return (attachment, File.OpenRead(Path.Combine(folder, key)));
        }

        var bytes = await db.AttachmentContents.Where(c => c.AttachmentId == id)
            .Select(c => c.Content)
            .SingleAsync(cancellationToken);
        return (attachment, new MemoryStream(bytes, writable: false));
    }

    /// <summary>
    /// Copies at most one byte over the limit, so an oversized upload is known without reading it all.
    /// </summary>
    private async Task<(long Size, string Sha256)> CopyAsync(
        Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > Options.MaxBytes)
            {
                return (size, "");
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
