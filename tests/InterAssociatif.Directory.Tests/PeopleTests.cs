namespace InterAssociatif.Directory.Tests;

public sealed class PeopleTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    private const string CreatePerson = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { "
        + "id displayName email phone } errors { __typename code field message } } }";
    private const string AddAffiliation = "mutation($input: AddAffiliationInput!) { addAffiliation(input: $input) { "
        + "affiliation { id role current person { familyName } organization { name } } errors { __typename code field "
        + "} } }";

    [Theory]
    [InlineData("not-an-email", null, "ValidationError VALIDATION input.email")]
    [InlineData("a@b", null, "ValidationError VALIDATION input.email")]
    [InlineData(null, "12", "ValidationError VALIDATION input.phone")]
    [InlineData(null, "02 61 91 AB CD", "ValidationError VALIDATION input.phone")]
    [InlineData("helene.quere@example.org", null, "ConflictError CONFLICT input.email")]
    public async Task An_invalid_or_taken_email_or_phone_is_a_typed_error_and_no_person_is_written(
        string? email, string? phone, string expected)
    {
        var result = (await Coordinator.QueryAsync(
            CreatePerson, new { input = new { givenName = "Test", familyName = "Invalide", email, phone } }))
            .EnsureNoErrors();
        Assert.Equal(expected, result.SingleError("createPerson"));
        var found = (await Coordinator.QueryAsync("""{ people(filter: { search: "test invalide" }) { totalCount } }"""))
            .EnsureNoErrors();
        Assert.Equal(0, found.Int("people.totalCount"));
    }

    [Fact]
    public async Task Empty_names_are_reported_field_by_field()
    {
        var result = (await Coordinator.QueryAsync(
            CreatePerson, new { input = new { givenName = " ", familyName = "" } }))
            .EnsureNoErrors();
        var fields = result.PayloadErrors("createPerson").Select(e => e!["field"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["input.familyName", "input.givenName"], fields);
    }

    [Fact]
    public async Task A_person_holds_several_affiliations_over_time()
    {
        var person = await Coordinator.CreatePersonIdAsync("Maëlle", "Testeuse", "maelle.testeuse@example.org");
        var first = await Coordinator.CreateOrganizationIdAsync("Association Bottière");
        var second = await Coordinator.CreateOrganizationIdAsync("Association Ranzay");

        var past = (await Coordinator.QueryAsync(
            AddAffiliation,
            new
            {
                input = new
                {
                    personId = person,
                    organizationId = first,
                    role = "STAFF",
                    startsOn = "2015-01-01",
                    endsOn = "2016-12-31"
                }
            }))
            .EnsureNoErrors();
        Assert.False(past.At("addAffiliation.affiliation.current")!.GetValue<bool>());
        var now = (await Coordinator.QueryAsync(
            AddAffiliation,
            new
            {
                input = new { personId = person, organizationId = second, role = "DIRECTOR", startsOn = "2017-01-01" }
            }))
            .EnsureNoErrors();
        Assert.True(now.At("addAffiliation.affiliation.current")!.GetValue<bool>());

        var read = (await Coordinator.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Person { all: affiliations { role organization { name } } "
            + "current: affiliations(currentOnly: true) { role } } } }",
            new { id = person }))
            .EnsureNoErrors();
        Assert.Equal(2, read.At("node.all")!.AsArray().Count);
        Assert.Equal("DIRECTOR", read.String("node.current[0].role"));
        Assert.Single(read.At("node.current")!.AsArray());
    }

    [Fact]
    public async Task An_affiliation_ending_before_it_starts_or_for_unknown_records_is_refused()
    {
        var person = await Coordinator.CreatePersonIdAsync("Paul", "Datesinverses");
        var organization = await Coordinator.CreateOrganizationIdAsync("Association des Dates");
        var inverted = (await Coordinator.QueryAsync(
            AddAffiliation,
            new
            {
                input = new
                {
                    personId = person,
                    organizationId = organization,
                    role = "STAFF",
                    startsOn = "2018-01-01",
                    endsOn = "2017-01-01"
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("ValidationError VALIDATION input.endsOn", inverted.SingleError("addAffiliation"));

        var unknown = (await Coordinator.QueryAsync(
            AddAffiliation,
            new
            {
                input = new
                {
                    personId = Kernel.Relay.GlobalId.Encode("Person", Guid.CreateVersion7()),
                    organizationId = organization,
                    role = "STAFF"
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("NotFoundError NOT_FOUND input.personId", unknown.SingleError("addAffiliation"));

        var read = (await Coordinator.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Person { affiliations { id } } } }", new { id = person }))
            .EnsureNoErrors();
        Assert.Empty(read.At("node.affiliations")!.AsArray());
    }

    [Fact]
    public async Task Ending_an_affiliation_keeps_it_in_history_and_cannot_happen_twice()
    {
        var person = await Coordinator.CreatePersonIdAsync("Jeanne", "Findemission");
        var organization = await Coordinator.CreateOrganizationIdAsync("Association Fin de Mission");
        var added = (await Coordinator.QueryAsync(
            AddAffiliation,
            new
            {
                input = new
                {
                    personId = person,
                    organizationId = organization,
                    role = "REPRESENTATIVE",
                    startsOn = "2017-01-01"
                }
            }))
            .EnsureNoErrors();
        var id = added.String("addAffiliation.affiliation.id");
        const string end = "mutation($input: EndAffiliationInput!) { endAffiliation(input: $input) { affiliation { "
            + "endsOn current } errors { __typename code field } } }";

        var before = (await Coordinator.QueryAsync(end, new { input = new { id, endsOn = "2016-01-01" } }))
            .EnsureNoErrors();
        Assert.Equal("ValidationError VALIDATION input.endsOn", before.SingleError("endAffiliation"));
        var ended = (await Coordinator.QueryAsync(end, new { input = new { id, endsOn = "2019-12-31" } }))
            .EnsureNoErrors();
        Assert.Equal("2019-12-31", ended.String("endAffiliation.affiliation.endsOn"));
        var twice = (await Coordinator.QueryAsync(end, new { input = new { id, endsOn = "2020-12-31" } }))
            .EnsureNoErrors();
        Assert.Equal("ConflictError CONFLICT input.id", twice.SingleError("endAffiliation"));
    }
}
