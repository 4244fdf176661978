namespace InterAssociatif.Governance.Requests;

[CoordinatorMutation(GovernanceTypeNames.EscalatedRequest, "Records a request escalated to institutions.",
    ResultField = "request")]
[Description("A request a body escalates to organisations or people.")]
internal sealed record EscalateRequestInput(
    [Description("The body that raises it."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("What is asked."), Text(EscalatedRequest.TextMaxLength)] string Text,
    [Description("The day it is raised.")] DateOnly RaisedOn,
    [Description("When an answer is expected; not before it is raised.")] DateOnly? ExpectedAnswerOn,
    [Description("The organisations it is addressed to."), References(DirectoryTypeNames.Organization)]
    IReadOnlyList<Guid> RecipientOrganizationIds,
    [Description("The people it is addressed to."), References(DirectoryTypeNames.Person)]
    IReadOnlyList<Guid> RecipientPersonIds,
    [Description("The meeting it was raised in."), References(MeetingsTypeNames.Meeting)] Guid? MeetingId = null,
    [Description("The agenda item it came from (of that meeting)."), References(MeetingsTypeNames.AgendaItem)]
    Guid? AgendaItemId = null);

[CoordinatorMutation(GovernanceTypeNames.EscalatedRequest, "Records the response to an escalated request.",
    ResultField = "request")]
[Description("Records the institution's response to a request.")]
internal sealed record SetRequestStatusInput(
    [Description("The request."), References(GovernanceTypeNames.EscalatedRequest)] Guid Id,
    [Description("ACCEPTED, REJECTED or ANSWERED.")] RequestStatus Status,
    [Description("The answer (required for ANSWERED) or the reason of a rejection.")]
    [Text(EscalatedRequest.TextMaxLength)]
    string? Answer,
    [Description("The day of the response.")] DateOnly On);
