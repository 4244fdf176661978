namespace InterAssociatif.Governance.Decisions;

[Description("A follow-up action of a decision.")]
internal sealed record FollowUpInput(
    [Description("What is to be done."), Text(FollowUp.DescriptionMaxLength)] string Description,
    [Description("The organisation in charge."), References(DirectoryTypeNames.Organization)] Guid? OwnerOrganizationId,
    [Description("The person in charge."), References(DirectoryTypeNames.Person)] Guid? OwnerPersonId,
    [Description("When it is due; not before the decision.")] DateOnly DueOn,
    [Description("DAY (default) or MONTH.")] DuePrecision? DuePrecision);

[CoordinatorMutation(
    GovernanceTypeNames.Decision,
    "Records a decision and its follow-ups; partner tools subscribed to decisions receive it.")]
[Description("A decision for the register, with its follow-ups.")]
internal sealed record RecordDecisionInput(
    [Description("The body that took it."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("The meeting it was taken in."), References(MeetingsTypeNames.Meeting)] Guid? MeetingId,
    [Description("The agenda item it came from (of that meeting)."), References(MeetingsTypeNames.AgendaItem)]
    Guid? AgendaItemId,
    [Description("The decision, in a sentence."), Line(Decision.TitleMaxLength)] string Title,
    [Description("Its full text."), Text(Decision.TextMaxLength)] string? Text,
    [Description("The day it was taken.")] DateOnly DecidedOn,
    [Description("The themes it concerns."), References(DirectoryTypeNames.Theme)] IReadOnlyList<Guid> ThemeIds,
    [Description("Its follow-up actions.")] IReadOnlyList<FollowUpInput> FollowUps);

[CoordinatorMutation(GovernanceTypeNames.Decision, "Amends or revokes a decision.")]
[Description("Amends or revokes a decision; the history keeps every step.")]
internal sealed record ChangeDecisionStatusInput(
    [Description("The decision."), References(GovernanceTypeNames.Decision)] Guid Id,
    [Description("AMENDED or REVOKED.")] DecisionStatus Status,
    [Description("The day of the change; not before the decision.")] DateOnly On,
    [Description("Why."), Text(DecisionStatusChange.NoteMaxLength)] string? Note);

[CoordinatorMutation(GovernanceTypeNames.FollowUp, "Marks a follow-up done or cancelled.")]
[Description("Marks an open follow-up done or cancelled.")]
internal sealed record SetFollowUpStatusInput(
    [Description("The follow-up."), References(GovernanceTypeNames.FollowUp)] Guid Id,
    [Description("DONE or CANCELLED.")] FollowUpStatus Status,
    [Description("When it was done; default today.")] DateOnly? DoneOn);

[Description("Narrows the decision register. All given conditions must hold.")]
internal sealed record DecisionFilter(
    [Description("Decisions of this body."), References(GovernanceTypeNames.Body)] Guid? BodyId,
    [Description("Decisions taken in this meeting."), References(MeetingsTypeNames.Meeting)] Guid? MeetingId,
    [Description("Decisions concerning this theme."), References(DirectoryTypeNames.Theme)] Guid? ThemeId,
    [Description("Decided on or after this day.")] DateOnly? From,
    [Description("Decided on or before this day.")] DateOnly? To,
    [Description("Only these statuses.")] IReadOnlyList<DecisionStatus> Statuses);

[Description("Narrows the follow-up board.")]
internal sealed record FollowUpFilter(
    [Description("Only these statuses.")] IReadOnlyList<FollowUpStatus> Statuses,
    [Description("Only open follow-ups due before this day.")] DateOnly? OverdueAsOf,
    [Description("Only those this organisation owns."), References(DirectoryTypeNames.Organization)]
    Guid? OwnerOrganizationId);
