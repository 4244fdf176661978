namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The seat rotation of the steering committee (7 seats) among the 26 members of autumn 2017, through the API.
/// </summary>
public sealed class RotationTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Propose = "mutation($input: ProposeRotationInput!) { proposeRotation(input: $input) { body { "
        + "rotation { number status seated { id } optedOut { id } } } errors { __typename code field message } } }";
    private const string Confirm = "mutation($input: ConfirmRotationInput!) { confirmRotation(input: $input) { body { "
        + "rotation { number status } } errors { code field message } } }";

    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    [Fact]
    public async Task The_steering_committee_rotation_is_fair_confirmed_by_a_coordinator_and_rebalanced_after_a_withdrawal()
    {
        var committee = await CommitteeAsync();
        var draft = await ProposeAsync(new { bodyId = committee, sessions = 4, asOf = "2017-10-01" });
        Assert.Equal([1, 2, 3, 4], draft.Select(s => s.Number));
        Assert.All(draft, s => Assert.Equal(("DRAFT", 7), (s.Status, s.Seated.Count)));
        var counts = draft.SelectMany(s => s.Seated).CountBy(o => o).ToList();
        Assert.Equal(26, counts.Count); // 28 seats: every one of the 26 members sits, two of them twice
        Assert.Equal(2, counts.Count(c => c.Value == 2));
        for (var i = 1; i < draft.Count; i++)
        {
            Assert.Empty(draft[i].Seated.Intersect(draft[i - 1].Seated));
        }

        Assert.Equal(
            draft,
            await ProposeAsync(new { bodyId = committee, sessions = 4, asOf = "2017-10-01" }),
            SessionComparer.Instance);

        var confirmed = Ok(
            await Coordinator.QueryAsync(Confirm, new { input = new { bodyId = committee, throughSession = 2 } }),
            "confirmRotation");
        Assert.Equal(
            ["CONFIRMED", "CONFIRMED", "DRAFT", "DRAFT"],
            confirmed.At("confirmRotation.body.rotation")!.AsArray().Select(s => s!["status"]!.GetValue<string>()));

        var leaving = draft[2].Seated[0];
        Ok(
            await Coordinator.QueryAsync(
                "mutation($id: ID!) { withdrawMembership(input: { organizationId: $id, withdrawnOn: \"2017-11-01\" }) "
                + "{ errors { code } } }",
                new { id = leaving }),
            "withdrawMembership");

        var stale = (await Coordinator.QueryAsync(Confirm, new { input = new { bodyId = committee } }))
            .EnsureNoErrors();
        Assert.Equal("CONFLICT", stale.String("confirmRotation.errors[0].code"));

        var recomputed = await ProposeAsync(new { bodyId = committee, sessions = 2, asOf = "2017-11-15" });
        Assert.Equal(draft.Take(2), recomputed.Take(2), SessionComparer.Instance);
        Assert.All(recomputed.Skip(2), s => Assert.DoesNotContain(leaving, s.Seated));
        Assert.Empty(recomputed[2].Seated.Intersect(recomputed[1].Seated));
        var total = recomputed.SelectMany(s => s.Seated).Where(o => o != leaving).CountBy(o => o).ToDictionary();
        Assert.Equal(25, total.Count);
        Assert.True(total.Values.Max() - total.Values.Min() <= 1);
    }

    [Fact]
    public async Task Opt_outs_are_respected_and_kept_when_the_plan_is_recomputed()
    {
        var body = await BodyAsync("Commission tournante", 3);
        var first = await ProposeAsync(new { bodyId = body, sessions = 3, asOf = "2018-01-10" });
        var absent = first[1].Seated[0];

        var withOptOut = await ProposeAsync(
            new
            {
                bodyId = body,
                sessions = 3,
                asOf = "2018-01-10",
                optOuts = new[] { new { session = 2, organizationId = absent } }
            });
        Assert.DoesNotContain(absent, withOptOut[1].Seated);
        Assert.Equal([absent], withOptOut[1].OptedOut);
        Assert.Equal(3, withOptOut[1].Seated.Count);

        var again = await ProposeAsync(new { bodyId = body, sessions = 3, asOf = "2018-01-10" });
        Assert.Equal(withOptOut, again, SessionComparer.Instance);
    }

    [Fact]
    public async Task Bad_rotation_requests_are_typed_errors_and_write_nothing()
    {
        var body = await BodyAsync("Commission des erreurs", 2);
        var network = (await Coordinator.QueryAsync("""{ bodies(first: 20) { nodes { id kind } } }"""))
            .EnsureNoErrors()
            .At("bodies.nodes")!
            .AsArray()
            .First(b => b!["kind"]!.GetValue<string>() == "NETWORK")!["id"]!
            .GetValue<string>();
        var ccas = (await Coordinator.QueryAsync("""{ organizations(filter: { search: "ccas" }) { nodes { id } } }"""))
            .EnsureNoErrors()
            .String("organizations.nodes[0].id");

        Assert.Equal(("VALIDATION", "input.sessions"), await FailureAsync(new { bodyId = body, sessions = 0 }));
        Assert.Equal(("VALIDATION", "input.sessions"), await FailureAsync(new { bodyId = body, sessions = 1000 }));
        Assert.Equal(("VALIDATION", "input.bodyId"), await FailureAsync(new { bodyId = network, sessions = 2 }));
        Assert.Equal(
            ("VALIDATION", "input.optOuts[0].organizationId"),
            await FailureAsync(
                new { bodyId = body, sessions = 2, optOuts = new[] { new { session = 1, organizationId = ccas } } }));
        Assert.Equal(
            ("VALIDATION", "input.optOuts[0].session"),
            await FailureAsync(
                new
                {
                    bodyId = body,
                    sessions = 2,
                    asOf = "2018-01-10",
                    optOuts = new[]
                    {
                        new
                        {
                            session = 7,
                            organizationId = (await ProposeAsync(
                                new { bodyId = body, sessions = 1, asOf = "2018-01-10" }))[0].Seated[0]
                        }
                    }
                }));
        Assert.Single(await RotationAsync(body));

        Ok(await Coordinator.QueryAsync(Confirm, new { input = new { bodyId = body } }), "confirmRotation");
        var nothingLeft = (await Coordinator.QueryAsync(Confirm, new { input = new { bodyId = body } }))
            .EnsureNoErrors();
        Assert.Equal(
            ("VALIDATION", "input.bodyId"),
            (nothingLeft.String("confirmRotation.errors[0].code"), nothingLeft.String(
                "confirmRotation.errors[0].field")));
        var confirmedSeat = (await RotationAsync(body))[0].Seated[0];
        Assert.Equal(
            ("VALIDATION", "input.optOuts[0].session"),
            await FailureAsync(
                new
                {
                    bodyId = body,
                    sessions = 2,
                    asOf = "2018-01-10",
                    optOuts = new[] { new { session = 1, organizationId = confirmedSeat } }
                }));
    }

    private sealed record PlannedSession(int Number, string Status, List<string> Seated, List<string> OptedOut);

    private sealed class SessionComparer : IEqualityComparer<PlannedSession>
    {
        public static readonly SessionComparer Instance = new();

        public bool Equals(PlannedSession? x, PlannedSession? y) =>
            x is not null
            && y is not null
            && x.Number == y.Number
            && x.Seated.SequenceEqual(y.Seated)
            && x.OptedOut.SequenceEqual(y.OptedOut);

        public int GetHashCode(PlannedSession obj) => obj.Number;
    }

    /// <summary>
    /// A confirmed session becomes the seats of the meeting that holds it, all or nothing: not a draft, not a meeting
    /// of another body, not past the body's seats; a member already seated keeps its seat; run again, nothing changes.
    /// </summary>
    [Fact]
    public async Task A_confirmed_session_becomes_the_seats_of_the_meeting_that_holds_it()
    {
        var body = await BodyAsync("Commission des séances", 3);
        var plan = await ProposeAsync(new { bodyId = body, sessions = 2, asOf = "2018-03-01" });
        Ok(
            await Coordinator.QueryAsync(Confirm, new { input = new { bodyId = body, throughSession = 1 } }),
            "confirmRotation");
        var meeting = await MeetingAsync("2018-03-06T17:00:00Z");
        async Task<GraphQLResult> Seat(int session, string meetingId) => (await Coordinator.QueryAsync(
                "mutation($input: SeatRotationSessionInput!) { seatRotationSession(input: $input)"
                + " { body { id } errors { code field message } } }",
                new { input = new { bodyId = body, session, meetingId } }))
            .EnsureNoErrors();
        (string?, string?) Refusal(GraphQLResult result) =>
            (result.String("seatRotationSession.errors[0].code"), result.String("seatRotationSession.errors[0].field"));

        Assert.Equal(("VALIDATION", "input.meetingId"), Refusal(await Seat(1, meeting))); // not a session of the body
        Ok(await Coordinator.QueryAsync(
            "mutation($b: ID!, $m: ID!) { addBodySession(input: { bodyId: $b, meetingId: $m }) { errors { code } } }",
            new { b = body, m = meeting }), "addBodySession");
        Assert.Equal(("VALIDATION", "input.session"), Refusal(await Seat(2, meeting))); // a draft
        Assert.Equal(("VALIDATION", "input.session"), Refusal(await Seat(9, meeting))); // none
        var outsider = (await Coordinator.QueryAsync(
                """{ organizations(first: 30, filter: { membershipStatuses: [MEMBER], membershipAsOf: "2018-03-06" })"""
                + " { nodes { id } } }"))
            .EnsureNoErrors().At("organizations.nodes")!.AsArray().Select(o => o!["id"]!.GetValue<string>())
            .First(o => !plan[0].Seated.Contains(o));
        Ok(await Coordinator.QueryAsync(
            "mutation($m: ID!, $o: ID!) { assignSeat(input: { meetingId: $m, organizationId: $o })"
            + " { errors { code } } }",
            new { m = meeting, o = outsider }), "assignSeat");
        Assert.Equal(("VALIDATION", "input.meetingId"), Refusal(await Seat(1, meeting))); // 1 taken + 3 > 3 seats
        Assert.Equal([outsider], await SeatedAsync(meeting)); // nothing written

        var outsiderSeat = (await Coordinator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Meeting { seats { id } } } }", new { id = meeting }))
            .EnsureNoErrors().String("node.seats[0].id");
        Ok(await Coordinator.QueryAsync(
            "mutation($id: ID!) { releaseSeat(input: { id: $id }) { errors { code } } }", new { id = outsiderSeat }),
            "releaseSeat");
        Ok(await Seat(1, meeting), "seatRotationSession");
        Assert.Equal(plan[0].Seated.Order(), (await SeatedAsync(meeting)).Order());
        Ok(await Seat(1, meeting), "seatRotationSession"); // again: the same seats, no duplicate
        Assert.Equal(plan[0].Seated.Order(), (await SeatedAsync(meeting)).Order());
    }

    private async Task<string> MeetingAsync(string startsAt)
    {
        var start = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture);
        return Ok(await Coordinator.QueryAsync(
                "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input)"
                + " { meeting { id } errors { code } } }",
                new
                {
                    input = new { title = "Séance de la commission", startsAt = start, endsAt = start.AddHours(2) },
                }),
            "scheduleMeeting").String("scheduleMeeting.meeting.id")!;
    }

    private async Task<List<string>> SeatedAsync(string meetingId) =>
        (await Coordinator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Meeting { seats { organization { id } } } } }",
                new { id = meetingId }))
            .EnsureNoErrors().At("node.seats")!.AsArray()
            .Select(s => s!["organization"]!["id"]!.GetValue<string>())
            .ToList();

    private static GraphQLResult Ok(GraphQLResult result, string mutation)
    {
        Assert.Empty(result.EnsureNoErrors().PayloadErrors(mutation));
        return result;
    }

    private async Task<List<PlannedSession>> ProposeAsync(object input) =>
        Sessions(
            Ok(await Coordinator.QueryAsync(Propose, new { input }), "proposeRotation")
                .At("proposeRotation.body.rotation")!
                .AsArray());

    private async Task<(string?, string?)> FailureAsync(object input)
    {
        var result = (await Coordinator.QueryAsync(Propose, new { input })).EnsureNoErrors();
        Assert.Null(result.At("proposeRotation.body"));
        return (result.String("proposeRotation.errors[0].code"), result.String("proposeRotation.errors[0].field"));
    }

    private async Task<List<PlannedSession>> RotationAsync(string body) =>
        Sessions(
            (await factory.GraphQL("partner")
                .QueryAsync(
                    "query($id: ID!) { node(id: $id) { ... on Body { rotation { number status seated { id } optedOut { "
                    + "id } } } } }",
                    new { id = body }))
                .EnsureNoErrors()
                .At("node.rotation")!
                .AsArray());

    private static List<PlannedSession> Sessions(JsonArray rotation) => rotation.Select(s => new PlannedSession(
        s!["number"]!.GetValue<int>(),
        s["status"]!.GetValue<string>(),
        s["seated"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList(),
        s["optedOut"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList())).ToList();

    private async Task<string> CommitteeAsync() =>
        (await Coordinator.QueryAsync("""{ bodies(first: 20) { nodes { id kind } } }"""))
            .EnsureNoErrors()
            .At("bodies.nodes")!
            .AsArray()
            .First(b => b!["kind"]!.GetValue<string>() == "STEERING_COMMITTEE")!["id"]!.GetValue<string>();

    private async Task<string> BodyAsync(string name, int seats) =>
        Ok(
            await Coordinator.QueryAsync(
                "mutation($name: String!, $seats: Int) { createBody(input: { kind: OTHER, name: $name, "
                + "associationSeats: $seats }) { body { id } errors { code } } }",
                new { name, seats }),
            "createBody").String("createBody.body.id")!;
}
