namespace InterAssociatif.Directory.Tests;

/// <summary>
/// The Directory's matrix, field by field and role by role: a forbidden field is refused before
/// execution (ACCESS_DENIED, no SQL command sent); an allowed one is answered.
/// </summary>
public sealed class AuthorizationMatrixTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    public static AuthorizationMatrix Matrix()
    {
        string[] everyone = AuthorizationMatrix.Everyone;
        string[] personalData = ["member", "analyst", "coordinator"];
        return new AuthorizationMatrix()
            .Row("{ organizations(first: 2) { nodes { name acronym kind neighbourhoods archived } } }", everyone)
            .Row(
                "{ organizations(first: 2) { nodes { membershipStatus memberships { appliedOn admittedOn withdrawnOn "
                + "withdrawalReason } } } }",
                everyone)
            .Row("{ organizations(first: 2) { nodes { themes { name } units { name } parent { name } } } }", everyone)
            .Row("{ themes { nodes { name position } } }", everyone)
            .Row("{ organizations(first: 2) { nodes { affiliations { role } } } }", personalData)
            .Row("{ people(first: 2) { totalCount } }", personalData)
            .Row("{ people(first: 2) { nodes { givenName familyName title displayName } } }", personalData)
            .Row(
                "{ people(first: 2) { nodes { affiliations { role title startsOn organization { name } } } } }",
                personalData)

            // Before execution a member may ask for contact details (they may be their own); which
            // person's are revealed is decided per record, see the test below.
            .Row("{ people(first: 0) { nodes { email } } }", "member", "coordinator")
            .Row("{ people(first: 0) { nodes { phone } } }", "member", "coordinator")
            .Row(
                """mutation { createTheme(input: { name: "Thème du test d'autorisation" }) { errors { code } } }""",
                "coordinator")
            .Row(
                """
                    mutation { createOrganization(input: { kind: ASSOCIATION, name: "Asso du test d'autorisation" }) {
                    errors { code } } }
                    """,
                "coordinator")
            .Row(
                """mutation { createPerson(input: { givenName: "A", familyName: "B" }) { errors { code } } }""",
                "coordinator");
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Each_field_is_read_only_by_the_roles_the_matrix_allows(string query, string role, bool allowed) =>
        AuthorizationMatrix.AssertAsync(factory, query, role, allowed);

    [Fact]
    public async Task A_member_reads_their_own_contact_details_but_not_another_persons()
    {
        var coordinator = factory.GraphQL("coordinator");
        var people = (await coordinator.QueryAsync(
            """
                { people(first: 2, filter: { search: "apib" }) { nodes { id } } quere: people(filter: { search: "quere"
                }) { nodes { id email } } goff: people(filter: { search: "le goff" }) { nodes { id } } }
                """))
            .EnsureNoErrors();
        var self = Guid.Parse(DecodeRaw(people.String("quere.nodes[0].id")!));
        var other = people.String("goff.nodes[0].id");

        var member = factory.GraphQL("member", personId: self);
        var own = (await member.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Person { email phone } } }",
            new { id = people.String("quere.nodes[0].id") }))
            .EnsureNoErrors();
        Assert.Equal("helene.quere@example.org", own.String("node.email"));

        var foreign = await member.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Person { familyName email } } }", new { id = other });
        Assert.Equal("Le Goff", foreign.String("node.familyName"));
        Assert.Null(foreign.At("node.email"));
        Assert.Equal(["ACCESS_DENIED"], foreign.ErrorCodes);
        Assert.Equal("node.email", string.Join('.', foreign.Errors[0]!["path"]!.AsArray().Select(p => p!.ToString())));
    }

    [Fact]
    public async Task Node_refuses_a_person_to_an_anonymous_caller_before_loading_it()
    {
        var coordinator = factory.GraphQL("coordinator");
        var id = (await coordinator.QueryAsync("{ people(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("people.nodes[0].id");

        factory.SqlCommands.Reset();
        var result = await factory.GraphQL()
            .QueryAsync("query($id: ID!) { node(id: $id) { id __typename } }", new { id });
        Assert.Equal(["ACCESS_DENIED"], result.ErrorCodes);
        Assert.Null(result.At("node"));
        Assert.Equal(0, factory.SqlCommands.Count);

        var asPartner = await factory.GraphQL("partner")
            .QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { id } });
        Assert.Equal(["ACCESS_DENIED"], asPartner.ErrorCodes);
    }

    private static string DecodeRaw(string globalId) =>
        Kernel.Relay.GlobalId.TryDecode(globalId, out _, out var id)
            ? id.ToString()
            : throw new InvalidOperationException();
}
