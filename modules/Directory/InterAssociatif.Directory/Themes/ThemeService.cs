namespace InterAssociatif.Directory.Themes;

/// <summary>
/// Keeps the theme catalogue (thématiques). Themes are referenced, so they are edited, never deleted.
/// </summary>
internal sealed class ThemeService(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Theme>> CreateAsync(
        CreateThemeInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Line("name", command.Name, Theme.NameMaxLength, required: true);
        var description = errors.Text("description", command.Description, Theme.DescriptionMaxLength, required: false);
        errors.Range("position", command.Position, 1, Theme.MaxPosition);

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        if (name is not null)
        {
            await NameIsFree(change.Db, errors, name, null, cancellationToken);
        }

        var position = command.Position
            ?? (await change.Db.Themes.MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0) + 1;
        var theme = new Theme
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = name ?? "",
            NameKey = SearchText.Key(name),
            Description = description,
            Position = position,
            Version = 1,
        };
        change.Db.Themes.Add(theme);
        return await change.CommitAsync(theme, "theme", "name", "A theme with this name already exists.");
    }

    public async Task<MutationResult<Theme>> UpdateAsync(
        UpdateThemeInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Line("name", command.Name, Theme.NameMaxLength, required: true);
        var description = errors.Text("description", command.Description, Theme.DescriptionMaxLength, required: false);
        errors.Range("position", command.Position.Value, 1, Theme.MaxPosition);

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var theme = await change.FindAsync(
            change.Db.Themes, command.Id, "id", DirectoryTypeNames.Theme, "theme", command.Version);
        if (theme is null)
        {
            return change.Fail<Theme>();
        }

        if (name is not null)
        {
            await NameIsFree(change.Db, errors, name, theme.Id, cancellationToken);
            theme.Name = name;
            theme.NameKey = SearchText.Key(name);
        }

        theme.Description = command.Description.IsSet ? description : theme.Description;
        theme.Position = command.Position.Or(theme.Position) ?? theme.Position;
        theme.Version++;
        return await change.CommitAsync(theme, "theme", "name", "A theme with this name already exists.");
    }

    private static async Task NameIsFree(
        DirectoryDbContext db, ErrorList errors, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var key = SearchText.Key(name);
        if (key.Length == 0)
        {
            errors.Add(new InputValidationError("name", "`name` must contain letters or digits."));
        }
        else if (await db.Themes.AnyAsync(t => t.NameKey == key && t.Id != exceptId, cancellationToken))
        {
            errors.Add(new ConflictError("name", $"A theme named like \"{name}\" already exists."));
        }
    }
}
