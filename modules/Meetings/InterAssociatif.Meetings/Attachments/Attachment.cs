namespace InterAssociatif.Meetings.Attachments;

/// <summary>A file attached to a meeting (pièce jointe): slides, questionnaire results…</summary>
internal sealed class Attachment : IHasId
{
    public const int TitleMaxLength = 200;
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    [MaxLength(TitleMaxLength)] public string Title { get; set; } = "";

    [MaxLength(FileNameMaxLength)] public string FileName { get; set; } = "";

    [MaxLength(120)] public string MediaType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    [MaxLength(64)] public string Sha256 { get; set; } = "";

    /// <summary>Where the bytes are: in the database, or in the configured folder under this key.</summary>
    [MaxLength(200)] public string? StorageKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The bytes of an attachment stored in the database, apart from its metadata so lists never load them.
/// </summary>
internal sealed class AttachmentContent
{
    public Guid AttachmentId { get; set; }

    public byte[] Content { get; set; } = [];
}
