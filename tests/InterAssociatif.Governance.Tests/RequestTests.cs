namespace InterAssociatif.Governance.Tests;

public sealed class RequestTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    [Fact]
    public async Task The_three_requests_of_18_september_2017_await_their_validation_on_the_25th()
    {
        var result = (await factory.GraphQL("partner")
            .QueryAsync(
                "{ escalatedRequests { totalCount nodes { text raisedOn expectedAnswerOn status raisedBy { name } "
                + "recipientOrganizations { name } } } }"))
            .EnsureNoErrors();
        Assert.Equal(3, result.Int("escalatedRequests.totalCount"));
        Assert.All(result.At("escalatedRequests.nodes")!.AsArray(), r =>
        {
            Assert.Equal(
                ("2017-09-18", "2017-09-25", "SUBMITTED"),
                (r!["raisedOn"]!.GetValue<string>(), r["expectedAnswerOn"]!.GetValue<string>(), r["status"]!
                    .GetValue<string>()));
            Assert.Equal(
                ["Nantes Métropole", "Préfecture de la Loire-Atlantique"],
                r["recipientOrganizations"]!
                    .AsArray()
                    .Select(o => o!["name"]!.GetValue<string>())
                    .Order(StringComparer.Ordinal));
        });
        Assert.Equal(
            ["ACCESS_DENIED"], (await factory.GraphQL().QueryAsync("{ escalatedRequests { totalCount } }")).ErrorCodes);
    }

    [Fact]
    public async Task A_request_is_answered_once_and_bad_requests_write_nothing()
    {
        var ids = (await Coordinator.QueryAsync(
            """{ bodies(first: 1) { nodes { id } } organizations(filter: { search: "ccas" }) { nodes { id } } }"""))
            .EnsureNoErrors();
        const string escalate = "mutation($input: EscalateRequestInput!) { escalateRequest(input: $input) { request { "
            + "id status } errors { __typename code field } } }";
        var before = (await Coordinator.QueryAsync("{ escalatedRequests { totalCount } }"))
            .EnsureNoErrors()
            .Int("escalatedRequests.totalCount");

        var noRecipient = (await Coordinator.QueryAsync(
            escalate,
            new
            {
                input = new
                {
                    bodyId = ids.String("bodies.nodes[0].id"),
                    text = "Sans destinataire",
                    raisedOn = "2018-01-10"
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("input.recipientOrganizationIds", noRecipient.String("escalateRequest.errors[0].field"));
        var early = (await Coordinator.QueryAsync(
            escalate,
            new
            {
                input = new
                {
                    bodyId = ids.String("bodies.nodes[0].id"),
                    text = "Réponse avant la demande",
                    raisedOn = "2018-01-10",
                    expectedAnswerOn = "2018-01-01",
                    recipientOrganizationIds = new[] { ids.String("organizations.nodes[0].id") }
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("input.expectedAnswerOn", early.String("escalateRequest.errors[0].field"));
        Assert.Equal(
            before,
            (await Coordinator.QueryAsync("{ escalatedRequests { totalCount } }"))
                .EnsureNoErrors()
                .Int("escalatedRequests.totalCount"));

        var raised = (await Coordinator.QueryAsync(
            escalate,
            new
            {
                input = new
                {
                    bodyId = ids.String("bodies.nodes[0].id"),
                    text = "Une demande",
                    raisedOn = "2018-01-10",
                    recipientOrganizationIds = new[] { ids.String("organizations.nodes[0].id") }
                }
            }))
            .EnsureNoErrors();
        var id = raised.String("escalateRequest.request.id");
        const string set = "mutation($input: SetRequestStatusInput!) { setRequestStatus(input: $input) { request { "
            + "status answer answeredOn } errors { __typename code field } } }";
        var unanswered = (await Coordinator.QueryAsync(
            set, new { input = new { id, status = "ANSWERED", on = "2018-02-01" } }))
            .EnsureNoErrors();
        Assert.Equal("input.answer", unanswered.String("setRequestStatus.errors[0].field"));
        var answered = (await Coordinator.QueryAsync(
            set, new { input = new { id, status = "ANSWERED", answer = "Accordé.", on = "2018-02-01" } }))
            .EnsureNoErrors();
        Assert.Equal(
            ("ANSWERED", "Accordé.", "2018-02-01"),
            (answered.String("setRequestStatus.request.status"), answered.String("setRequestStatus.request.answer"), answered.String("setRequestStatus.request.answeredOn")));
        var again = (await Coordinator.QueryAsync(
            set, new { input = new { id, status = "REJECTED", on = "2018-02-02" } }))
            .EnsureNoErrors();
        Assert.Equal("CONFLICT", again.At("setRequestStatus.errors[0].code")!.GetValue<string>());
    }
}
