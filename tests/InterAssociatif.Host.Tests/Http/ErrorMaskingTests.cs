using GraphQL.Types;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>An unexpected exception is masked, logged, and answered with a trace id.</summary>
public sealed class ErrorMaskingTests(ErrorMaskingTests.FailingFieldFactory factory) : IClassFixture<ErrorMaskingTests.FailingFieldFactory>
{
    [Fact]
    public async Task An_unexpected_exception_is_masked_with_a_trace_id_and_the_rest_of_the_data_is_kept()
    {
        var result = await factory.GraphQL().QueryAsync("{ __typename failOnPurpose }");
        Assert.Equal(System.Net.HttpStatusCode.OK, result.Status);
        Assert.Equal("Query", result.String("__typename"));
        var error = Assert.Single(result.Errors)!;
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        var traceId = error["extensions"]!["traceId"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.Contains(traceId, error["message"]!.GetValue<string>());
        Assert.DoesNotContain("secret", result.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("at InterAssociatif", result.Body.ToJsonString(), StringComparison.Ordinal);
    }

    public sealed class FailingFieldFactory : InterAssociatifFactory
    {
        public FailingFieldFactory() => With("Database:SeedDemoData", "false");

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IGraphTypeExtension, FailingField>();
    }

    private sealed class FailingField : IGraphTypeExtension
    {
        public string TypeName => "Query";

        public void Extend(IComplexGraphType type) =>
            ((ObjectGraphType)type).Field<StringGraphType>("failOnPurpose")
                .Resolve(_ => throw new InvalidOperationException("secret connection string: Password=hunter2"));
    }
}
