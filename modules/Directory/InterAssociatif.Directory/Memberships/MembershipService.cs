using InterAssociatif.Directory.Organizations;
using InterAssociatif.Kernel.Events;

namespace InterAssociatif.Directory.Memberships;

/// <summary>Published when an organisation applies, is admitted or withdraws.</summary>
internal sealed record MembershipChanged(Guid OrganizationId, Guid MembershipId, string Change);

/// <summary>Runs the membership lifecycle. One transaction per call; on any error nothing is written.</summary>
internal sealed class MembershipService(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IEventBus events)
{
    public Task<MutationResult<Membership>> ApplyAsync(Guid organizationId, DateOnly appliedOn, ErrorList errors, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, errors, "applied", (organization, latest) =>
        {
            if (organization.ArchivedAt is not null)
            {
                return (new ConflictError("organizationId", "An archived organisation cannot apply."), null);
            }

            if (MembershipRules.CanApply(latest, appliedOn) is { } error)
            {
                return (error, null);
            }

            return (null, new Membership
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                OrganizationId = organizationId,
                AppliedOn = appliedOn,
                CreatedAt = time.GetUtcNow(),
                Version = 1,
            });
        }, cancellationToken);

    public Task<MutationResult<Membership>> AdmitAsync(Guid organizationId, DateOnly admittedOn, ErrorList errors, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, errors, "admitted", (_, latest) =>
        {
            if (MembershipRules.OnlyAnApplicantCanBeAdmitted(latest, admittedOn) is { } error)
            {
                return (error, null);
            }

            latest!.AdmittedOn = admittedOn;
            latest.Version++;
            return (null, latest);
        }, cancellationToken);

    public Task<MutationResult<Membership>> WithdrawAsync(Guid organizationId, DateOnly withdrawnOn, string? reason, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("reason", reason, Membership.ReasonMaxLength, required: false);
        return ChangeAsync(organizationId, errors, "withdrawn", (_, latest) =>
        {
            if (MembershipRules.CanWithdraw(latest, withdrawnOn) is { } error)
            {
                return (error, null);
            }

            latest!.WithdrawnOn = withdrawnOn;
            latest.WithdrawalReason = text;
            latest.Version++;
            return (null, latest);
        }, cancellationToken);
    }

    private async Task<MutationResult<Membership>> ChangeAsync(
        Guid organizationId,
        ErrorList errors,
        string what,
        Func<Organization, Membership?, (UserError? Error, Membership? Changed)> apply,
        CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var records = change.Db.Organizations.Include(o => o.Memberships);
        var organization = await change.FindAsync(records, organizationId, "organizationId", DirectoryTypeNames.Organization, "organisation");
        if (change.Failed)
        {
            return change.Fail<Membership>();
        }

        var (error, changed) = apply(organization!, MembershipRules.Latest(organization!.Memberships));
        if (error is not null)
        {
            errors.Add(error);
        }
        else if (changed is { Version: 1 } && !organization.Memberships.Contains(changed))
        {
            change.Db.Memberships.Add(changed);
        }

        var result = await change.CommitAsync(changed, "membership");
        if (result.Value is not null)
        {
            await events.PublishAsync(new MembershipChanged(organizationId, result.Value.Id, what), cancellationToken);
        }

        return result;
    }
}
