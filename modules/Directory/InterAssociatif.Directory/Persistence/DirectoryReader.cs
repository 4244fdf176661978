namespace InterAssociatif.Directory.Persistence;

/// <summary>The Directory's published read contract for other modules; every call is one SQL command.</summary>
internal sealed class DirectoryReader(IDbContextFactory<DirectoryDbContext> factory) : IDirectoryReader
{
    /// <summary>
    /// How the Directory reads to other modules: members by name; an organisation is <c>Archived</c>
    /// when it has an archiving date.
    /// </summary>
    private static readonly TypeAdapterConfig Contract = new();

    static DirectoryReader() =>
        Contract.NewConfig<Organizations.Organization, OrganizationSummary>()
            .Map(s => s.Archived, o => o.ArchivedAt != null);

    public Task<IReadOnlyDictionary<Guid, OrganizationSummary>> GetOrganizationsAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SummariesAsync(db => db.Organizations, ids, (OrganizationSummary o) => o.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, PersonSummary>> GetPeopleAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SummariesAsync(db => db.People, ids, (PersonSummary p) => p.Id, cancellationToken);

    /// <summary>The summaries, by the contract, of the records of a set that have these ids.</summary>
    private async Task<IReadOnlyDictionary<Guid, TSummary>> SummariesAsync<TEntity, TSummary>(
        Func<DirectoryDbContext, IQueryable<TEntity>> set,
        IReadOnlyCollection<Guid> ids,
        Func<TSummary, Guid> id,
        CancellationToken cancellationToken)
        where TEntity : IHasId
    {
        var keys = ids.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await set(db).Where(e => keys.Contains(e.Id)).ProjectToType<TSummary>(Contract)
            .ToDictionaryAsync(id, cancellationToken);
    }

    public async Task<bool> IsAffiliatedAsync(
        Guid personId, Guid organizationId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Affiliations.AnyAsync(
            a => a.PersonId == personId && a.OrganizationId == organizationId
                && (a.StartsOn == null || a.StartsOn <= day) && (a.EndsOn == null || a.EndsOn >= day),
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, MembershipStatus>> GetMembershipStatusAsync(
        IReadOnlyCollection<Guid> organizationIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var keys = organizationIds.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var memberships = await db.Memberships.Where(m => keys.Contains(m.OrganizationId) && m.AppliedOn <= asOf)
            .ToListAsync(cancellationToken);
        var byOrganization = memberships.ToLookup(m => m.OrganizationId);
        return keys.ToDictionary(id => id, id => MembershipRules.StatusOn(byOrganization[id], asOf));
    }

    public async Task<IReadOnlyDictionary<(Guid OrganizationId, DateOnly Day), MembershipStatus>>
        GetMembershipStatusesAsync(
            IReadOnlyCollection<(Guid OrganizationId, DateOnly Day)> pairs, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return new Dictionary<(Guid, DateOnly), MembershipStatus>();
        }

        var keys = pairs.Select(p => p.OrganizationId).Distinct().ToList();
        var latestDay = pairs.Max(p => p.Day);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var byOrganization = (await db.Memberships.Where(m =>
            keys.Contains(m.OrganizationId) && m.AppliedOn <= latestDay)
            .ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganizationId);
        return pairs.Distinct()
            .ToDictionary(p => p, p => MembershipRules.StatusOn(byOrganization[p.OrganizationId], p.Day));
    }

    public async Task<IReadOnlyList<Guid>> GetNetworkOrganizationIdsAsync(
        DateOnly asOf, IReadOnlyCollection<MembershipStatus> statuses, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filter = new Organizations.OrganizationFilter(
            null, [], statuses.ToList(), asOf, [], null, IncludeArchived: false);
        return await Organizations.OrganizationSearch.Apply(db, new(filter, [], asOf))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid?> FindOrganizationIdByNameAsync(string name, CancellationToken cancellationToken)
    {
        var key = SearchText.Key(name);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.Where(o => o.NameKey == key)
            .Select(o => (Guid?)o.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<Guid?> FindThemeIdByNameAsync(string name, CancellationToken cancellationToken)
    {
        var key = SearchText.Key(name);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Themes.Where(t => t.NameKey == key)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Guid?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.People.Where(p => p.Email == normalized)
            .Select(p => (Guid?)p.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, OrganizationProfile>> GetOrganizationProfilesAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var kinds = await db.Organizations.Where(o => keys.Contains(o.Id))
            .Select(o => new { o.Id, o.Kind })
            .ToListAsync(cancellationToken);
        var themes = (await db.OrganizationThemes.Where(t => keys.Contains(t.OrganizationId))
            .Select(t => new { t.OrganizationId, t.Theme!.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(t => t.OrganizationId, t => t.Name);
        var neighbourhoods = (await db.OrganizationNeighbourhoods.Where(n => keys.Contains(n.OrganizationId))
            .Select(n => new { n.OrganizationId, n.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(n => n.OrganizationId, n => n.Name);
        return kinds.ToDictionary(
            k => k.Id,
            k => new OrganizationProfile(k.Id, k.Kind, themes[k.Id].ToList(), neighbourhoods[k.Id].ToList()));
    }
}
