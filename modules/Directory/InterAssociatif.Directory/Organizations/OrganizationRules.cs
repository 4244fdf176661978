namespace InterAssociatif.Directory.Organizations;

/// <summary>The rules an organisation's data must follow, each named for what it checks.</summary>
internal static class OrganizationRules
{
    public const int MaxNeighbourhoods = 30;

    public static NotFoundError NotFound(string field, Guid id) =>
        new(field, "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, id));

    /// <summary>Two organisations cannot share a name once case, accents and punctuation are ignored.</summary>
    public static async Task NameIsFree(DirectoryDbContext db, ErrorList errors, string field, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var key = SearchText.Key(name);
        if (key.Length == 0)
        {
            errors.Add(new InputValidationError(field, $"`{field}` must contain letters or digits."));
            return;
        }

        var taken = await db.Organizations.AnyAsync(o => o.NameKey == key && o.Id != exceptId, cancellationToken);
        if (taken)
        {
            errors.Add(new ConflictError(field, $"An organisation named like \"{name}\" already exists (names are compared without case, accents or punctuation)."));
        }
    }

    public static async Task ThemesExist(DirectoryDbContext db, ErrorList errors, string field, IReadOnlyList<Guid> themeIds, CancellationToken cancellationToken)
    {
        if (themeIds.Count == 0)
        {
            return;
        }

        var distinct = themeIds.Distinct().ToList();
        var known = await db.Themes.Where(t => distinct.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < themeIds.Count; i++)
        {
            if (themeIds[i] != Guid.Empty && !known.Contains(themeIds[i]))
            {
                errors.Add(new NotFoundError($"{field}[{i}]", "No theme has this id.", GlobalId.Encode(DirectoryTypeNames.Theme, themeIds[i])));
            }
        }
    }

    /// <summary>The parent must exist and must not be the organisation itself or one of its units.</summary>
    public static async Task ParentExists(DirectoryDbContext db, ErrorList errors, string field, Guid parentId, Guid? selfId, CancellationToken cancellationToken)
    {
        if (parentId == selfId)
        {
            errors.Add(new InputValidationError(field, "An organisation cannot be its own parent."));
            return;
        }

        // Walk up from the proposed parent: reaching the organisation itself would make a cycle.
        var current = (Guid?)parentId;
        for (var depth = 0; current is { } id && depth < 20; depth++)
        {
            var row = await db.Organizations.Where(o => o.Id == id).Select(o => new { o.ParentId }).SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                if (id == parentId)
                {
                    errors.Add(NotFound(field, parentId));
                }

                return;
            }

            if (row.ParentId == selfId && selfId is not null)
            {
                errors.Add(new InputValidationError(field, "An organisation cannot be a unit of one of its own units."));
                return;
            }

            current = row.ParentId;
        }
    }

    public static string? Website(ErrorList errors, string field, string? value)
    {
        var text = errors.Text(field, value, Organization.WebsiteMaxLength, required: false);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(new InputValidationError(field, $"`{field}` must be an absolute http or https address."));
        }

        return text;
    }

    public static IReadOnlyList<string> Neighbourhoods(ErrorList errors, string field, IReadOnlyList<string> values)
    {
        if (values.Count > MaxNeighbourhoods)
        {
            errors.Add(new InputValidationError(field, $"`{field}` may hold at most {MaxNeighbourhoods} neighbourhoods."));
        }

        var result = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var name = errors.Text($"{field}[{i}]", values[i], OrganizationNeighbourhood.NameMaxLength, required: true);
            if (name is not null && keys.Add(SearchText.Key(name)))
            {
                result.Add(name);
            }
        }

        return result;
    }

    public static void VersionMatches(ErrorList errors, string field, int? expected, int actual)
    {
        if (expected is { } version && version != actual)
        {
            errors.Add(new ConflictError(field, $"The record is at version {actual}, not {version}: someone changed it meanwhile. Reload it and try again."));
        }
    }
}
