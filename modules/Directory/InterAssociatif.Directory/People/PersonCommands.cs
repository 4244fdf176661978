namespace InterAssociatif.Directory.People;

[Description("Narrows a list of people. All given conditions must hold.")]
internal sealed record PersonFilter(
    [Description("Words found in the given or family name, ignoring case, accents and punctuation.")] string? Search,
    [Description("Only people affiliated (now or before) with this organisation.")]
    [References(DirectoryTypeNames.Organization)]
    Guid? OrganizationId);

[CoordinatorMutation(DirectoryTypeNames.Person, "Records a person (personal data).")]
[Description("A new person (personal data).")]
internal sealed record CreatePersonInput(
    [Description("Given name."), Line(Person.NameMaxLength)] string GivenName,
    [Description("Family name."), Line(Person.NameMaxLength)] string FamilyName,
    [Description("Title or function."), Line(Person.TitleMaxLength)] string? Title,
    [Description("Email address; unique in the directory."), Line(Person.EmailMaxLength)] string? Email,
    [Description("Phone number: 6 to 15 digits, with optional +, spaces, dots, dashes or parentheses.")]
    [Line(Person.PhoneMaxLength)]
    string? Phone);

[CoordinatorMutation(DirectoryTypeNames.Person, "Changes a person's data.")]
[Description("Changes to a person; omitted fields stay as they are, null clears an optional one.")]
internal sealed record UpdatePersonInput(
    [Description("The person."), References(DirectoryTypeNames.Person)] Guid Id,
    [Description("The `version` you read, to detect a concurrent change.")] int? Version,
    [Description("Given name."), Line(Person.NameMaxLength, NotEmpty = true)] Optional<string?> GivenName,
    [Description("Family name."), Line(Person.NameMaxLength, NotEmpty = true)] Optional<string?> FamilyName,
    [Description("Title or function."), Line(Person.TitleMaxLength)] Optional<string?> Title,
    [Description("Email address."), Line(Person.EmailMaxLength)] Optional<string?> Email,
    [Description("Phone number."), Line(Person.PhoneMaxLength)] Optional<string?> Phone);

[CoordinatorMutation(DirectoryTypeNames.Affiliation, "Ties a person to an organisation with a role and dates.")]
[Description("Ties a person to an organisation.")]
internal sealed record AddAffiliationInput(
    [Description("The person."), References(DirectoryTypeNames.Person)] Guid PersonId,
    [Description("The organisation."), References(DirectoryTypeNames.Organization)] Guid OrganizationId,
    [Description("The person's role there.")] AffiliationRole Role,
    [Description("Their title there."), Line(Person.TitleMaxLength)] string? Title,
    [Description("First day, if known.")] DateOnly? StartsOn,
    [Description("Last day, if already known; not before `startsOn`.")] DateOnly? EndsOn);

[CoordinatorMutation(DirectoryTypeNames.Affiliation, "Ends an affiliation on a day; it stays in the person's history.")]
[Description("Ends an affiliation on a day.")]
internal sealed record EndAffiliationInput(
    [Description("The affiliation."), References(DirectoryTypeNames.Affiliation)] Guid Id,
    [Description("Its last day; not before its start.")] DateOnly EndsOn);
