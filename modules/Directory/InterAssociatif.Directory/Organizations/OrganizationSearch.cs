namespace InterAssociatif.Directory.Organizations;

/// <summary>Translates a filter and a sort into SQL: nothing is filtered or sorted in memory.</summary>
internal static class OrganizationSearch
{
    public static IQueryable<Organization> Apply(DirectoryDbContext db, OrganizationFilter filter, IReadOnlyList<OrganizationOrder> order, DateOnly today)
    {
        IQueryable<Organization> query = db.Organizations;
        query = filter.IncludeArchived != true ? query.Where(o => o.ArchivedAt == null) : query;

        foreach (var token in SearchText.Tokens(filter.Search))
        {
            query = query.Where(o => o.SearchKey.Contains(token));
        }

        if (filter.Kinds.Count > 0)
        {
            var kinds = filter.Kinds.ToList();
            query = query.Where(o => kinds.Contains(o.Kind));
        }

        if (filter.ThemeIds.Count > 0)
        {
            var themeIds = filter.ThemeIds.ToList();
            query = query.Where(o => o.Themes.Any(t => themeIds.Contains(t.ThemeId)));
        }

        if (SearchText.Key(filter.Neighbourhood) is { Length: > 0 } neighbourhood)
        {
            query = query.Where(o => o.Neighbourhoods.Any(n => n.NameKey == neighbourhood));
        }

        if (filter.MembershipStatuses.Count > 0)
        {
            var day = filter.MembershipAsOf ?? today;
            var statuses = filter.MembershipStatuses.Distinct().ToList();

            // The latest application on file by that day decides; its dates give the status.
            query = query.Where(o => statuses.Contains(
                o.Memberships
                    .Where(m => m.AppliedOn <= day)
                    .OrderByDescending(m => m.AppliedOn).ThenByDescending(m => m.CreatedAt)
                    .Select(m => (MembershipStatus?)(
                        m.WithdrawnOn != null && m.WithdrawnOn <= day ? MembershipStatus.Withdrawn
                        : m.AdmittedOn != null && m.AdmittedOn <= day ? MembershipStatus.Member
                        : MembershipStatus.Candidate))
                    .FirstOrDefault() ?? MembershipStatus.None));
        }

        return Sort(query, order);
    }

    private static IQueryable<Organization> Sort(IQueryable<Organization> query, IReadOnlyList<OrganizationOrder> order)
    {
        IOrderedQueryable<Organization>? sorted = null;
        foreach (var (field, direction) in order.Count > 0 ? order : [new OrganizationOrder(OrganizationOrderField.Name, SortDirection.Asc)])
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

    private static IOrderedQueryable<Organization> By<TKey>(IQueryable<Organization> query, IOrderedQueryable<Organization>? sorted, System.Linq.Expressions.Expression<Func<Organization, TKey>> key, bool descending) =>
        sorted is null
            ? descending ? query.OrderByDescending(key) : query.OrderBy(key)
            : descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key);
}
