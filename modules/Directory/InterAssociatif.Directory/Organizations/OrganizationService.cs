using InterAssociatif.Kernel.Events;

namespace InterAssociatif.Directory.Organizations;

/// <summary>Creates, changes and archives organisations. Each call is one transaction; on any error nothing is written.</summary>
internal sealed class OrganizationService(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IEventBus events)
{
    public async Task<MutationResult<Organization>> CreateAsync(CreateOrganizationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Text("name", command.Name, Organization.NameMaxLength, required: true);
        var acronym = errors.Text("acronym", command.Acronym, Organization.AcronymMaxLength, required: false);
        var description = errors.Text("description", command.Description, Organization.DescriptionMaxLength, required: false);
        var website = OrganizationRules.Website(errors, "website", command.Website);
        var neighbourhoods = OrganizationRules.Neighbourhoods(errors, "neighbourhoods", command.Neighbourhoods);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (name is not null)
        {
            await OrganizationRules.NameIsFree(db, errors, "name", name, exceptId: null, cancellationToken);
        }

        await OrganizationRules.ThemesExist(db, errors, "themeIds", command.ThemeIds, cancellationToken);
        if (command.ParentId is { } parentId)
        {
            await OrganizationRules.ParentExists(db, errors, "parentId", parentId, selfId: null, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Organization>.Fail(errors.Items);
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
        organization.SetName(name!);
        organization.SetAcronym(acronym);
        organization.Neighbourhoods = neighbourhoods.Select(n => new OrganizationNeighbourhood { Name = n, NameKey = SearchText.Key(n) }).ToList();
        organization.Themes = command.ThemeIds.Distinct().Select(t => new OrganizationTheme { ThemeId = t }).ToList();
        db.Organizations.Add(organization);

        return await CommitAsync(db, transaction, organization, "created", cancellationToken);
    }

    public async Task<MutationResult<Organization>> UpdateAsync(UpdateOrganizationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = command.Name.IsSet ? errors.Text("name", command.Name.Value, Organization.NameMaxLength, required: true) : null;
        var acronym = command.Acronym.IsSet ? errors.Text("acronym", command.Acronym.Value, Organization.AcronymMaxLength, required: false) : null;
        var description = command.Description.IsSet ? errors.Text("description", command.Description.Value, Organization.DescriptionMaxLength, required: false) : null;
        var website = command.Website.IsSet ? OrganizationRules.Website(errors, "website", command.Website.Value) : null;
        var neighbourhoods = command.Neighbourhoods.IsSet ? OrganizationRules.Neighbourhoods(errors, "neighbourhoods", command.Neighbourhoods.Value ?? []) : [];

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = await db.Organizations.AsTracking()
            .Include(o => o.Neighbourhoods).Include(o => o.Themes)
            .SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken);
        if (organization is null)
        {
            errors.Add(OrganizationRules.NotFound("id", command.Id));
            return MutationResult<Organization>.Fail(errors.Items);
        }

        OrganizationRules.VersionMatches(errors, "version", command.Version, organization.Version);
        if (name is not null)
        {
            await OrganizationRules.NameIsFree(db, errors, "name", name, organization.Id, cancellationToken);
        }

        if (command.ThemeIds.IsSet)
        {
            await OrganizationRules.ThemesExist(db, errors, "themeIds", command.ThemeIds.Value ?? [], cancellationToken);
        }

        if (command.ParentId is { IsSet: true, Value: { } parentId })
        {
            await OrganizationRules.ParentExists(db, errors, "parentId", parentId, organization.Id, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Organization>.Fail(errors.Items);
        }

        if (command.Kind.IsSet)
        {
            organization.Kind = command.Kind.Value;
        }

        if (name is not null)
        {
            organization.SetName(name);
        }

        if (command.Acronym.IsSet)
        {
            organization.SetAcronym(acronym);
        }

        if (command.Description.IsSet)
        {
            organization.Description = description;
        }

        if (command.Website.IsSet)
        {
            organization.Website = website;
        }

        if (command.ParentId.IsSet)
        {
            organization.ParentId = command.ParentId.Value;
        }

        if (command.Neighbourhoods.IsSet)
        {
            organization.Neighbourhoods.Clear();
            organization.Neighbourhoods.AddRange(neighbourhoods.Select(n => new OrganizationNeighbourhood { OrganizationId = organization.Id, Name = n, NameKey = SearchText.Key(n) }));
        }

        if (command.ThemeIds.IsSet)
        {
            organization.Themes.Clear();
            organization.Themes.AddRange((command.ThemeIds.Value ?? []).Distinct().Select(t => new OrganizationTheme { OrganizationId = organization.Id, ThemeId = t }));
        }

        organization.UpdatedAt = time.GetUtcNow();
        organization.Version++;
        return await CommitAsync(db, transaction, organization, "updated", cancellationToken);
    }

    /// <summary>Archives or restores an organisation. Organisations are never hard-deleted: others refer to them.</summary>
    public async Task<MutationResult<Organization>> SetArchivedAsync(Guid id, bool archived, int? expectedVersion, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = await db.Organizations.AsTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            errors.Add(OrganizationRules.NotFound("id", id));
            return MutationResult<Organization>.Fail(errors.Items);
        }

        OrganizationRules.VersionMatches(errors, "version", expectedVersion, organization.Version);
        if (archived == (organization.ArchivedAt is not null))
        {
            errors.Add(new ConflictError("id", archived ? "This organisation is already archived." : "This organisation is not archived."));
        }

        if (errors.Any)
        {
            return MutationResult<Organization>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        organization.ArchivedAt = archived ? now : null;
        organization.UpdatedAt = now;
        organization.Version++;
        return await CommitAsync(db, transaction, organization, archived ? "archived" : "restored", cancellationToken);
    }

    private async Task<MutationResult<Organization>> CommitAsync(
        DirectoryDbContext db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        Organization organization,
        string change,
        CancellationToken cancellationToken)
    {
        var result = await db.CommitAsync(transaction, organization, "organisation", cancellationToken, "name",
            "An organisation with this name already exists (names are compared without case, accents or punctuation).");
        if (result.Value is not null)
        {
            await events.PublishAsync(new OrganizationChanged(organization.Id, change, organization.UpdatedAt), cancellationToken);
        }

        return result;
    }
}
