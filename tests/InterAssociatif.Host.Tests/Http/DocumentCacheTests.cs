using GraphQL.Execution;

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
    public async Task What_validation_computed_for_a_pass_is_reused_for_the_same_variables_only()
    {
        const string Pages = "query Pages($first: Int!, $after: String) { organizations(first: $first, after: $after) "
            + "{ nodes { name } pageInfo { endCursor } } }";
        var coordinator = factory.GraphQL("coordinator");

        // Every rule runs, then the rules are skipped and the variables coerced, then that is reused.
        async Task<(string Names, int Validated)> ThriceAsync(object variables)
        {
            var before = factory.Validations;
            var names = new HashSet<string>();
            for (var i = 0; i < 3; i++)
            {
                var result = (await coordinator.QueryAsync(Pages, variables)).EnsureNoErrors();
                names.Add(result.At("organizations")!.ToJsonString());
            }

            return (Assert.Single(names), factory.Validations - before);
        }

        var first = await ThriceAsync(new { first = 2 });
        Assert.Equal(2, first.Validated);
        var cursor = System.Text.Json.Nodes.JsonNode.Parse(first.Names)!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await ThriceAsync(new { first = 2, after = cursor });
        Assert.Equal(2, second.Validated);
        Assert.NotEqual(first.Names, second.Names);
        Assert.Equal((first.Names, 0), await ThriceAsync(new { first = 2 }));
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

    /// <summary>The host, counting how many documents its parser builds and how many times it validates one.</summary>
    public sealed class CountingFactory : InterAssociatifFactory
    {
        private int _parses;
        private int _validations;

        public int Parses => Volatile.Read(ref _parses);

        public int Validations => Volatile.Read(ref _validations);

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var parser = (IDocumentBuilder)
                services.Last(d => d.ServiceType == typeof(IDocumentBuilder)).ImplementationInstance!;
            services.AddSingleton<IDocumentBuilder>(new Counting(parser, () => Interlocked.Increment(ref _parses)));
            services.AddSingleton<IDocumentValidator>(new ValidationReuse(
                new CountingValidator(new DocumentValidator(), () => Interlocked.Increment(ref _validations))));
        }

        private sealed class CountingValidator(IDocumentValidator validator, Action counted) : IDocumentValidator
        {
            public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
            {
                counted();
                return validator.ValidateAsync(options);
            }
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
