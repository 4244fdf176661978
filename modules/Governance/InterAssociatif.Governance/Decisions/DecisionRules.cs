namespace InterAssociatif.Governance.Decisions;

/// <summary>The rules of the decision register: how a decision's status and its follow-ups may change.</summary>
internal static class DecisionRules
{
    /// <summary>
    /// Adopted → amended (again and again) → revoked, never back to adopted; a revoked decision changes no more; a
    /// change does not precede the decision.
    /// </summary>
    public static void StatusChangeIsAllowed(ErrorList errors, Decision decision, DecisionStatus status, DateOnly on)
    {
        if (status == DecisionStatus.Adopted || decision.Status == DecisionStatus.Revoked)
        {
            errors.Add(new ConflictError("status", MessageText.CannotBecome("decision", decision.Status, status)));
        }

        if (on < decision.DecidedOn)
        {
            errors.Add(new InputValidationError("on", "A change cannot precede the decision."));
        }
    }

    /// <summary>Open → done or cancelled, once.</summary>
    public static void FollowUpStatusChangeIsAllowed(ErrorList errors, FollowUp followUp, FollowUpStatus status)
    {
        if (followUp.Status != FollowUpStatus.Open || status == FollowUpStatus.Open)
        {
            errors.Add(new ConflictError("status", MessageText.CannotBecome("follow-up", followUp.Status, status)));
        }
    }

    /// <summary>
    /// A follow-up due in a month may be due in the decision's month; one due on a day, not before the decision.
    /// </summary>
    public static void FollowUpIsNotDueBeforeTheDecision(
        ErrorList errors, string field, DateOnly dueOn, DuePrecision? precision, DateOnly decidedOn)
    {
        var lastDay = precision == DuePrecision.Month
            ? new DateOnly(dueOn.Year, dueOn.Month, DateTime.DaysInMonth(dueOn.Year, dueOn.Month))
            : dueOn;
        if (lastDay < decidedOn)
        {
            errors.Add(new InputValidationError(field, "A follow-up cannot be due before the decision."));
        }
    }
}
