using InterAssociatif.Testing;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// A document parsed and validated once is reused; what depends on the caller or the request is still
/// checked every time: authorization and the variables.
/// </summary>
public sealed class DocumentCacheTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string ApiKeys = "{ apiKeys { totalCount } }";
    private const string Page = "query Page($first: Int!) { organizations(first: $first) { nodes { name } } }";

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
    public async Task A_document_that_failed_validation_is_not_kept_and_fails_again()
    {
        const string Unknown = "{ organizations { nodes { nonexistent } } }";
        for (var i = 0; i < 2; i++)
        {
            var result = await factory.GraphQL().QueryAsync(Unknown);
            Assert.NotEmpty(result.Errors);
        }
    }
}
