namespace InterAssociatif.Directory.Themes;

/// <summary>Keeps the theme catalogue (thématiques). Themes are referenced, so they are edited, never deleted.</summary>
internal sealed class ThemeService(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Theme>> CreateAsync(CreateThemeInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = errors.Text("name", command.Name, Theme.NameMaxLength, required: true);
        var description = errors.Text("description", command.Description, Theme.DescriptionMaxLength, required: false);
        PositionIsValid(errors, command.Position);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (name is not null)
        {
            await NameIsFree(db, errors, name, null, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Theme>.Fail(errors.Items);
        }

        var position = command.Position ?? (await db.Themes.MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0) + 1;
        var theme = new Theme
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = name!,
            NameKey = SearchText.Key(name),
            Description = description,
            Position = position,
            Version = 1,
        };
        db.Themes.Add(theme);
        return await db.CommitAsync(transaction, theme, "theme", cancellationToken, "name", "A theme with this name already exists.");
    }

    public async Task<MutationResult<Theme>> UpdateAsync(UpdateThemeInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var name = command.Name.IsSet ? errors.Text("name", command.Name.Value, Theme.NameMaxLength, required: true) : null;
        var description = command.Description.IsSet ? errors.Text("description", command.Description.Value, Theme.DescriptionMaxLength, required: false) : null;
        if (command.Position.IsSet)
        {
            PositionIsValid(errors, command.Position.Value);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var theme = await db.Themes.AsTracking().SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken);
        if (theme is null)
        {
            errors.Add(new NotFoundError("id", "No theme has this id.", GlobalId.Encode(DirectoryTypeNames.Theme, command.Id)));
            return MutationResult<Theme>.Fail(errors.Items);
        }

        if (command.Version is { } expected && expected != theme.Version)
        {
            errors.Add(new ConflictError("version", $"The theme is at version {theme.Version}, not {expected}: reload it and try again."));
        }

        if (name is not null)
        {
            await NameIsFree(db, errors, name, theme.Id, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Theme>.Fail(errors.Items);
        }

        if (name is not null)
        {
            theme.Name = name;
            theme.NameKey = SearchText.Key(name);
        }

        if (command.Description.IsSet)
        {
            theme.Description = description;
        }

        if (command.Position is { IsSet: true, Value: { } position })
        {
            theme.Position = position;
        }

        theme.Version++;
        return await db.CommitAsync(transaction, theme, "theme", cancellationToken, "name", "A theme with this name already exists.");
    }

    private static void PositionIsValid(ErrorList errors, int? position)
    {
        if (position is < 1 or > 10_000)
        {
            errors.Add(new InputValidationError("position", "`position` must be between 1 and 10000."));
        }
    }

    private static async Task NameIsFree(DirectoryDbContext db, ErrorList errors, string name, Guid? exceptId, CancellationToken cancellationToken)
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
