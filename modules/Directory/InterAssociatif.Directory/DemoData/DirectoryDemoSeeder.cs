namespace InterAssociatif.Directory.DemoData;

/// <summary>
/// Loads the 2017 network through the module's own services, so the demo data obeys every rule.
/// Idempotent: what exists (by name, email, or tie) is left alone, so a second run writes nothing.
/// </summary>
internal sealed class DirectoryDemoSeeder(
    IDbContextFactory<DirectoryDbContext> factory,
    ThemeService themes,
    OrganizationService organizations,
    PersonService people,
    MembershipService memberships) : IDemoDataSeeder
{
    public int Order => 100;

    public string Module => "Directory";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var themeKeys = await db.Themes.Select(t => t.NameKey).ToListAsync(cancellationToken);
        for (var i = 0; i < DirectoryDemoData.Themes.Length; i++)
        {
            if (!themeKeys.Contains(SearchText.Key(DirectoryDemoData.Themes[i])))
            {
                Expect(
                    await themes.CreateAsync(
                        new CreateThemeInput(DirectoryDemoData.Themes[i], null, i + 1),
                        new ErrorList(),
                        cancellationToken));
            }
        }

        var organizationIds = await db.Organizations.ToDictionaryAsync(o => o.NameKey, o => o.Id, cancellationToken);
        foreach (var seed in DirectoryDemoData.Institutions.Select(s => (s, OrganizationKind.Institution))
                     .Concat(DirectoryDemoData.Associations.Select(s => (s, OrganizationKind.Association))))
        {
            var key = SearchText.Key(seed.s.Name);
            if (organizationIds.ContainsKey(key))
            {
                continue;
            }

            var created = Expect(await organizations.CreateAsync(
                new CreateOrganizationInput(
                    seed.Item2,
                    seed.s.Name,
                    seed.s.Acronym,
                    seed.s.Description,
                    null,
                    seed.s.Neighbourhood is null ? [] : [seed.s.Neighbourhood],
                    [],
                    seed.s.Parent is null ? null : organizationIds[SearchText.Key(seed.s.Parent)]),
                new ErrorList(),
                cancellationToken));
            organizationIds[key] = created.Id;
        }

        var withMemberships = (await db.Memberships.Select(m => m.OrganizationId)
            .Distinct()
            .ToListAsync(cancellationToken))
            .ToHashSet();
        foreach (var association in DirectoryDemoData.Associations)
        {
            var id = organizationIds[SearchText.Key(association.Name)];
            if (withMemberships.Contains(id))
            {
                continue;
            }

            Expect(
                await memberships.ApplyAsync(new(id, DirectoryDemoData.AppliedOn), new ErrorList(), cancellationToken));
            Expect(association.Name == DirectoryDemoData.WithdrawnAssociation
                ? await memberships.WithdrawAsync(
                    new(id, DirectoryDemoData.WithdrawnOn, DirectoryDemoData.WithdrawalReason),
                    new ErrorList(),
                    cancellationToken)
                : await memberships.AdmitAsync(
                    new(id, DirectoryDemoData.AdmittedOn), new ErrorList(), cancellationToken));
        }

        var personIds = await db.People.Where(p => p.Email != null)
            .ToDictionaryAsync(p => p.Email!, p => p.Id, cancellationToken);
        var ties = (await db.Affiliations.Select(a => new { a.PersonId, a.OrganizationId })
            .ToListAsync(cancellationToken))
            .Select(a => (a.PersonId, a.OrganizationId)).ToHashSet();
        foreach (var seed in DirectoryDemoData.People)
        {
            if (!personIds.TryGetValue(seed.Email, out var personId))
            {
                personId = Expect(
                    await people.CreateAsync(
                        new CreatePersonInput(seed.GivenName, seed.FamilyName, seed.Title, seed.Email, seed.Phone),
                        new ErrorList(),
                        cancellationToken)).Id;
            }

            var organizationId = organizationIds[SearchText.Key(seed.Organization)];
            if (!ties.Contains((personId, organizationId)))
            {
                Expect(
                    await people.AddAffiliationAsync(
                        new AddAffiliationInput(
                            personId, organizationId, seed.Role, seed.Title, new DateOnly(2017, 1, 1), null),
                        new ErrorList(),
                        cancellationToken));
            }
        }
    }

    private static T Expect<T>(MutationResult<T> result)
        where T : class =>
        result.Value
        ?? throw new InvalidOperationException(
            "Demo data broke a rule: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
