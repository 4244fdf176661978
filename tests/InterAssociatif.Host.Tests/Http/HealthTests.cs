namespace InterAssociatif.Host.Tests.Http;

public sealed class HealthTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_migrated_host_is_live_and_ready(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class NotMigratedHealthTests(NotMigratedHealthTests.UnmigratedFactory factory)
    : IClassFixture<NotMigratedHealthTests.UnmigratedFactory>
{
    [Fact]
    public async Task A_host_whose_database_is_not_migrated_is_live_but_not_ready()
    {
        using var live = await factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    public sealed class UnmigratedFactory : InterAssociatifFactory
    {
        public UnmigratedFactory() => With("Database:MigrateOnStartup", "false").With("Database:SeedDemoData", "false");
    }
}
