namespace InterAssociatif.Directory.Memberships;

/// <summary>
/// One membership of an organisation in the network, from its application (candidature) to its
/// admission and possibly its withdrawal (retrait). Re-joining opens a new record, so the history
/// of every organisation stays whole.
/// </summary>
internal sealed class Membership : IHasId
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public DateOnly AppliedOn { get; set; }

    public DateOnly? AdmittedOn { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    [MaxLength(ReasonMaxLength)] public string? WithdrawalReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The status of this record on a day (None before the application).</summary>
    public MembershipStatus StatusOn(DateOnly day) =>
        AppliedOn > day ? MembershipStatus.None
        : WithdrawnOn <= day ? MembershipStatus.Withdrawn
        : AdmittedOn <= day ? MembershipStatus.Member
        : MembershipStatus.Candidate;

    public bool IsOpen => WithdrawnOn is null;
}
