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
        string change,
        Func<Organization, Membership?, (UserError? Error, Membership? Changed)> apply,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = await db.Organizations.AsTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
        {
            errors.Add(OrganizationRules.NotFound("organizationId", organizationId));
        }

        if (errors.Any)
        {
            return MutationResult<Membership>.Fail(errors.Items);
        }

        var (error, changed) = apply(organization!, MembershipRules.Latest(organization!.Memberships));
        if (error is not null)
        {
            return MutationResult<Membership>.Fail(error);
        }

        if (changed is { Version: 1 } && !organization.Memberships.Contains(changed))
        {
            db.Memberships.Add(changed);
        }

        var result = await db.CommitAsync(transaction, changed!, "membership", cancellationToken);
        if (result.Value is null)
        {
            return result;
        }

        await events.PublishAsync(new MembershipChanged(organizationId, changed!.Id, change), cancellationToken);
        return result;
    }
}
