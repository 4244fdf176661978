namespace InterAssociatif.Meetings.Agenda;

/// <summary>An item of a meeting's agenda (ordre du jour); items nest (1., 1.1 …).</summary>
internal sealed class AgendaItem : IHasId, IVersioned
{
    public const int TitleMaxLength = 300;
    public const int NotesMaxLength = 20_000;
    public const int MaxDepth = 4;

    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>Order among its siblings, from 1.</summary>
    public int Position { get; set; }

    [MaxLength(TitleMaxLength)] public string Title { get; set; } = "";

    /// <summary>Notes in Markdown.</summary>
    [MaxLength(NotesMaxLength)] public string? Notes { get; set; }

    public int Version { get; set; }
}
