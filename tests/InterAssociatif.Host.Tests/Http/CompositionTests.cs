namespace InterAssociatif.Host.Tests.Http;

/// <summary>The host composes the modules configuration enables, and only those.</summary>
public sealed class CompositionTests(CompositionTests.DirectoryOnlyFactory factory)
    : IClassFixture<CompositionTests.DirectoryOnlyFactory>
{
    [Fact]
    public async Task With_meetings_disabled_the_schema_and_database_hold_the_directory_only()
    {
        var result = (await factory.GraphQL()
            .QueryAsync(
                """
                    { query: __type(name: "Query") { fields { name } } organization: __type(name: "Organization") {
                    fields { name } } }
                    """))
            .EnsureNoErrors();
        var rootFields = result.At("query.fields")!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("organizations", rootFields);
        Assert.DoesNotContain("meetings", rootFields);
        Assert.DoesNotContain(
            "organizedMeetings",
            result.At("organization.fields")!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(
            ["Access", "Directory"], factory.Services.GetServices<IModuleDatabase>().Select(m => m.Module).Order());

        using var calendar = await factory.CreateClient().GetAsync("/calendar.ics");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, calendar.StatusCode);
    }

    [Fact]
    public void A_module_whose_requirement_is_disabled_stops_the_host_with_a_clear_message()
    {
        using var broken = new InterAssociatifFactory().With("Modules:Directory:Enabled", "false");
        var error = Assert.ThrowsAny<Exception>(() => broken.Services);
        Assert.Contains("Module Meetings requires Directory", error.ToString());
    }

    public sealed class DirectoryOnlyFactory : InterAssociatifFactory
    {
        public DirectoryOnlyFactory() =>
            With("Modules:Meetings:Enabled", "false")
                .With("Modules:Surveys:Enabled", "false")
                .With("Modules:Governance:Enabled", "false")
                .With("Database:SeedDemoData", "false");
    }
}
