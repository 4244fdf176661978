namespace InterAssociatif.Directory.Organizations;

/// <summary>
/// Creates, changes and archives organisations. Each call is one transaction; on any error nothing is written.
/// </summary>
internal sealed class OrganizationService(
    IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IEventBus events)
{
    public async Task<MutationResult<Organization>> CreateAsync(
        CreateOrganizationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Line("name", command.Name, Organization.NameMaxLength, required: true);
        var acronym = errors.Line("acronym", command.Acronym, Organization.AcronymMaxLength, required: false);
        var description = errors.Text(
            "description", command.Description, Organization.DescriptionMaxLength, required: false);
        var website = OrganizationRules.Website(errors, "website", command.Website);
        var neighbourhoods = OrganizationRules.Neighbourhoods(errors, "neighbourhoods", command.Neighbourhoods);

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        if (name is not null)
        {
            await OrganizationRules.NameIsFree(change.Db, errors, "name", name, exceptId: null, cancellationToken);
        }

        var now = time.GetUtcNow();
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            Kind = command.Kind,
            Description = description,
            Website = website,
            ParentId = command.ParentId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        organization.SetName(name ?? "");
        organization.SetAcronym(acronym);
        organization.Neighbourhoods = neighbourhoods.Select(n =>
            new OrganizationNeighbourhood { Name = n, NameKey = SearchText.Key(n) })
            .ToList();
        organization.Themes = command.ThemeIds.Distinct().Select(t => new OrganizationTheme { ThemeId = t }).ToList();
        change.Db.Organizations.Add(organization);
        return await CommitAsync(change, organization, "created");
    }

    public async Task<MutationResult<Organization>> UpdateAsync(
        UpdateOrganizationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Line("name", command.Name, Organization.NameMaxLength, required: true);
        var acronym = errors.Line("acronym", command.Acronym, Organization.AcronymMaxLength, required: false);
        var description = errors.Text(
            "description", command.Description, Organization.DescriptionMaxLength, required: false);
        var website = command.Website.IsSet
            ? OrganizationRules.Website(errors, "website", command.Website.Value)
            : null;
        var neighbourhoods = command.Neighbourhoods.IsSet
            ? OrganizationRules.Neighbourhoods(errors, "neighbourhoods", command.Neighbourhoods.Value ?? [])
            : [];

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var records = change.Db.Organizations.Include(o => o.Neighbourhoods).Include(o => o.Themes);
        var organization = await change.FindAsync(
            records, command.Id, "id", DirectoryTypeNames.Organization, "organisation", command.Version);
        if (organization is null)
        {
            return change.Fail<Organization>();
        }

        if (name is not null)
        {
            await OrganizationRules.NameIsFree(change.Db, errors, "name", name, organization.Id, cancellationToken);
            organization.SetName(name);
        }

        if (command.ParentId is { IsSet: true, Value: { } parentId })
        {
            await OrganizationRules.IsNotItsOwnUnit(
                change.Db, errors, "parentId", parentId, organization.Id, cancellationToken);
        }

        organization.Kind = command.Kind.Or(organization.Kind);
        organization.SetAcronym(command.Acronym.IsSet ? acronym : organization.Acronym);
        organization.Description = command.Description.IsSet ? description : organization.Description;
        organization.Website = command.Website.IsSet ? website : organization.Website;
        organization.ParentId = command.ParentId.Or(organization.ParentId);
        if (command.Neighbourhoods.IsSet)
        {
            organization.Neighbourhoods.Clear();
            organization.Neighbourhoods.AddRange(
                neighbourhoods.Select(n =>
                    new OrganizationNeighbourhood
                    {
                        OrganizationId = organization.Id,
                        Name = n,
                        NameKey = SearchText.Key(n)
                    }));
        }

        if (command.ThemeIds.IsSet)
        {
            organization.Themes.Clear();
            organization.Themes.AddRange(
                (command.ThemeIds.Value ?? [])
                    .Distinct()
                    .Select(t => new OrganizationTheme { OrganizationId = organization.Id, ThemeId = t }));
        }

        organization.UpdatedAt = time.GetUtcNow();
        organization.Version++;
        return await CommitAsync(change, organization, "updated");
    }

    /// <summary>
    /// Archives or restores an organisation. Organisations are never hard-deleted: others refer to them.
    /// </summary>
    public Task<MutationResult<Organization>> ArchiveAsync(
        ArchiveOrganizationInput command, ErrorList errors, CancellationToken cancellationToken) =>
        SetArchivedAsync(command, archived: true, errors, cancellationToken);

    public Task<MutationResult<Organization>> RestoreAsync(
        ArchiveOrganizationInput command, ErrorList errors, CancellationToken cancellationToken) =>
        SetArchivedAsync(command, archived: false, errors, cancellationToken);

    private async Task<MutationResult<Organization>> SetArchivedAsync(
        ArchiveOrganizationInput command, bool archived, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, expectedVersion) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var organization = await change.FindAsync(
            change.Db.Organizations, id, "id", DirectoryTypeNames.Organization, "organisation", expectedVersion);
        if (organization is null)
        {
            return change.Fail<Organization>();
        }

        if (archived == (organization.ArchivedAt is not null))
        {
            errors.Add(
                new ConflictError(
                    "id", archived ? "This organisation is already archived." : "This organisation is not archived."));
        }

        var now = time.GetUtcNow();
        organization.ArchivedAt = archived ? now : null;
        organization.UpdatedAt = now;
        organization.Version++;
        return await CommitAsync(change, organization, archived ? "archived" : "restored");
    }

    private async Task<MutationResult<Organization>> CommitAsync(
        Change<DirectoryDbContext> change, Organization organization, string what)
    {
        var result = await change.CommitAsync(organization, "organisation", "name",
            "An organisation with this name already exists (names are compared without case, accents or punctuation).");
        if (result.Value is not null)
        {
            await events.PublishAsync(
                new OrganizationChanged(organization.Id, what, organization.UpdatedAt), change.CancellationToken);
        }

        return result;
    }
}
