namespace InterAssociatif.Governance.Bodies;

[Description("A new body.")]
internal sealed record CreateBodyInput(
    [Description("What kind of body.")] BodyKind Kind,
    [Description("Its name, unique.")] string Name,
    [Description("What it does.")] string? Description,
    [Description("For a thematic group: its theme."), References(DirectoryTypeNames.Theme)] Guid? ThemeId,
    [Description("How many times a year it meets.")] int? MeetingsPerYear,
    [Description("Seats for associations at each session.")] int? AssociationSeats);

[Description("Records that a meeting is a session of a body.")]
internal sealed record AddBodySessionInput(
    [Description("The body."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("The meeting; a meeting is the session of one body."), References(MeetingsTypeNames.Meeting)] Guid MeetingId);

[Description("An organisation joins a body (a thematic group).")]
internal sealed record JoinBodyInput(
    [Description("The body."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("The organisation."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("The day it joins.")] DateOnly Since);
