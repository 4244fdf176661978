namespace InterAssociatif.Governance.Tests;

public sealed class GovernanceAccessTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    public static AuthorizationMatrix Matrix()
    {
        string[] all = AuthorizationMatrix.Everyone;
        string[] readers = ["partner", "member", "analyst", "coordinator"];
        string[] managers = ["partner", "coordinator"];
        return new AuthorizationMatrix()
            .Row(
                "{ bodies { nodes { kind name description meetingsPerYear associationSeats meetings { title } } } }",
                all)
            .Row("{ meetings(first: 1) { nodes { body { name } } } }", all)
            .Row(
                "{ decisions { nodes { title text decidedOn status history { status } body { name } meeting { title } "
                + "} } }",
                readers)
            .Row(
                "{ followUps { nodes { description dueOn duePrecision status decision { title } ownerOrganization { "
                + "name } } } }",
                readers)
            .Row("{ meetings(first: 1) { nodes { decisions { title } } } }", readers)
            .Row(
                """{ organizations(filter: { search: "mission politique" }) { nodes { followUps { dueOn } } } }""",
                readers)
            .Row("{ bodies { nodes { rotation { number status seated { name } optedOut { name } } } } }", readers)
            .Row("{ meetings(first: 1) { nodes { seats { organization { name } assignedAt } } } }", readers)
            .Row(
                """
                    mutation { createBody(input: { kind: OTHER, name: "Instance de la matrice" }) { errors { code } } }
                    """,
                "coordinator")
            .Row(
                """mutation { proposeRotation(input: { bodyId: "x", sessions: 2 }) { errors { code } } }""",
                "coordinator")
            .Row("""mutation { confirmRotation(input: { bodyId: "x" }) { errors { code } } }""", "coordinator")
            .Row(
                """mutation { assignSeat(input: { meetingId: "x", organizationId: "y" }) { errors { code } } }""",
                "coordinator")
            .Row("""mutation { releaseSeat(input: { id: "x" }) { errors { code } } }""", "coordinator")
            .Row(
                """mutation { seatRotationSession(input: { bodyId: "x", session: 1, meetingId: "y" })"""
                + " { errors { code } } }",
                "coordinator")
            .Row("{ webhookEndpoints(first: 0) { nodes { url status position } } }", managers)
            .Row(
                """
                mutation { registerWebhookEndpoint(input: { url: "x", events: [DECISION_RECORDED] })
                  { errors { code } } }
                """,
                managers)
            .Row("""mutation { pauseWebhookEndpoint(input: { id: "x" }) { errors { code } } }""", managers)
            .Row("""mutation { replayWebhookEvents(input: { id: "x", after: "x" }) { errors { code } } }""", managers);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Each_field_is_read_only_by_the_roles_the_matrix_allows(string query, string role, bool allowed) =>
        AuthorizationMatrix.AssertAsync(factory, query, role, allowed);

    public static TheoryData<string> Roles() => new(AuthorizationMatrix.Everyone);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Through_node_nodes_and_subscriptions_each_role_reaches_exactly_what_the_matrix_allows(string role)
    {
        var ids = (await factory.GraphQL("coordinator")
            .QueryAsync(
                "{ decisions(first: 1) { nodes { id followUps { id } } } escalatedRequests(first: 1) { nodes { id } } "
                + "bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors();
        var readers = role is "partner" or "member" or "analyst" or "coordinator";
        var client = role == AuthorizationMatrix.Anonymous ? factory.GraphQL() : factory.GraphQL(role);
        foreach (var (id, fragment, field) in new[]
        {
            (ids.String("decisions.nodes[0].id")!, "... on Decision { title }", "title"),
            (ids.String("decisions.nodes[0].followUps[0].id")!, "... on FollowUp { description }", "description"),
            (ids.String("escalatedRequests.nodes[0].id")!, "... on EscalatedRequest { text }", "text"),
        })
        {
            var single = await client.QueryAsync(
                $"query($id: ID!) {{ node(id: $id) {{ id {fragment} }} }}", new { id });
            var many = await client.QueryAsync(
                $"query($id: ID!) {{ nodes(ids: [$id]) {{ id {fragment} }} }}", new { id });
            if (readers)
            {
                Assert.NotNull(single.EnsureNoErrors().At($"node.{field}"));
                Assert.NotNull(many.EnsureNoErrors().At($"nodes[0].{field}"));
            }
            else
            {
                Assert.Null(single.At("node"));
                Assert.Null(many.At("nodes[0]"));
                Assert.DoesNotContain(
                    $"\"{field}\"", single.Body.ToJsonString() + many.Body.ToJsonString(), StringComparison.Ordinal);
            }
        }

        // Bodies are public: every role reaches them through node.
        Assert.NotNull(
            (await client.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Body { name } } }",
                new { id = ids.String("bodies.nodes[0].id") }))
                .EnsureNoErrors()
                .At("node.name"));

        // Subscriptions, over SSE: readers get the stream, others are refused before it starts.
        using var request = GraphQLTestClient.Request(
            "subscription { decisionRecorded { cursor } }",
            token: role == AuthorizationMatrix.Anonymous ? null : factory.Token(role),
            accept: "text/event-stream");
        using var response = await factory.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (readers)
        {
            Assert.Equal(
                ("text/event-stream", System.Net.HttpStatusCode.OK),
                (response.Content.Headers.ContentType?.MediaType, response.StatusCode));
        }
        else
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("ACCESS_DENIED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Decisions_with_their_bodies_meetings_and_owners_cost_the_same_for_5_and_50()
    {
        var coordinator = factory.GraphQL("coordinator");
        var ids = (await coordinator.QueryAsync(
            """
                { bodies { nodes { id } } meetings(first: 1) { nodes { id } } organizations(filter: { search: "ccas" })
                { nodes { id } } }
                """))
            .EnsureNoErrors();
        for (var i = 0; i < 50; i++)
        {
            (await coordinator.QueryAsync(
                "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
                new
                {
                    input = new
                    {
                        bodyId = ids.String($"bodies.nodes[{i % 6}].id"),
                        meetingId = ids.String("meetings.nodes[0].id"),
                        title = $"Décision {i}",
                        decidedOn = "2019-01-01",
                        followUps = new[]
                        {
                            new
                            {
                                description = "Suivi",
                                ownerOrganizationId = ids.String("organizations.nodes[0].id"),
                                dueOn = "2019-02-01"
                            }
                        }
                    }
                }))
                    .EnsureNoErrors();
        }

        async Task<long> Count(int n)
        {
            factory.SqlCommands.Reset();
            var result = (await coordinator.QueryAsync(
                "query($n: Int!) { decisions(first: $n) { nodes { body { name } meeting { title } history { status } "
                + "followUps { ownerOrganization { name } } } } }",
                new { n }))
                .EnsureNoErrors();
            Assert.Equal(n, result.At("decisions.nodes")!.AsArray().Count);
            return factory.SqlCommands.Count;
        }

        var five = await Count(5);
        Assert.Equal(6, five); // exact: a command more is a decision, made here
        Assert.Equal(five, await Count(50));
    }
}
