namespace InterAssociatif.Governance.Tests;

public sealed class SeatTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Assign = "mutation($input: AssignSeatInput!) { assignSeat(input: $input) { seat { id "
        + "organization { name } } errors { __typename code field message } } }";

    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    [Fact]
    public async Task A_session_seats_only_current_members_once_each_and_no_more_than_the_rule_allows()
    {
        var body = await BodyAsync("Comité à deux sièges", 2);
        var session = await SessionAsync(body, "2019-03-05T13:00:00Z");
        var members = await MembersAsync("2019-03-05");
        var ccas = await OrganizationAsync("ccas");
        var mozaik = await OrganizationAsync("mozaik");

        Assert.Equal(("VALIDATION", "input.organizationId"), await FailureAsync(session, ccas));
        Assert.Equal(("VALIDATION", "input.organizationId"), await FailureAsync(session, mozaik));
        Ok(await AssignAsync(session, members[0]), "assignSeat");
        Assert.Equal(("CONFLICT", "input.organizationId"), await FailureAsync(session, members[0]));
        var second = Ok(await AssignAsync(session, members[1]), "assignSeat").String("assignSeat.seat.id");
        Assert.Equal(("VALIDATION", "input.meetingId"), await FailureAsync(session, members[2]));
        Assert.Equal([members[0], members[1]], await SeatedAsync(session));

        Ok(
            await Coordinator.QueryAsync(
                "mutation($id: ID!) { releaseSeat(input: { id: $id }) { errors { code } } }", new { id = second }),
            "releaseSeat");
        Ok(await AssignAsync(session, members[2]), "assignSeat");
        Assert.Equal([members[0], members[2]], await SeatedAsync(session));
    }

    [Fact]
    public async Task Only_a_session_of_a_body_with_association_seats_has_seats()
    {
        var members = await MembersAsync("2019-04-02");
        var alone = (await Coordinator.QueryAsync(
            """
                mutation { scheduleMeeting(input: { title: "Réunion sans instance", startsAt: "2019-04-02T12:00:00Z",
                endsAt: "2019-04-02T14:00:00Z" }) { meeting { id } errors { code } } }
                """)).EnsureNoErrors().String("scheduleMeeting.meeting.id")!;
        Assert.Equal(("VALIDATION", "input.meetingId"), await FailureAsync(alone, members[0]));

        var noSeats = await BodyAsync("Instance sans siège", null);
        Assert.Equal(
            ("VALIDATION", "input.meetingId"),
            await FailureAsync(await SessionAsync(noSeats, "2019-04-03T12:00:00Z"), members[0]));
        var malformed = (await Coordinator.QueryAsync(
            Assign, new { input = new { meetingId = "pas-un-id", organizationId = members[0] } }))
            .EnsureNoErrors();
        Assert.Equal("input.meetingId", malformed.String("assignSeat.errors[0].field"));
    }

    [Fact]
    public async Task A_delegate_works_for_the_seated_organisation_on_the_sessions_day()
    {
        var session = await SessionAsync(await BodyAsync("Instance des délégués", 3), "2019-06-04T12:00:00Z");
        var members = await MembersAsync("2019-06-04");
        var person = Ok(await Coordinator.QueryAsync(
            """mutation { createPerson(input: { givenName: "Awa", familyName: "Délégué" })"""
            + " { person { id } errors { code } } }"),
            "createPerson").String("createPerson.person.id")!;
        async Task Affiliate(string organizationId, string startsOn, string? endsOn) => Ok(await Coordinator.QueryAsync(
            "mutation($input: AddAffiliationInput!) { addAffiliation(input: $input) { errors { code field } } }",
            new { input = new { personId = person, organizationId, role = "REPRESENTATIVE", startsOn, endsOn } }),
            "addAffiliation");
        async Task<GraphQLResult> Delegate(string organizationId) => (await Coordinator.QueryAsync(
                Assign, new { input = new { meetingId = session, organizationId, delegatePersonId = person } }))
            .EnsureNoErrors();

        await Affiliate(members[1], "2018-01-01", null); // works for another member
        await Affiliate(members[0], "2018-01-01", "2019-05-31"); // no longer on the session's day
        foreach (var refused in new[] { await Delegate(members[0]), await Delegate(members[2]) })
        {
            Assert.Null(refused.At("assignSeat.seat"));
            Assert.Equal("VALIDATION", refused.String("assignSeat.errors[0].code"));
            Assert.Equal("input.delegatePersonId", refused.String("assignSeat.errors[0].field"));
        }

        Assert.Empty(await SeatedAsync(session));
        var seated = Ok(await Delegate(members[1]), "assignSeat");
        Assert.NotNull(seated.String("assignSeat.seat.id"));
        Assert.Equal([members[1]], await SeatedAsync(session));
        var delegates = (await Coordinator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Meeting { seats { delegate { id } } } } }",
                new { id = session }))
            .EnsureNoErrors();
        Assert.Equal(person, delegates.String("node.seats[0].delegate.id"));
    }

    [Fact]
    public async Task A_withdrawn_member_keeps_its_past_seats_and_loses_its_future_ones()
    {
        var body = await BodyAsync("Comité de la démission", 3);
        var before = await SessionAsync(body, "2019-05-10T12:00:00Z");
        var after = await SessionAsync(body, "2019-09-10T12:00:00Z");
        var members = await MembersAsync("2019-05-10");
        var leaving = members[5];
        Ok(await AssignAsync(before, leaving), "assignSeat");
        Ok(await AssignAsync(after, leaving), "assignSeat");
        Ok(await AssignAsync(after, members[6]), "assignSeat");

        Ok(
            await Coordinator.QueryAsync(
                "mutation($id: ID!) { withdrawMembership(input: { organizationId: $id, withdrawnOn: \"2019-06-01\" }) "
                + "{ errors { code } } }",
                new { id = leaving }),
            "withdrawMembership");

        Assert.Equal([leaving], await SeatedAsync(before));
        Assert.Equal([members[6]], await SeatedAsync(after));
        Assert.Equal(("VALIDATION", "input.organizationId"), await FailureAsync(after, leaving));
        Ok(await AssignAsync(after, members[7]), "assignSeat");
        Assert.Equal([members[6], members[7]], await SeatedAsync(after));
    }

    [Fact]
    public async Task Seats_of_many_sessions_cost_the_same_sql_commands_as_of_one()
    {
        var body = await BodyAsync("Comité des comptes", 2);
        var members = await MembersAsync("2020-01-01");
        for (var month = 1; month <= 8; month++)
        {
            var session = await SessionAsync(body, $"2020-{month:00}-10T12:00:00Z");
            Ok(await AssignAsync(session, members[month]), "assignSeat");
            Ok(await AssignAsync(session, members[month + 1]), "assignSeat");
        }

        async Task<long> Count(int n)
        {
            factory.SqlCommands.Reset();
            var result = (await Coordinator.QueryAsync(
                "query($n: Int!) { meetings(first: $n, filter: { from: \"2020-01-01T00:00:00Z\" }) { nodes { seats { "
                + "organization { name } delegate { familyName } } } } }",
                new { n }))
                .EnsureNoErrors();
            Assert.Equal(n, result.At("meetings.nodes")!.AsArray().Count(m => m!["seats"]!.AsArray().Count == 2));
            return factory.SqlCommands.Count;
        }

        var one = await Count(1);
        Assert.Equal(5, one); // exact: a command more is a decision, made here
        Assert.Equal(one, await Count(8));
    }

    private static GraphQLResult Ok(GraphQLResult result, string mutation)
    {
        Assert.Empty(result.EnsureNoErrors().PayloadErrors(mutation));
        return result;
    }

    private Task<GraphQLResult> AssignAsync(string meetingId, string organizationId) =>
        Coordinator.QueryAsync(Assign, new { input = new { meetingId, organizationId } });

    private async Task<(string?, string?)> FailureAsync(string meetingId, string organizationId)
    {
        var result = (await AssignAsync(meetingId, organizationId)).EnsureNoErrors();
        Assert.Null(result.At("assignSeat.seat"));
        return (result.String("assignSeat.errors[0].code"), result.String("assignSeat.errors[0].field"));
    }

    private async Task<List<string>> SeatedAsync(string meetingId)
    {
        var result = (await Coordinator.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Meeting { seats { organization { id } } } } }",
            new { id = meetingId }))
            .EnsureNoErrors();
        return result.At("node.seats")!.AsArray().Select(s => s!["organization"]!["id"]!.GetValue<string>()).ToList();
    }

    private async Task<string> BodyAsync(string name, int? seats)
    {
        var result = (await Coordinator.QueryAsync(
            "mutation($name: String!, $seats: Int) { createBody(input: { kind: OTHER, name: $name, associationSeats: "
            + "$seats }) { body { id } errors { code } } }",
            new { name, seats }))
            .EnsureNoErrors();
        return result.String("createBody.body.id")!;
    }

    private async Task<string> SessionAsync(string bodyId, string startsAt)
    {
        var start = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture);
        var meeting = (await Coordinator.QueryAsync(
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } errors { code } "
            + "} }",
            new
            {
                input = new { title = $"Séance du {start:yyyy-MM-dd}", startsAt = start, endsAt = start.AddHours(2) }
            })).EnsureNoErrors().String("scheduleMeeting.meeting.id")!;
        Ok(
            await Coordinator.QueryAsync(
                "mutation($b: ID!, $m: ID!) { addBodySession(input: { bodyId: $b, meetingId: $m }) { errors { code } } "
                + "}",
                new { b = bodyId, m = meeting }),
            "addBodySession");
        return meeting;
    }

    private async Task<List<string>> MembersAsync(string asOf)
    {
        var result = (await Coordinator.QueryAsync(
            "query($asOf: DateOnly!) { organizations(first: 20, filter: { membershipStatuses: [MEMBER], "
            + "membershipAsOf: $asOf }) { nodes { id } } }",
            new { asOf }))
            .EnsureNoErrors();
        return result.At("organizations.nodes")!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList();
    }

    private async Task<string> OrganizationAsync(string search) =>
        (await Coordinator.QueryAsync(
            "query($s: String!) { organizations(filter: { search: $s }) { nodes { id } } }", new { s = search })).EnsureNoErrors().String("organizations.nodes[0].id")!;
}
