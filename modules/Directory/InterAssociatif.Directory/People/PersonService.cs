using System.Text.RegularExpressions;
using InterAssociatif.Directory.Organizations;

namespace InterAssociatif.Directory.People;

/// <summary>Records people (personal data) and their affiliations. One transaction per call.</summary>
internal sealed partial class PersonService(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<Person>> CreateAsync(CreatePersonInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var givenName = errors.Text("givenName", command.GivenName, Person.NameMaxLength, required: true);
        var familyName = errors.Text("familyName", command.FamilyName, Person.NameMaxLength, required: true);
        var title = errors.Text("title", command.Title, Person.TitleMaxLength, required: false);
        var email = Email(errors, command.Email);
        var phone = Phone(errors, command.Phone);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EmailIsFree(db, errors, email, null, cancellationToken);
        if (errors.Any)
        {
            return MutationResult<Person>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        var person = new Person { Id = Guid.CreateVersion7(now), Title = title, Email = email, Phone = phone, CreatedAt = now, UpdatedAt = now, Version = 1 };
        person.SetNames(givenName!, familyName!);
        db.People.Add(person);
        return await db.CommitAsync(transaction, person, "person", cancellationToken, "email", "Another person already has this email address.");
    }

    public async Task<MutationResult<Person>> UpdateAsync(UpdatePersonInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var givenName = command.GivenName.IsSet ? errors.Text("givenName", command.GivenName.Value, Person.NameMaxLength, required: true) : null;
        var familyName = command.FamilyName.IsSet ? errors.Text("familyName", command.FamilyName.Value, Person.NameMaxLength, required: true) : null;
        var title = command.Title.IsSet ? errors.Text("title", command.Title.Value, Person.TitleMaxLength, required: false) : null;
        var email = command.Email.IsSet ? Email(errors, command.Email.Value) : null;
        var phone = command.Phone.IsSet ? Phone(errors, command.Phone.Value) : null;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.AsTracking().SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (person is null)
        {
            errors.Add(NotFound("id", command.Id));
            return MutationResult<Person>.Fail(errors.Items);
        }

        OrganizationRules.VersionMatches(errors, "version", command.Version, person.Version);
        if (command.Email.IsSet)
        {
            await EmailIsFree(db, errors, email, person.Id, cancellationToken);
        }

        if (errors.Any)
        {
            return MutationResult<Person>.Fail(errors.Items);
        }

        person.SetNames(givenName ?? person.GivenName, familyName ?? person.FamilyName);
        person.Title = command.Title.IsSet ? title : person.Title;
        person.Email = command.Email.IsSet ? email : person.Email;
        person.Phone = command.Phone.IsSet ? phone : person.Phone;
        person.UpdatedAt = time.GetUtcNow();
        person.Version++;
        return await db.CommitAsync(transaction, person, "person", cancellationToken, "email", "Another person already has this email address.");
    }

    public async Task<MutationResult<Affiliation>> AddAffiliationAsync(AddAffiliationInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", command.Title, Person.TitleMaxLength, required: false);
        if (command.StartsOn is { } starts && command.EndsOn is { } ends && ends < starts)
        {
            errors.Add(new InputValidationError("endsOn", "`endsOn` must not be before `startsOn`."));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.People.AnyAsync(p => p.Id == command.PersonId, cancellationToken))
        {
            errors.Add(NotFound("personId", command.PersonId));
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == command.OrganizationId, cancellationToken))
        {
            errors.Add(OrganizationRules.NotFound("organizationId", command.OrganizationId));
        }

        if (errors.Any)
        {
            return MutationResult<Affiliation>.Fail(errors.Items);
        }

        var affiliation = new Affiliation
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            PersonId = command.PersonId,
            OrganizationId = command.OrganizationId,
            Role = command.Role,
            Title = title,
            StartsOn = command.StartsOn,
            EndsOn = command.EndsOn,
        };
        db.Affiliations.Add(affiliation);
        return await db.CommitAsync(transaction, affiliation, "affiliation", cancellationToken);
    }

    public async Task<MutationResult<Affiliation>> EndAffiliationAsync(Guid id, DateOnly endsOn, ErrorList errors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var affiliation = await db.Affiliations.AsTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (affiliation is null)
        {
            errors.Add(new NotFoundError("id", "No affiliation has this id.", GlobalId.Encode(DirectoryTypeNames.Affiliation, id)));
            return MutationResult<Affiliation>.Fail(errors.Items);
        }

        if (affiliation.StartsOn is { } starts && endsOn < starts)
        {
            errors.Add(new InputValidationError("endsOn", "`endsOn` must not be before the affiliation's start."));
        }

        if (affiliation.EndsOn is not null)
        {
            errors.Add(new ConflictError("id", "This affiliation has already ended."));
        }

        if (errors.Any)
        {
            return MutationResult<Affiliation>.Fail(errors.Items);
        }

        affiliation.EndsOn = endsOn;
        return await db.CommitAsync(transaction, affiliation, "affiliation", cancellationToken);
    }

    public static NotFoundError NotFound(string field, Guid id) =>
        new(field, "No person has this id.", GlobalId.Encode(DirectoryTypeNames.Person, id));

    private static string? Email(ErrorList errors, string? value)
    {
        var email = errors.Text("email", value, Person.EmailMaxLength, required: false);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add(new InputValidationError("email", "`email` is not a valid email address."));
        }

        return email?.ToLowerInvariant();
    }

    private static string? Phone(ErrorList errors, string? value)
    {
        var phone = errors.Text("phone", value, Person.PhoneMaxLength, required: false);
        if (phone is not null && (!PhonePattern().IsMatch(phone) || phone.Count(char.IsDigit) is < 6 or > 15))
        {
            errors.Add(new InputValidationError("phone", "`phone` must hold 6 to 15 digits, with optional +, spaces, dots, dashes or parentheses."));
        }

        return phone;
    }

    private static async Task EmailIsFree(DirectoryDbContext db, ErrorList errors, string? email, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (email is not null && await db.People.AnyAsync(p => p.Email == email && p.Id != exceptId, cancellationToken))
        {
            errors.Add(new ConflictError("email", "Another person already has this email address."));
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
