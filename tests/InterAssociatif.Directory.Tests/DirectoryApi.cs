namespace InterAssociatif.Directory.Tests;

/// <summary>Directory operations the tests repeat, sent through GraphQL as a coordinator.</summary>
internal static class DirectoryApi
{
    public const string OrganizationFields = "id name acronym kind version archived neighbourhoods themes { name } "
        + "membershipStatus";

    public static async Task<GraphQLResult> CreateOrganizationAsync(this GraphQLTestClient client, object input) =>
        await client.QueryAsync(
            $$"""
                mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization {
                {{OrganizationFields}} } errors { __typename code field message } } }
                """,
            new { input });

    public static async Task<string> CreateOrganizationIdAsync(
        this GraphQLTestClient client, string name, string kind = "ASSOCIATION", object? themeIds = null)
    {
        var result = (await client.CreateOrganizationAsync(new { kind, name, themeIds })).EnsureNoErrors();
        Assert.Empty(result.PayloadErrors("createOrganization"));
        return result.String("createOrganization.organization.id")!;
    }

    public static async Task<string> CreatePersonIdAsync(
        this GraphQLTestClient client, string givenName, string familyName, string? email = null)
    {
        var result = (await client.QueryAsync(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } errors { code field "
            + "message } } }",
            new { input = new { givenName, familyName, email } })).EnsureNoErrors();
        Assert.Empty(result.PayloadErrors("createPerson"));
        return result.String("createPerson.person.id")!;
    }

    public static async Task<GraphQLResult> MembershipAsync(
        this GraphQLTestClient client, string mutation, object input) =>
        (await client.QueryAsync(
            $$"""
                mutation($input: {{char.ToUpperInvariant(mutation[0])}}{{mutation[1..]}}Input!) { {{mutation}}(input:
                $input) { membership { appliedOn admittedOn withdrawnOn withdrawalReason status(asOf: "2030-01-01") }
                errors { __typename code field message } } }
                """,
            new { input })).EnsureNoErrors();

    /// <summary>The single error of a payload as "Type CODE field".</summary>
    public static string SingleError(this GraphQLResult result, string mutation)
    {
        var errors = result.PayloadErrors(mutation);
        Assert.True(errors.Count == 1, $"Expected one error: {result.Body.ToJsonString()}");
        Assert.Null(result.At($"{mutation}.{ResultField(mutation)}"));
        return $"{errors[0]!["__typename"]} {errors[0]!["code"]} {errors[0]!["field"]}";
    }

    private static string ResultField(string mutation) => mutation switch
    {
        "createOrganization" or "updateOrganization" or "archiveOrganization" or "restoreOrganization" => "organization",
        "createPerson" or "updatePerson" => "person",
        "addAffiliation" or "endAffiliation" => "affiliation",
        "createTheme" or "updateTheme" => "theme",
        _ => "membership",
    };
}
