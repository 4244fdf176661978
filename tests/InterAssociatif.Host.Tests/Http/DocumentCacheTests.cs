using GraphQL.Execution;
using GraphQLParser.AST;
using InterAssociatif.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// A document parsed and validated once is reused; what depends on the caller or the request is still
/// checked every time: authorization and the variables.
/// </summary>
public sealed class DocumentCacheTests(DocumentCacheTests.CountingFactory factory)
    : IClassFixture<DocumentCacheTests.CountingFactory>
{
    private const string ApiKeys = "{ apiKeys { totalCount } }";
    private const string Page = "query Page($first: Int!) { organizations(first: $first) { nodes { name } } }";

    [Fact]
    public async Task A_document_is_parsed_once_whoever_sends_it_and_whatever_its_variables()
    {
        const string Themes = "query Themes($first: Int) { themes(first: $first) { totalCount } }";
        (await factory.GraphQL("coordinator").QueryAsync(Themes, new { first = 1 })).EnsureNoErrors();
        var parsed = factory.Parses;
        Assert.True(parsed > 0, "the parser was not seen");
        (await factory.GraphQL("member").QueryAsync(Themes, new { first = 2 })).EnsureNoErrors();
        (await factory.GraphQL().QueryAsync(Themes)).EnsureNoErrors();
        Assert.Equal(parsed, factory.Parses);
    }

    [Fact]
    public async Task A_document_a_coordinator_ran_is_still_refused_to_the_anonymous()
    {
        (await factory.GraphQL("coordinator").QueryAsync(ApiKeys)).EnsureNoErrors();
        var anonymous = await factory.GraphQL().QueryAsync(ApiKeys);
        Assert.Contains("ACCESS_DENIED", anonymous.ErrorCodes);
    }

    [Fact]
    public async Task A_reused_document_still_checks_its_variables()
    {
        (await factory.GraphQL("coordinator").QueryAsync(Page, new { first = 2 })).EnsureNoErrors();
        var wrongType = await factory.GraphQL("coordinator").QueryAsync(Page, new { first = "two" });
        Assert.NotEmpty(wrongType.Errors);
        Assert.Null(wrongType.Data?["organizations"]);
        var missing = await factory.GraphQL("coordinator").QueryAsync(Page);
        Assert.NotEmpty(missing.Errors);
        var again = (await factory.GraphQL("coordinator").QueryAsync(Page, new { first = 3 })).EnsureNoErrors();
        Assert.Equal(3, again.Data!["organizations"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_document_that_passed_for_a_caller_and_its_variables_is_measured_again_for_other_variables()
    {
        // The rules that passed are remembered per caller and variables: twice with the same variables, then
        // variables that make the same document too costly for the same caller.
        var coordinator = factory.GraphQL("coordinator");
        (await coordinator.QueryAsync(Page, new { first = 2 })).EnsureNoErrors();
        (await coordinator.QueryAsync(Page, new { first = 2 })).EnsureNoErrors();
        var tooCostly = await coordinator.QueryAsync(Page, new { first = 50_000_000 });
        Assert.Equal(["MAX_COST_EXCEEDED"], tooCostly.ErrorCodes);
        var anonymous = await factory.GraphQL().QueryAsync(ApiKeys);
        Assert.Contains("ACCESS_DENIED", anonymous.ErrorCodes);
    }

    [Fact]
    public async Task A_document_that_failed_validation_is_not_kept_and_fails_again()
    {
        const string Unknown = "{ organizations { nodes { nonexistent } } }";
        for (var i = 0; i < 2; i++)
        {
            var result = await factory.GraphQL().QueryAsync(Unknown);
            Assert.NotEmpty(result.Errors);
        }
    }

    /// <summary>The host, counting how many documents its parser builds.</summary>
    public sealed class CountingFactory : InterAssociatifFactory
    {
        private int _parses;

        public int Parses => Volatile.Read(ref _parses);

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var parser = (IDocumentBuilder)
                services.Last(d => d.ServiceType == typeof(IDocumentBuilder)).ImplementationInstance!;
            services.AddSingleton<IDocumentBuilder>(new Counting(parser, () => Interlocked.Increment(ref _parses)));
        }

        private sealed class Counting(IDocumentBuilder parser, Action counted) : IDocumentBuilder
        {
            public GraphQLDocument Build(string body)
            {
                counted();
                return parser.Build(body);
            }
        }
    }
}
