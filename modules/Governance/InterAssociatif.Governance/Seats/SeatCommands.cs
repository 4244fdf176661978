namespace InterAssociatif.Governance.Seats;

[CoordinatorMutation(GovernanceTypeNames.Seat, "Gives a seat at a session to a member organisation.")]
[Description("Gives a seat at a session to a member organisation.")]
internal sealed record AssignSeatInput(
    [Description("The session: a meeting of a body with association seats."), References(MeetingsTypeNames.Meeting)]
    Guid MeetingId,
    [Description("A member of the network on the meeting's day, not already seated.")]
    [References(DirectoryTypeNames.Organization)]
    Guid OrganizationId,
    [Description(
            "The person it delegates: someone who works for the organisation on the meeting's day (an affiliation)."),
        References(DirectoryTypeNames.Person)]
    Guid? DelegatePersonId);

[CoordinatorMutation(GovernanceTypeNames.Seat, "Frees a seat.")]
[Description("Frees a seat.")]
internal sealed record ReleaseSeatInput([Description("The seat."), References(GovernanceTypeNames.Seat)] Guid Id);

[CoordinatorMutation(
    GovernanceTypeNames.Body,
    "Seats at a meeting of a body the members of a confirmed session of its rotation: each becomes a seat, as"
        + " assignSeat would make it (a member on the meeting's day, within the body's seats); those already seated"
        + " keep their seat. All or nothing.")]
[Description("Turns a confirmed session of a body's rotation into the seats of the meeting that holds it.")]
internal sealed record SeatRotationSessionInput(
    [Description("A body with association seats."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("The number of a confirmed session of its rotation.")] int Session,
    [Description("The meeting that holds it: a session of the body (addBodySession)."),
        References(MeetingsTypeNames.Meeting)]
    Guid MeetingId);

[Description("A member that asks not to sit at a planned session.")]
internal sealed record RotationOptOutInput(
    [Description("The session's number in the rotation.")] int Session,
    [Description("The member."), References(DirectoryTypeNames.Organization)] Guid OrganizationId);

[CoordinatorMutation(
    GovernanceTypeNames.Body,
    "Proposes who sits in the next sessions of a body, fairly: seat counts within one of each other, nobody twice"
        + " in a row while others can sit, opt-outs respected. The proposal is a draft a coordinator confirms; "
        + "recomputing keeps confirmed sessions. Deterministic.")]
[Description("Plans the next sessions of a body's seat rotation as a draft; confirmed sessions are kept.")]
internal sealed record ProposeRotationInput(
    [Description("A body with association seats."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("How many sessions to plan after the confirmed ones."), Range(1, RotationService.MaxSessions)]
    int Sessions,
    [Description(
        "Members that will not sit at a planned session. Omitted: the opt-outs of the current draft are kept; null or "
        + "empty: none.")]
    Optional<IReadOnlyList<RotationOptOutInput>> OptOuts,
    [Description("Whose membership counts: the members on this day; default today (Paris time).")] DateOnly? AsOf);

[CoordinatorMutation(GovernanceTypeNames.Body, "Confirms the draft sessions of a body's rotation.")]
[Description("Confirms the draft sessions of a rotation.")]
internal sealed record ConfirmRotationInput(
    [Description("The body."), References(GovernanceTypeNames.Body)] Guid BodyId,
    [Description("Confirm the drafts up to this session number; default all of them.")] int? ThroughSession);
