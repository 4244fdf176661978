namespace InterAssociatif.Directory.Memberships;

/// <summary>Published when an organisation applies, is admitted or withdraws.</summary>
internal sealed record MembershipChanged(Guid OrganizationId, Guid MembershipId, string Change);

/// <summary>Runs the membership lifecycle. One transaction per call; on any error nothing is written.</summary>
internal sealed class MembershipService(
    IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IEventBus events)
{
    public Task<MutationResult<Membership>> ApplyAsync(
        ApplyForMembershipInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var appliedOn = command.AppliedOn ?? time.Today();
        return ChangeAsync(command.OrganizationId, errors, "applied", (organization, latest) =>
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
                OrganizationId = organization.Id,
                AppliedOn = appliedOn,
                CreatedAt = time.GetUtcNow(),
                Version = 1,
            });
        }, cancellationToken);
    }

    public Task<MutationResult<Membership>> AdmitAsync(
        AdmitMemberInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var admittedOn = command.AdmittedOn ?? time.Today();
        return ChangeAsync(command.OrganizationId, errors, "admitted", (_, latest) =>
        {
            if (MembershipRules.OnlyAnApplicantCanBeAdmitted(latest, admittedOn) is { } error)
            {
                return (error, null);
            }

            latest!.AdmittedOn = admittedOn;
            latest.Version++;
            return (null, latest);
        }, cancellationToken);
    }

    public Task<MutationResult<Membership>> WithdrawAsync(
        WithdrawMembershipInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("reason", command.Reason, Membership.ReasonMaxLength, required: false);
        var withdrawnOn = command.WithdrawnOn ?? time.Today();
        return ChangeAsync(command.OrganizationId, errors, "withdrawn", (_, latest) =>
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
        var organization = await change.FindAsync(
            records, organizationId, "organizationId", DirectoryTypeNames.Organization, "organisation");
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
