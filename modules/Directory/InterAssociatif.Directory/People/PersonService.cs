using System.Text.RegularExpressions;

namespace InterAssociatif.Directory.People;

/// <summary>Records people (personal data) and their affiliations. One transaction per call.</summary>
internal sealed partial class PersonService(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time)
{
    private const string EmailTaken = "Another person already has this email address.";

    public async Task<MutationResult<Person>> CreateAsync(
        CreatePersonInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var givenName = errors.Line("givenName", command.GivenName, Person.NameMaxLength, required: true);
        var familyName = errors.Line("familyName", command.FamilyName, Person.NameMaxLength, required: true);
        var title = errors.Line("title", command.Title, Person.TitleMaxLength, required: false);
        var email = Email(errors, command.Email);
        var phone = Phone(errors, command.Phone);

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        await EmailIsFree(change.Db, errors, email, null, cancellationToken);
        var now = time.GetUtcNow();
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            Email = email,
            Phone = phone,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1
        };
        person.SetNames(givenName ?? "", familyName ?? "");
        change.Db.People.Add(person);
        return await change.CommitAsync(person, "person", "email", EmailTaken);
    }

    public async Task<MutationResult<Person>> UpdateAsync(
        UpdatePersonInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var givenName = errors.Line("givenName", command.GivenName, Person.NameMaxLength, required: true);
        var familyName = errors.Line("familyName", command.FamilyName, Person.NameMaxLength, required: true);
        var title = errors.Line("title", command.Title, Person.TitleMaxLength, required: false);
        var email = command.Email.IsSet ? Email(errors, command.Email.Value) : null;
        var phone = command.Phone.IsSet ? Phone(errors, command.Phone.Value) : null;

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var person = await change.FindAsync(
            change.Db.People, command.Id, "id", DirectoryTypeNames.Person, "person", command.Version);
        if (person is null)
        {
            return change.Fail<Person>();
        }

        if (command.Email.IsSet)
        {
            await EmailIsFree(change.Db, errors, email, person.Id, cancellationToken);
        }

        person.SetNames(givenName ?? person.GivenName, familyName ?? person.FamilyName);
        person.Title = command.Title.IsSet ? title : person.Title;
        person.Email = command.Email.IsSet ? email : person.Email;
        person.Phone = command.Phone.IsSet ? phone : person.Phone;
        person.UpdatedAt = time.GetUtcNow();
        person.Version++;
        return await change.CommitAsync(person, "person", "email", EmailTaken);
    }

    public async Task<MutationResult<Affiliation>> AddAffiliationAsync(
        AddAffiliationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Line("title", command.Title, Person.TitleMaxLength, required: false);
        if (command.StartsOn is { } starts && command.EndsOn is { } ends && ends < starts)
        {
            errors.Add(new InputValidationError("endsOn", "`endsOn` must not be before `startsOn`."));
        }

        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);

        var affiliation = command.Adapt(new Affiliation { Id = Guid.CreateVersion7(time.GetUtcNow()) });
        affiliation.Title = title;
        change.Db.Affiliations.Add(affiliation);
        return await change.CommitAsync(affiliation, "affiliation");
    }

    public async Task<MutationResult<Affiliation>> EndAffiliationAsync(
        EndAffiliationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var affiliation = await change.FindAsync(
            change.Db.Affiliations, command.Id, "id", DirectoryTypeNames.Affiliation, "affiliation");
        if (affiliation is null)
        {
            return change.Fail<Affiliation>();
        }

        if (affiliation.StartsOn is { } starts && command.EndsOn < starts)
        {
            errors.Add(new InputValidationError("endsOn", "`endsOn` must not be before the affiliation's start."));
        }

        if (affiliation.EndsOn is not null)
        {
            errors.Add(new ConflictError("id", "This affiliation has already ended."));
        }

        affiliation.EndsOn = command.EndsOn;
        return await change.CommitAsync(affiliation, "affiliation");
    }

    private static string? Email(ErrorList errors, string? value)
    {
        var email = errors.Line("email", value, Person.EmailMaxLength, required: false);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add(new InputValidationError("email", "`email` is not a valid email address."));
        }

        return email?.ToLowerInvariant();
    }

    private static string? Phone(ErrorList errors, string? value)
    {
        var phone = errors.Line("phone", value, Person.PhoneMaxLength, required: false);
        if (phone is not null && (!PhonePattern().IsMatch(phone) || phone.Count(char.IsDigit) is < 6 or > 15))
        {
            errors.Add(
                new InputValidationError(
                    "phone",
                    "`phone` must hold 6 to 15 digits, with optional +, spaces, dots, dashes or parentheses."));
        }

        return phone;
    }

    private static async Task EmailIsFree(
        DirectoryDbContext db, ErrorList errors, string? email, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (email is not null && await db.People.AnyAsync(p => p.Email == email && p.Id != exceptId, cancellationToken))
        {
            errors.Add(new ConflictError("email", EmailTaken));
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
