namespace InterAssociatif.Governance.Requests;

[Description("Where an escalated request stands: SUBMITTED, ACCEPTED, REJECTED or ANSWERED.")]
internal enum RequestStatus
{
    [Description("Sent, awaiting an answer (remontée).")]
    Submitted,

    [Description("Accepted by the institution; an answer is still to come.")]
    Accepted,

    [Description("Rejected by the institution.")]
    Rejected,

    [Description("Answered (the answer is recorded).")]
    Answered,
}

/// <summary>A request a body escalates to institutions or people (demande remontée), and its answer.</summary>
internal sealed class EscalatedRequest : IHasId
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid BodyId { get; set; }

    /// <summary>The meeting it was raised in (Meetings id), if any.</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>The agenda item of that meeting it came from (Meetings id), if any.</summary>
    public Guid? AgendaItemId { get; set; }

    [MaxLength(TextMaxLength)] public string Text { get; set; } = "";

    public DateOnly RaisedOn { get; set; }

    public DateOnly? ExpectedAnswerOn { get; set; }

    public RequestStatus Status { get; set; }

    [MaxLength(TextMaxLength)] public string? Answer { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public int Version { get; set; }

    public List<RequestRecipient> Recipients { get; set; } = [];
}

/// <summary>Whom a request is addressed to: an organisation or a person (Directory ids).</summary>
internal sealed class RequestRecipient
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? PersonId { get; set; }
}
