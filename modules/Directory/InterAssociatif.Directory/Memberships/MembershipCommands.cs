namespace InterAssociatif.Directory.Memberships;

[CoordinatorMutation(
    DirectoryTypeNames.Membership,
    "Records an organisation's application to the network. After a withdrawal, applying again opens a new "
        + "membership.")]
[Description("An organisation applies to join the network (candidature).")]
internal sealed record ApplyForMembershipInput(
    [Description("The organisation."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("The day of the application; default today.")] DateOnly? AppliedOn);

[CoordinatorMutation(
    DirectoryTypeNames.Membership,
    "Admits a candidate: only an organisation that has applied can be admitted.")]
[Description("Admits a candidate into the network.")]
internal sealed record AdmitMemberInput(
    [Description("The candidate organisation."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("Member since; default today; not before the application.")] DateOnly? AdmittedOn);

[CoordinatorMutation(
    DirectoryTypeNames.Membership,
    "Records a withdrawal (retrait); a withdrawn membership cannot be withdrawn again.")]
[Description("Records that a candidate or member leaves the network (retrait).")]
internal sealed record WithdrawMembershipInput(
    [Description("The organisation."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("The day; default today; not before the application or admission.")] DateOnly? WithdrawnOn,
    [Description("Why."), Text(Membership.ReasonMaxLength)] string? Reason);
