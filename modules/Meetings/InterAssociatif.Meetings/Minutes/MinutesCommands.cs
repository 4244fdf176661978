namespace InterAssociatif.Meetings.Minutes;

[CoordinatorMutation(MeetingsTypeNames.Minutes, "Starts a meeting's minutes as a draft.")]
[Description("Starts the minutes of a meeting as a draft (projet de compte rendu).")]
internal sealed record DraftMinutesInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("The person who writes them."), References(DirectoryTypeNames.Person)] Guid? AuthorId,
    [Description("The day of writing; default today; not before the meeting.")] DateOnly? WrittenOn,
    [Description("The text, in Markdown."), Text(MinutesRecord.TextMaxLength)] string Text);

[CoordinatorMutation(
    MeetingsTypeNames.Minutes,
    "Edits the draft minutes; published minutes are never edited in place.")]
[Description("Changes the draft; published minutes cannot be edited.")]
internal sealed record EditMinutesDraftInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("The `version` you read.")] int? Version,
    [Description("The new text."), Text(MinutesRecord.TextMaxLength, NotEmpty = true)] Optional<string?> Text,
    [Description("The day of writing.")] Optional<DateOnly?> WrittenOn,
    [Description("The author."), References(DirectoryTypeNames.Person)] Optional<Guid?> AuthorId);

[CoordinatorMutation(MeetingsTypeNames.Minutes, "Publishes the draft: its text becomes revision 1 and never changes.")]
[Description("Publishes the draft as the first revision.")]
internal sealed record PublishMinutesInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId);

[CoordinatorMutation(MeetingsTypeNames.Minutes, "Publishes a correction as a new revision.")]
[Description("Publishes a corrected text as a new revision; earlier revisions stay readable.")]
internal sealed record CorrectMinutesInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("The corrected text."), Text(MinutesRecord.TextMaxLength)] string Text,
    [Description("What the correction changes."), Text(MinutesRevision.NoteMaxLength)] string Note);
