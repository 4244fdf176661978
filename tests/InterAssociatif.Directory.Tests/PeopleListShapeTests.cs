using InterAssociatif.Directory.People;

namespace InterAssociatif.Directory.Tests;

/// <summary>
/// The people list is compiled once per shape when nothing is searched (<c>PeopleQueries.Pages</c>), and translated
/// at each request when words are: with or without an organisation and with zero, one or two words, each with two
/// different values, it reads compiled (or translated) what the same query translated afresh reads.
/// </summary>
public sealed class PeopleListShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Every_shape_reads_what_the_query_translated_afresh_reads_compiled_when_nothing_is_searched()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        var organizations = await RecordVariedPeopleAsync(contexts);
        string[][] searches = [[], ["forme"], ["forme", "a"], ["forme", "b"], ["b"]];
        var selecting = 0;
        foreach (var words in searches)
        {
            for (var pick = 0; pick < 4; pick++)
            {
                var args = new PeopleListArgs(words, pick < 2 ? null : organizations[pick - 2]);
                var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                    contexts, PeopleQueries.Pages, PeopleQueries.Apply, args, 1, 4, compiled: words.Length == 0);
                selecting += count > 0 ? 1 : 0;
            }
        }

        Assert.True(selecting > 10, $"{selecting} of 20 filters select something");
    }

    /// <summary>Ten people named « Forme A0 » … « Forme B4 », affiliated in turn to two organisations.</summary>
    private static async Task<Guid[]> RecordVariedPeopleAsync(IDbContextFactory<DirectoryDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var organizations = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToArrayAsync();
        Assert.Equal(2, organizations.Length);
        for (var i = 0; i < 10; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var person = new Person { Id = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now };
            person.SetNames($"{(i < 5 ? "A" : "B")}{i}", "Forme");
            person.Affiliations.Add(new Affiliation
            {
                Id = Guid.NewGuid(),
                PersonId = person.Id,
                OrganizationId = organizations[i % 2],
            });
            db.People.Add(person);
        }

        await db.SaveChangesAsync();
        return organizations;
    }
}
