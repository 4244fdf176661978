using CsCheck;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Text;

namespace InterAssociatif.Directory.Tests;

/// <summary>
/// The organisations list is compiled once per shape of its filter and sort (<c>OrganizationSearch.Pages</c>).
/// For any filter, sort and window, in any order, the compiled count and page are those of the same query
/// translated afresh: a shape that left out a filter would run another filter's SQL for it.
/// </summary>
public sealed class OrganizationSearchShapeTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private static readonly DateOnly Today = new(2019, 6, 1);
    private static readonly DateOnly?[] Days =
        [null, new(2016, 1, 1), new(2017, 9, 18), new(2018, 3, 1), new(2019, 1, 1)];

    private static readonly string?[] Searches = [null, null, null, "", "la"];

    [Fact]
    public async Task Any_filter_sort_and_window_reads_compiled_what_the_query_translated_afresh_reads()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        var (themes, neighbourhoods) = await VaryTheDataAsync(contexts);

        // Each part of the filter is left out about three times in four, so that many filters select something.
        var kinds = Gen.Int[0, 11].Select(mask => Subset<OrganizationKind>(mask, 4));
        var statuses = Gen.Int[0, 63].Select(mask => Subset<MembershipStatus>(mask, 16));
        var theme = Gen.Int[0, 4 * themes.Length - 1]
            .Select(i => i < themes.Length ? [themes[i], Guid.NewGuid()] : Array.Empty<Guid>());
        var neighbourhood = Gen.Int[0, 4 * neighbourhoods.Length - 1]
            .Select(i => i < neighbourhoods.Length ? neighbourhoods[i] : null);
        var archived = Gen.Int[0, 2].Select(i => i switch { 0 => (bool?)null, 1 => false, _ => true });
        var filter = Gen.Select(
                Any(Searches), kinds, statuses, Any(Days), theme, neighbourhood, archived)
            .Select((search, k, s, day, t, n, a) => new OrganizationFilter(search, k, s, day, t, n, a));
        var order = Gen.Select(Gen.Enum<OrganizationOrderField>(), Gen.Int[0, 2])
            .Select((field, direction) => new OrganizationOrder(field, direction switch
            {
                0 => null,
                1 => SortDirection.Asc,
                _ => SortDirection.Desc,
            }))
            .Array[0, 2];

        var selecting = 0;
        await Gen.Select(filter, order, Gen.Int[0, 30], Gen.Int[1, 30]).SampleAsync(
            async (filter, order, skip, take) =>
            {
                // The filter, then each with one part changed: a shape blind to that part reuses the first one's SQL.
                foreach (var (variant, sort) in Variants(filter, order, themes[0], neighbourhoods[0]))
                {
                    await using var db = await contexts.CreateDbContextAsync();
                    var args = new OrganizationSearchArgs(variant, sort, Today);
                    var count = await CompiledPagesAssert.ReadsAsTranslatedAsync(
                        OrganizationSearch.Apply(db, args), OrganizationSearch.Pages.For(db, args), skip, take);
                    selecting += count > 0 ? 1 : 0;

                    // Read as cards (a page that shows only card fields), the same records.
                    await CompiledPagesAssert.ReadsAsTranslatedAsync(
                        OrganizationSearch.Apply(db, args),
                        OrganizationSearch.Pages.For(db, args, OrganizationType.Card.Projection),
                        skip,
                        take);
                    Assert.Equal(
                        OrganizationSearch.Pages.IsCompiled(args),
                        OrganizationSearch.Pages.IsCompiled(args, OrganizationType.Card.Projection));
                }
            },
            iter: 40,
            threads: 1);

        // Many filters select something (about 45 %): the comparisons are not all of empty lists.
        Assert.True(selecting > 40 * 10 / 5, $"{selecting} filters of {40 * 10} select something");
    }

    private static IEnumerable<(OrganizationFilter, OrganizationOrder[])> Variants(
        OrganizationFilter filter, OrganizationOrder[] order, Guid theme, string neighbourhood)
    {
        yield return (filter, order);

        // A shape that binds no value at all (every organisation, archived ones too, by name).
        yield return (OrganizationFilter.None with { IncludeArchived = true }, []);
        yield return (filter with { Kinds = filter.Kinds.Count > 0 ? [] : [OrganizationKind.Association] }, order);
        yield return (
            filter with { MembershipStatuses = filter.MembershipStatuses.Count > 0 ? [] : [MembershipStatus.Member] },
            order);
        yield return (filter with { MembershipAsOf = filter.MembershipAsOf is null ? Days[2] : null }, order);
        yield return (filter with { ThemeIds = filter.ThemeIds.Count > 0 ? [] : [theme] }, order);
        yield return (filter with { Neighbourhood = filter.Neighbourhood is null ? neighbourhood : null }, order);
        yield return (filter with { IncludeArchived = filter.IncludeArchived != true }, order);
        yield return (filter with { Search = filter.Search is null ? "la" : null }, order);
        yield return (filter, [.. order, new OrganizationOrder(OrganizationOrderField.CreatedAt, SortDirection.Desc)]);
        var reversed = order.Length > 0 && order[0].Direction != SortDirection.Desc
            ? SortDirection.Desc
            : (SortDirection?)null;
        yield return (filter, order.Length > 0 ? [order[0] with { Direction = reversed }] : []);
    }

    private static Gen<T> Any<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>The values of <typeparamref name="T"/> whose bits are set in <paramref name="mask"/>; none past
    /// <paramref name="below"/>.</summary>
    private static T[] Subset<T>(int mask, int below)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where((_, i) => mask < below && (mask & (1 << i)) != 0)];

    /// <summary>
    /// Themes, neighbourhoods, archives and withdrawals on some organisations, so that every filter selects.
    /// </summary>
    private static async Task<(Guid[] Themes, string[] Neighbourhoods)> VaryTheDataAsync(
        IDbContextFactory<DirectoryDbContext> contexts)
    {
        string[] neighbourhoods = ["Bellevue", "Malakoff", "Dervallières"];
        await using var db = await contexts.CreateDbContextAsync();
        var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).Take(3).ToArrayAsync();
        Assert.NotEmpty(themes);
        var organizations = await db.Organizations.Include(o => o.Memberships).OrderBy(o => o.NameKey).ToListAsync();
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i];
            if (i % 2 == 0)
            {
                organization.Themes.Add(new OrganizationTheme { ThemeId = themes[i % themes.Length] });
            }

            if (i % 3 != 2)
            {
                var name = neighbourhoods[i % neighbourhoods.Length];
                organization.Neighbourhoods.Add(
                    new OrganizationNeighbourhood { Name = name, NameKey = SearchText.Key(name) });
            }

            if (i % 7 == 2)
            {
                organization.ArchivedAt = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
            }

            if (i % 5 == 3 && organization.Memberships.Count > 0)
            {
                organization.Memberships[^1].WithdrawnOn = new DateOnly(2018, 6, 30);
            }
        }

        await db.SaveChangesAsync();
        return (themes, [.. neighbourhoods, "Nulle part"]);
    }
}
