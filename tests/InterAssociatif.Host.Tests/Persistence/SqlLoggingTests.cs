using System.Collections.Concurrent;

namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>An operator turns on one log category and sees the SQL every module sends.</summary>
public sealed class SqlLoggingTests(SqlLoggingTests.LoggingFactory factory)
    : IClassFixture<SqlLoggingTests.LoggingFactory>
{
    [Fact]
    public async Task The_SQL_of_every_module_is_logged_under_the_EF_Core_command_category_when_asked()
    {
        factory.Logs.Clear();
        (await factory.GraphQL("coordinator")
            .QueryAsync("{ organizations(first: 1) { nodes { name } } meetings(first: 1) { nodes { title } } }"))
            .EnsureNoErrors();

        var commands = factory.Logs.Where(l =>
            l.Category == "Microsoft.EntityFrameworkCore.Database.Command" && l.Level == LogLevel.Information)
            .ToList();
        Assert.Contains(
            commands,
            l =>
                l.Message.Contains("SELECT", StringComparison.Ordinal)
                && l.Message.Contains("Organizations", StringComparison.Ordinal));
        Assert.Contains(
            commands,
            l =>
                l.Message.Contains("SELECT", StringComparison.Ordinal)
                && l.Message.Contains("Meetings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_loader_batch_of_one_key_compares_with_it_and_reads_what_the_batch_of_many_reads()
    {
        const string Fields = "id name neighbourhoods parent { name } units { name } themes { name }";
        var client = factory.GraphQL("coordinator");
        factory.Logs.Clear();
        var all = (await client.QueryAsync($"{{ organizations(first: 100) {{ nodes {{ {Fields} }} }} }}"))
            .EnsureNoErrors()
            .At("organizations.nodes")!
            .AsArray();
        Assert.True(all.Count > 20, "the demo directory");
        Assert.Contains(
            Commands(), sql => sql.Contains("DirectoryOrganizationNeighbourhoods") && sql.Contains("json_each"));

        foreach (var organization in all)
        {
            factory.Logs.Clear();
            var alone = (await client.QueryAsync(
                    $"{{ node(id: \"{organization!["id"]}\") {{ ... on Organization {{ {Fields} }} }} }}"))
                .EnsureNoErrors()
                .At("node");
            Assert.True(JsonNode.DeepEquals(organization, alone), $"{organization} read alone: {alone}");
            var commands = Commands();
            Assert.Contains(commands, sql => sql.Contains("DirectoryOrganizationNeighbourhoods")
                && sql.Contains("\"OrganizationId\" = @key"));
            Assert.DoesNotContain(commands, sql => sql.Contains("json_each"));
        }
    }

    private List<string> Commands() =>
        [.. factory.Logs
            .Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Where(l => l.Level == LogLevel.Information)
            .Select(l => l.Message)];

    public sealed class LoggingFactory : InterAssociatifFactory, ILoggerProvider
    {
        public LoggingFactory() =>
            With("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");

        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Logs { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(this);

        private sealed class Collector(LoggingFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                owner.Logs.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
