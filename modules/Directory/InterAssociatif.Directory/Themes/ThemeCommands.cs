namespace InterAssociatif.Directory.Themes;

[CoordinatorMutation(DirectoryTypeNames.Theme, "Adds a theme to the catalogue.")]
[Description("A new theme of the catalogue.")]
internal sealed record CreateThemeInput(
    [Description("Unique ignoring case and accents."), Line(Theme.NameMaxLength)] string Name,
    [Description("What it covers."), Text(Theme.DescriptionMaxLength)] string? Description,
    [Description("Its rank in the catalogue; default: last."), Range(1, Theme.MaxPosition)] int? Position);

[CoordinatorMutation(DirectoryTypeNames.Theme, "Renames, describes or moves a theme of the catalogue.")]
[Description("Changes to a theme; omitted fields stay as they are.")]
internal sealed record UpdateThemeInput(
    [Description("The theme."), References(DirectoryTypeNames.Theme)] Guid Id,
    [Description("The `version` you read, to detect a concurrent change.")] int? Version,
    [Description("The new name."), Line(Theme.NameMaxLength, NotEmpty = true)] Optional<string?> Name,
    [Description("What it covers; null clears it."), Text(Theme.DescriptionMaxLength)] Optional<string?> Description,
    [Description("Its rank in the catalogue."), Range(1, Theme.MaxPosition)] Optional<int?> Position);
