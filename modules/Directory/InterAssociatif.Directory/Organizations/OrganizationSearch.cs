namespace InterAssociatif.Directory.Organizations;

/// <summary>Translates a filter and a sort into SQL: nothing is filtered or sorted in memory.</summary>
internal static class OrganizationSearch
{
    /// <summary>The organisations by pages, compiled once per shape of filter and sort.</summary>
    public static PagedQuery<DirectoryDbContext, OrganizationSearchArgs, Organization> Pages { get; } =
        new(args => args.Shape, Apply);

    public static IQueryable<Organization> Apply(DirectoryDbContext db, OrganizationSearchArgs a)
    {
        IQueryable<Organization> query = db.Organizations;
        query = a.IncludeArchived ? query : query.Where(o => o.ArchivedAt == null);

        // A search is translated at each request: each word is a value of its own.
        foreach (var token in a.Tokens)
        {
            query = query.Where(o => o.SearchKey.Contains(token));
        }

        if (a.Kinds.Count > 0)
        {
            query = query.Where(o => a.Kinds.Contains(o.Kind));
        }

        if (a.ThemeIds.Count > 0)
        {
            query = query.Where(o => o.Themes.Any(t => a.ThemeIds.Contains(t.ThemeId)));
        }

        if (a.Neighbourhood.Length > 0)
        {
            query = query.Where(o => o.Neighbourhoods.Any(n => n.NameKey == a.Neighbourhood));
        }

        if (a.Statuses.Count > 0)
        {
            // The latest application on file by that day decides; its dates give the status.
            query = query.Where(o => a.Statuses.Contains(
                o.Memberships
                    .Where(m => m.AppliedOn <= a.Day)
                    .OrderByDescending(m => m.AppliedOn).ThenByDescending(m => m.CreatedAt)
                    .Select(m => (MembershipStatus?)(
                        m.WithdrawnOn != null && m.WithdrawnOn <= a.Day ? MembershipStatus.Withdrawn
                        : m.AdmittedOn != null && m.AdmittedOn <= a.Day ? MembershipStatus.Member
                        : MembershipStatus.Candidate))
                    .FirstOrDefault() ?? MembershipStatus.None));
        }

        return Sort(query, a.Order);
    }

    private static IQueryable<Organization> Sort(IQueryable<Organization> query, IReadOnlyList<OrganizationOrder> order)
    {
        IOrderedQueryable<Organization>? sorted = null;
        foreach (var (field, direction) in order)
        {
            var descending = direction == SortDirection.Desc;
            sorted = field switch
            {
                OrganizationOrderField.CreatedAt => By(query, sorted, o => o.CreatedAt, descending),
                OrganizationOrderField.Kind => By(query, sorted, o => o.Kind, descending),
                _ => By(query, sorted, o => o.NameKey, descending),
            };
        }

        // The id ends every sort so that positions (cursors) are stable.
        return sorted!.ThenBy(o => o.Id);
    }

    private static IOrderedQueryable<Organization> By<TKey>(
        IQueryable<Organization> query,
        IOrderedQueryable<Organization>? sorted,
        System.Linq.Expressions.Expression<Func<Organization, TKey>> key,
        bool descending) =>
        sorted is null
            ? descending ? query.OrderByDescending(key) : query.OrderBy(key)
            : descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key);
}

/// <summary>Every value the SQL of a search binds, computed once from its filter and sort.</summary>
internal sealed class OrganizationSearchArgs(
    OrganizationFilter filter, IReadOnlyList<OrganizationOrder> order, DateOnly today)
{
    public bool IncludeArchived { get; } = filter.IncludeArchived == true;

    public IReadOnlyList<string> Tokens { get; } = SearchText.Tokens(filter.Search);

    public List<OrganizationKind> Kinds { get; } = [.. filter.Kinds];

    public List<Guid> ThemeIds { get; } = [.. filter.ThemeIds];

    public string Neighbourhood { get; } = SearchText.Key(filter.Neighbourhood);

    public List<MembershipStatus> Statuses { get; } = [.. filter.MembershipStatuses.Distinct()];

    /// <summary>The day the statuses are evaluated on.</summary>
    public DateOnly Day { get; } = filter.MembershipAsOf ?? today;

    public IReadOnlyList<OrganizationOrder> Order { get; } =
        order.Count > 0 ? order : [new(OrganizationOrderField.Name, SortDirection.Asc)];

    /// <summary>What the SQL depends on besides the values: which filters apply, and the sort.</summary>
    public string Shape =>
        $"{IncludeArchived} {Tokens.Count} {Kinds.Count > 0} {ThemeIds.Count > 0} {Neighbourhood.Length > 0} "
        + $"{Statuses.Count > 0} {string.Join(',', Order.Select(o => (o.Field, o.Direction == SortDirection.Desc)))}";
}
