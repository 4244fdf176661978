namespace InterAssociatif.Directory.Organizations;

/// <summary>The rules an organisation's data must follow, each named for what it checks.</summary>
internal static class OrganizationRules
{
    public const int MaxNeighbourhoods = 30;

    /// <summary>Two organisations cannot share a name once case, accents and punctuation are ignored.</summary>
    public static async Task NameIsFree(
        DirectoryDbContext db,
        ErrorList errors,
        string field,
        string name,
        Guid? exceptId,
        CancellationToken cancellationToken)
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
            errors.Add(
                new ConflictError(
                    field,
                    $"An organisation named like \"{name}\" already exists (names are compared without case, accents "
                    + $"or punctuation)."));
        }
    }

    /// <summary>The parent must not be the organisation itself or one of its units.</summary>
    public static async Task IsNotItsOwnUnit(
        DirectoryDbContext db,
        ErrorList errors,
        string field,
        Guid parentId,
        Guid selfId,
        CancellationToken cancellationToken)
    {
        // Walk up from the proposed parent: reaching the organisation itself would make a cycle.
        var current = (Guid?)parentId;
        for (var depth = 0; current is { } id && depth < 20; depth++)
        {
            if (id == selfId)
            {
                errors.Add(
                    new InputValidationError(
                        field,
                        depth == 0
                            ? "An organisation cannot be its own parent."
                            : "An organisation cannot be a unit of one of its own units."));
                return;
            }

            current = await db.Organizations.Where(o => o.Id == id)
                .Select(o => o.ParentId)
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    public static string? Website(ErrorList errors, string field, string? value)
    {
        var text = errors.Line(field, value, Organization.WebsiteMaxLength, required: false);
        if (text is not null
            && !(Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(new InputValidationError(field, $"`{field}` must be an absolute http or https address."));
        }

        return text;
    }

    public static IReadOnlyList<string> Neighbourhoods(ErrorList errors, string field, IReadOnlyList<string> values)
    {
        if (values.Count > MaxNeighbourhoods)
        {
            errors.Add(
                new InputValidationError(field, $"`{field}` may hold at most {MaxNeighbourhoods} neighbourhoods."));
        }

        var result = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var name = errors.Line($"{field}[{i}]", values[i], OrganizationNeighbourhood.NameMaxLength, required: true);
            if (name is not null && keys.Add(SearchText.Key(name)))
            {
                result.Add(name);
            }
        }

        return result;
    }
}
