using InterAssociatif.Kernel.Modules;
using Snapshooter.Xunit;

namespace InterAssociatif.Directory.Tests;

public sealed class DemoDataTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Counts = "{ all: organizations(first: 1, filter: { includeArchived: true }) { totalCount } "
        + "associations: organizations(filter: { kinds: [ASSOCIATION] }) { totalCount } institutions: "
        + "organizations(filter: { kinds: [INSTITUTION] }) { totalCount } people(first: 1) { totalCount } themes { "
        + "totalCount } }";

    [Fact]
    public async Task The_2017_network_is_loaded_on_first_start()
    {
        var result = (await factory.GraphQL("coordinator").QueryAsync(Counts)).EnsureNoErrors();
        Assert.Equal(27, result.Int("associations.totalCount"));
        Assert.Equal(6, result.Int("institutions.totalCount"));
        Assert.Equal(18, result.Int("people.totalCount"));
        Assert.Equal(10, result.Int("themes.totalCount"));
    }

    [Fact]
    public async Task Loading_the_demo_data_twice_changes_nothing()
    {
        var coordinator = factory.GraphQL("coordinator");
        const string everything = "{ organizations(first: 100) { nodes { id name version memberships { id version } "
            + "affiliations { id } } } people(first: 100) { nodes { id version } } themes { nodes { id version } } }";
        var before = (await coordinator.QueryAsync(everything)).EnsureNoErrors().Body.ToJsonString();

        factory.SqlCommands.Reset();
        foreach (var seeder in factory.Services.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        var after = (await coordinator.QueryAsync(everything)).EnsureNoErrors().Body.ToJsonString();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_directory_page_query_renders_the_network()
    {
        var query = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "operations", "DirectoryPage.graphql"));
        var result = (await factory.GraphQL().QueryAsync(query, new { asOf = "2017-09-18" })).EnsureNoErrors();
        Snapshot.Match(
            result.Body.ToJsonString(
                new System.Text.Json.JsonSerializerOptions
                {
                    WriteIndented = true,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
                }));
    }
}
