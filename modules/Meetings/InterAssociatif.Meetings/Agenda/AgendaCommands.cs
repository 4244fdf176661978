namespace InterAssociatif.Meetings.Agenda;

[CoordinatorMutation(MeetingsTypeNames.AgendaItem, "Inserts an agenda item.")]
[Description("A new agenda item, at the top level or under another item.")]
internal sealed record AddAgendaItemInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("The item it goes under; omit for the top level."), References(MeetingsTypeNames.AgendaItem)]
    Guid? ParentId,
    [Description("Its rank among its siblings, from 1; default last. Later siblings move down.")] int? Position,
    [Line(AgendaItem.TitleMaxLength)] string Title,
    [Description("Notes in Markdown."), Text(AgendaItem.NotesMaxLength)] string? Notes);

[CoordinatorMutation(MeetingsTypeNames.AgendaItem, "Changes an agenda item's title or notes.")]
[Description("Changes an agenda item's title or notes.")]
internal sealed record UpdateAgendaItemInput(
    [Description("The item."), References(MeetingsTypeNames.AgendaItem)] Guid Id,
    [Description("The `version` you read.")] int? Version,
    [Description("The title."), Line(AgendaItem.TitleMaxLength, NotEmpty = true)] Optional<string?> Title,
    [Description("Notes in Markdown; null clears them."), Text(AgendaItem.NotesMaxLength)] Optional<string?> Notes);

[CoordinatorMutation(MeetingsTypeNames.AgendaItem, "Reorders an agenda item or moves it under another item.")]
[Description("Moves an agenda item (with its sub-items) to another place.")]
internal sealed record MoveAgendaItemInput(
    [Description("The item."), References(MeetingsTypeNames.AgendaItem)] Guid Id,
    [Description("Its new parent; omit or null for the top level. Never the item itself or one of its sub-items."),
     References(MeetingsTypeNames.AgendaItem)]
    Guid? ParentId,
    [Description("Its new rank among its new siblings; default last.")] int? Position);
