namespace InterAssociatif.Governance.Bodies;

[CoordinatorMutation(GovernanceTypeNames.Body, "Creates a body.")]
[Description("A new body.")]
internal sealed record CreateBodyInput(
    [Description("What kind of body.")] BodyKind Kind,
    [Description("Its name, unique."), Line(Body.NameMaxLength)] string Name,
    [Description("What it does."), Text(Body.DescriptionMaxLength)] string? Description,
    [Description("For a thematic group: its theme."), References(DirectoryTypeNames.Theme)] Guid? ThemeId,
    [Description("How many times a year it meets."), Range(1, Body.MaxMeetingsPerYear)] int? MeetingsPerYear,
    [Description("Seats for associations at each session."), Range(1, Body.MaxAssociationSeats)]
    int? AssociationSeats);

[CoordinatorMutation(GovernanceTypeNames.Body, "Records that a meeting is a session of a body.")]
[Description("Records that a meeting is a session of a body.")]
internal sealed record AddBodySessionInput(
    [Description("The body."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("The meeting; a meeting is the session of one body."), References(MeetingsTypeNames.Meeting)]
    Guid MeetingId);

[CoordinatorMutation(GovernanceTypeNames.Body, "An organisation joins a body (e.g. a thematic group).")]
[Description("An organisation joins a body (a thematic group).")]
internal sealed record JoinBodyInput(
    [Description("The body."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("The organisation."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("The day it joins.")] DateOnly Since);
