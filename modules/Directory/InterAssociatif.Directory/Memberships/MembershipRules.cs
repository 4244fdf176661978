namespace InterAssociatif.Directory.Memberships;

/// <summary>The membership lifecycle: applied → admitted → withdrawn; re-joining opens a new record.</summary>
internal static class MembershipRules
{
    /// <summary>The latest membership on file by <paramref name="day"/> decides the status.</summary>
    public static MembershipStatus StatusOn(IEnumerable<Membership> history, DateOnly day) =>
        history.Where(m => m.AppliedOn <= day)
            .OrderByDescending(m => m.AppliedOn).ThenByDescending(m => m.CreatedAt)
            .FirstOrDefault()?.StatusOn(day) ?? MembershipStatus.None;

    public static Membership? Latest(IEnumerable<Membership> history) =>
        history.OrderByDescending(m => m.AppliedOn).ThenByDescending(m => m.CreatedAt).FirstOrDefault();

    /// <summary>
    /// An organisation with an open application or membership cannot apply again; after a withdrawal it can, on a later
    /// day.
    /// </summary>
    public static UserError? CanApply(Membership? latest, DateOnly appliedOn)
    {
        if (latest is { IsOpen: true })
        {
            return new ConflictError("organizationId", latest.AdmittedOn is null
                ? "This organisation has already applied and is a candidate."
                : "This organisation is already a member of the network.");
        }

        if (latest?.WithdrawnOn is { } withdrawnOn && appliedOn <= withdrawnOn)
        {
            return new InputValidationError(
                "appliedOn", $"`appliedOn` must be after the previous withdrawal ({withdrawnOn:yyyy-MM-dd}).");
        }

        return null;
    }

    /// <summary>
    /// Only an applicant (an open, not yet admitted membership) can be admitted, on or after the day it applied.
    /// </summary>
    public static UserError? OnlyAnApplicantCanBeAdmitted(Membership? latest, DateOnly admittedOn)
    {
        if (latest is { IsOpen: false, WithdrawnOn: { } withdrawn })
        {
            return new ConflictError(
                "organizationId",
                $"This organisation withdrew on {withdrawn:yyyy-MM-dd}: it must apply again (`applyForMembership`) "
                + $"before it can be admitted.");
        }

        if (latest is null || !latest.IsOpen)
        {
            return new ConflictError(
                "organizationId", "This organisation has not applied: only a candidate can be admitted.");
        }

        if (latest.AdmittedOn is not null)
        {
            return new ConflictError("organizationId", "This organisation is already a member.");
        }

        return admittedOn < latest.AppliedOn
            ? new InputValidationError(
                "admittedOn", $"`admittedOn` must not be before the application ({latest.AppliedOn:yyyy-MM-dd}).")
            : null;
    }

    /// <summary>
    /// A withdrawn membership cannot be withdrawn again; a withdrawal comes after the application and the admission.
    /// </summary>
    public static UserError? CanWithdraw(Membership? latest, DateOnly withdrawnOn)
    {
        if (latest is null)
        {
            return new ConflictError(
                "organizationId", "This organisation is not in the network: there is nothing to withdraw.");
        }

        if (!latest.IsOpen)
        {
            return new ConflictError("organizationId", "This organisation has already withdrawn.");
        }

        var earliest = latest.AdmittedOn ?? latest.AppliedOn;
        return withdrawnOn < earliest
            ? new InputValidationError("withdrawnOn", $"`withdrawnOn` must not be before {earliest:yyyy-MM-dd}.")
            : null;
    }
}
