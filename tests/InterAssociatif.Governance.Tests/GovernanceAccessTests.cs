using InterAssociatif.Testing;

namespace InterAssociatif.Governance.Tests;

public sealed class GovernanceAccessTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    public static AuthorizationMatrix Matrix()
    {
        string[] all = AuthorizationMatrix.Everyone;
        string[] readers = ["partner", "member", "analyst", "coordinator"];
        return new AuthorizationMatrix()
            .Row("{ bodies { nodes { kind name description meetingsPerYear associationSeats meetings { title } } } }", all)
            .Row("{ meetings(first: 1) { nodes { body { name } } } }", all)
            .Row("{ decisions { nodes { title text decidedOn status history { status } body { name } meeting { title } } } }", readers)
            .Row("{ followUps { nodes { description dueOn duePrecision status decision { title } ownerOrganization { name } } } }", readers)
            .Row("{ meetings(first: 1) { nodes { decisions { title } } } }", readers)
            .Row("""{ organizations(filter: { search: "mission politique" }) { nodes { followUps { dueOn } } } }""", readers)
            .Row("{ bodies { nodes { rotation { number status seated { name } optedOut { name } } } } }", readers)
            .Row("{ meetings(first: 1) { nodes { seats { organization { name } assignedAt } } } }", readers)
            .Row("""mutation { createBody(input: { kind: OTHER, name: "Instance de la matrice" }) { errors { code } } }""", "coordinator")
            .Row("""mutation { proposeRotation(input: { bodyId: "x", sessions: 2 }) { errors { code } } }""", "coordinator")
            .Row("""mutation { confirmRotation(input: { bodyId: "x" }) { errors { code } } }""", "coordinator")
            .Row("""mutation { assignSeat(input: { meetingId: "x", organizationId: "y" }) { errors { code } } }""", "coordinator")
            .Row("""mutation { releaseSeat(input: { id: "x" }) { errors { code } } }""", "coordinator");
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Each_field_is_read_only_by_the_roles_the_matrix_allows(string query, string role, bool allowed) =>
        AuthorizationMatrix.AssertAsync(factory, query, role, allowed);

    [Fact]
    public async Task Decisions_with_their_bodies_meetings_and_owners_cost_the_same_for_5_and_50()
    {
        var coordinator = factory.GraphQL("coordinator");
        var ids = (await coordinator.QueryAsync("""{ bodies { nodes { id } } meetings(first: 1) { nodes { id } } organizations(filter: { search: "ccas" }) { nodes { id } } }""")).EnsureNoErrors();
        for (var i = 0; i < 50; i++)
        {
            (await coordinator.QueryAsync(
                "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
                new { input = new { bodyId = ids.String($"bodies.nodes[{i % 6}].id"), meetingId = ids.String("meetings.nodes[0].id"), title = $"Décision {i}", decidedOn = "2019-01-01", followUps = new[] { new { description = "Suivi", ownerOrganizationId = ids.String("organizations.nodes[0].id"), dueOn = "2019-02-01" } } } })).EnsureNoErrors();
        }

        async Task<long> Count(int n)
        {
            factory.SqlCommands.Reset();
            var result = (await coordinator.QueryAsync("query($n: Int!) { decisions(first: $n) { nodes { body { name } meeting { title } history { status } followUps { ownerOrganization { name } } } } }", new { n })).EnsureNoErrors();
            Assert.Equal(n, result.At("decisions.nodes")!.AsArray().Count);
            return factory.SqlCommands.Count;
        }

        Assert.Equal(await Count(5), await Count(50));
    }
}
