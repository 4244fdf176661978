namespace InterAssociatif.Directory.Tests;

public sealed class MembershipTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    [Fact]
    public async Task An_organization_applies_is_admitted_withdraws_and_rejoins_with_its_whole_history_kept()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Les Amis du Clos Toreau");

        var applied = await Coordinator.MembershipAsync(
            "applyForMembership", new { organizationId = id, appliedOn = "2018-01-10" });
        Assert.Equal("CANDIDATE", applied.String("applyForMembership.membership.status"));
        var admitted = await Coordinator.MembershipAsync(
            "admitMember", new { organizationId = id, admittedOn = "2018-02-01" });
        Assert.Equal("2018-02-01", admitted.String("admitMember.membership.admittedOn"));
        var withdrawn = await Coordinator.MembershipAsync(
            "withdrawMembership", new { organizationId = id, withdrawnOn = "2019-06-30", reason = "Fin d'activité" });
        Assert.Equal("WITHDRAWN", withdrawn.String("withdrawMembership.membership.status"));
        var rejoined = await Coordinator.MembershipAsync(
            "applyForMembership", new { organizationId = id, appliedOn = "2020-03-01" });
        Assert.Equal("CANDIDATE", rejoined.String("applyForMembership.membership.status"));

        var history = (await Coordinator.QueryAsync(
            """
                query($id: ID!) { organization(id: $id) { memberships { appliedOn admittedOn withdrawnOn } s2017:
                membershipStatus(asOf: "2017-12-31") s2018: membershipStatus(asOf: "2018-01-10") s2018b:
                membershipStatus(asOf: "2018-02-01") s2019: membershipStatus(asOf: "2019-06-30") s2020:
                membershipStatus(asOf: "2020-03-01") } }
                """,
            new { id })).EnsureNoErrors();
        Assert.Equal(2, history.At("organization.memberships")!.AsArray().Count);
        Assert.Equal("2019-06-30", history.String("organization.memberships[0].withdrawnOn"));
        Assert.Null(history.At("organization.memberships[1].withdrawnOn"));
        Assert.Equal(
            new string?[] { "NONE", "CANDIDATE", "MEMBER", "WITHDRAWN", "CANDIDATE" },
            new[] { "s2017", "s2018", "s2018b", "s2019", "s2020" }.Select(k => history.String($"organization.{k}"))
                .ToArray());
    }

    [Fact]
    public async Task Only_an_applicant_can_be_admitted()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Collectif Halvêque");
        var result = await Coordinator.MembershipAsync(
            "admitMember", new { organizationId = id, admittedOn = "2018-01-01" });
        Assert.Equal("ConflictError CONFLICT input.organizationId", result.SingleError("admitMember"));

        await Coordinator.MembershipAsync("applyForMembership", new { organizationId = id, appliedOn = "2018-03-01" });
        var early = await Coordinator.MembershipAsync(
            "admitMember", new { organizationId = id, admittedOn = "2018-02-01" });
        Assert.Equal("ValidationError VALIDATION input.admittedOn", early.SingleError("admitMember"));
    }

    [Fact]
    public async Task A_withdrawn_membership_cannot_be_withdrawn_again_and_nothing_changes()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Association Pin Sec");
        await Coordinator.MembershipAsync("applyForMembership", new { organizationId = id, appliedOn = "2018-01-01" });
        await Coordinator.MembershipAsync(
            "withdrawMembership", new { organizationId = id, withdrawnOn = "2018-05-01", reason = "Première raison" });

        var twice = await Coordinator.MembershipAsync(
            "withdrawMembership", new { organizationId = id, withdrawnOn = "2018-06-01", reason = "Seconde raison" });
        Assert.Equal("ConflictError CONFLICT input.organizationId", twice.SingleError("withdrawMembership"));

        var history = (await Coordinator.QueryAsync(
            "query($id: ID!) { organization(id: $id) { memberships { withdrawnOn withdrawalReason } } }", new { id }))
            .EnsureNoErrors();
        Assert.Equal("2018-05-01", history.String("organization.memberships[0].withdrawnOn"));
        Assert.Equal("Première raison", history.String("organization.memberships[0].withdrawalReason"));
    }

    [Fact]
    public async Task Applying_twice_while_a_candidate_is_a_conflict()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Association Dervallières Solidaires");
        await Coordinator.MembershipAsync("applyForMembership", new { organizationId = id, appliedOn = "2018-01-01" });
        var again = await Coordinator.MembershipAsync(
            "applyForMembership", new { organizationId = id, appliedOn = "2018-01-02" });
        Assert.Equal("ConflictError CONFLICT input.organizationId", again.SingleError("applyForMembership"));
    }

    [Fact]
    public async Task Withdrawing_an_organization_that_never_applied_is_a_conflict()
    {
        var id = await Coordinator.CreateOrganizationIdAsync("Association Sans Candidature");
        var result = await Coordinator.MembershipAsync(
            "withdrawMembership", new { organizationId = id, withdrawnOn = "2018-01-01" });
        Assert.Equal("ConflictError CONFLICT input.organizationId", result.SingleError("withdrawMembership"));
    }

    [Fact]
    public async Task Lists_of_members_candidates_and_withdrawn_follow_the_day_asked()
    {
        const string query = """
            query($statuses: [MembershipStatus!], $day: DateOnly) { organizations(first: 100, filter: {
            membershipStatuses: $statuses, membershipAsOf: $day, kinds: [ASSOCIATION] }) { totalCount nodes { name } } }
            """;
        async Task<(int Count, List<string> Names)> List(string status, string day)
        {
            var r = (await Coordinator.QueryAsync(query, new { statuses = new[] { status }, day })).EnsureNoErrors();
            return (r.Int("organizations.totalCount"), r.At("organizations.nodes")!
                .AsArray()
                .Select(n => n!["name"]!.GetValue<string>())
                .ToList());
        }

        // The demo network: 27 candidates applied by 28 April 2017; MOZAÏK RH withdrew after 13 June; the others were
        // admitted on 18 September.
        Assert.Equal(27, (await List("CANDIDATE", "2017-06-13")).Count);
        Assert.Equal(26, (await List("CANDIDATE", "2017-09-17")).Count);
        Assert.Equal(["MOZAÏK RH"], (await List("WITHDRAWN", "2017-09-17")).Names);
        Assert.Equal(26, (await List("MEMBER", "2017-09-18")).Count);
        Assert.Equal(0, (await List("MEMBER", "2017-09-17")).Count);
    }
}
