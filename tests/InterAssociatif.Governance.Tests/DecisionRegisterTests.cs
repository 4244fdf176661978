namespace InterAssociatif.Governance.Tests;

public sealed class DecisionRegisterTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    private const string Record = "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { "
        + "id status followUps { id status } } errors { __typename code field } } }";

    private async Task<(string Network, string Meeting, string Mission)> DemoIdsAsync()
    {
        var ids = (await Coordinator.QueryAsync(
            """
                { bodies { nodes { id kind } } meetings(first: 1) { nodes { id } } organizations(filter: { search:
                "mission politique" }) { nodes { id } } }
                """))
            .EnsureNoErrors();
        var network = ids.At("bodies.nodes")!
            .AsArray()
            .Single(b => b!["kind"]!.GetValue<string>() == "NETWORK")!["id"]!
            .GetValue<string>();
        return (network, ids.String("meetings.nodes[0].id")!, ids.String("organizations.nodes[0].id")!);
    }

    private async Task<(int Decisions, long Events)> CountsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()
            .CreateDbContextAsync();
        return (await db.Decisions.CountAsync(), await db.Events.LongCountAsync());
    }

    /// <summary>
    /// ADR 0010: a reference that names no record (written before the check existed) never empties the register.
    /// </summary>
    [Fact]
    public async Task A_dangling_theme_is_left_out_with_an_error_on_its_path_and_the_register_stays_readable()
    {
        var first = (await factory.GraphQL("coordinator").QueryAsync("{ decisions(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("decisions.nodes[0].id");
        Assert.True(Kernel.Relay.GlobalId.TryDecode(first, out _, out var decisionId));
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()
            .CreateDbContextAsync())
        {
            db.DecisionThemes.Add(
                new Decisions.DecisionTheme { DecisionId = decisionId, ThemeId = Guid.CreateVersion7() });
            await db.SaveChangesAsync();
        }

        foreach (var role in new[] { "partner", "member", "analyst", "coordinator" })
        {
            var register = await factory.GraphQL(role)
                .QueryAsync("{ decisions(first: 50) { totalCount nodes { id title themes { name } } } }");
            Assert.NotNull(register.Data);
            Assert.Equal(
                register.Int("decisions.totalCount"),
                register.At("decisions.nodes")!.AsArray().Count(n => n is not null));
            var error = Assert.Single(register.Errors);
            Assert.Equal("DANGLING_REFERENCE", error!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(
                ["decisions", "nodes", 0, "themes"],
                error["path"]!
                    .AsArray()
                    .Select(p =>
                        p!.GetValueKind() == System.Text.Json.JsonValueKind.Number
                            ? (object)p.GetValue<int>()
                            : p.GetValue<string>()));
            Assert.Empty(register.At("decisions.nodes[0].themes")!.AsArray());
        }
    }

    [Fact]
    public async Task The_thematic_groups_carry_their_theme()
    {
        var bodies = (await factory.GraphQL("partner")
            .QueryAsync("{ bodies(first: 20) { nodes { name kind theme { name } } } }"))
            .EnsureNoErrors();
        var groups = bodies.At("bodies.nodes")!.AsArray().Where(b => b!["kind"]!.GetValue<string>() == "THEMATIC_GROUP")
            .ToDictionary(b => b!["name"]!.GetValue<string>(), b => b!["theme"]?["name"]?.GetValue<string>());
        Assert.Equal("Développement économique, emploi et formation", groups["Groupe emploi"]);
        Assert.Equal("Santé", groups["Groupe santé"]);
        Assert.Equal("Culture", groups["Groupe culture"]);
    }

    [Fact]
    public async Task The_three_decisions_of_18_september_2017_come_from_agenda_item_4()
    {
        var register = (await factory.GraphQL("partner").QueryAsync(
            """
                { decisions(first: 10, filter: { from: "2017-09-18", to: "2017-09-18" }) { nodes { title agendaItem {
                number title } } } }
                """))
                .EnsureNoErrors();
        var decisions = register.At("decisions.nodes")!.AsArray();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal("4.", d!["agendaItem"]!["number"]!.GetValue<string>()));
        Assert.All(
            decisions,
            d =>
                Assert.Equal(
                    "Une proposition concrète pour mettre en route l'inter-associatif",
                    d!["agendaItem"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_decisions_of_18_september_2017_and_their_follow_ups_are_on_the_meeting()
    {
        var page = (await factory.GraphQL("partner")
            .QueryAsync(
                "{ meetings(first: 1) { nodes { body { name } decisions { title status followUps { dueOn duePrecision "
                + "ownerOrganization { name } } } } } }"))
            .EnsureNoErrors();
        var decisions = page.At("meetings.nodes[0].decisions")!.AsArray();
        Assert.Equal(
            ["Acter l'intérêt de la mise en place de l'inter-associatif", "Construire le cadre en mouvement", "Participer à la rentrée politique de la ville du 3 octobre 2017, première étape"],
            decisions.Select(d => d!["title"]!.GetValue<string>()));
        var followUps = decisions[2]!["followUps"]!.AsArray();
        Assert.Equal(
            ["2017-10-15", "2017-11-15", "2017-12-14"], followUps.Select(f => f!["dueOn"]!.GetValue<string>()));
        Assert.Equal(["MONTH", "MONTH", "DAY"], followUps.Select(f => f!["duePrecision"]!.GetValue<string>()));
        Assert.All(
            followUps,
            f => Assert.Equal("Mission Politique de la Ville", f!["ownerOrganization"]!["name"]!.GetValue<string>()));

        var committee = (await factory.GraphQL()
            .QueryAsync("{ bodies { nodes { kind meetingsPerYear associationSeats } } }")).EnsureNoErrors()
            .At("bodies.nodes")!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "STEERING_COMMITTEE")!;
        Assert.Equal(
            (3, 7), (committee["meetingsPerYear"]!.GetValue<int>(), committee["associationSeats"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Recording_a_decision_writes_its_event_in_the_same_transaction_and_a_refused_one_writes_nothing()
    {
        var (network, meeting, mission) = await DemoIdsAsync();
        var before = await CountsAsync();

        var refused = (await Coordinator.QueryAsync(
            Record,
            new
            {
                input = new
                {
                    bodyId = network,
                    meetingId = meeting,
                    title = "Trop tôt",
                    decidedOn = "2017-09-18",
                    followUps = new[]
                    {
                        new { description = "Avant la décision", ownerOrganizationId = mission, dueOn = "2017-09-01" }
                    }
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("ValidationError", refused.At("recordDecision.errors[0].__typename")!.GetValue<string>());
        Assert.Equal("input.followUps[0].dueOn", refused.String("recordDecision.errors[0].field"));
        Assert.Equal(before, await CountsAsync());

        long previous;
        await using (var counting = await factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()
            .CreateDbContextAsync())
        {
            previous = await counting.Events.MaxAsync(e => e.Sequence);
        }

        var recorded = (await Coordinator.QueryAsync(
            Record,
            new
            {
                input = new
                {
                    bodyId = network,
                    meetingId = meeting,
                    title = "Décision de test",
                    decidedOn = "2017-09-18",
                    followUps = new[]
                    {
                        new { description = "Suivi", ownerOrganizationId = mission, dueOn = "2018-10-01" }
                    }
                }
            }))
            .EnsureNoErrors();
        Assert.Empty(recorded.PayloadErrors("recordDecision"));
        Assert.Equal((before.Decisions + 1, before.Events + 1), await CountsAsync());

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()
            .CreateDbContextAsync();
        var last = await db.Events.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.True(Kernel.Relay.GlobalId.TryDecode(recorded.String("recordDecision.decision.id"), out _, out var raw));
        Assert.Equal(("DecisionRecorded", raw), (last.Kind, last.SubjectId));
        // The decision's event is the one event appended, right after the previous one (no gap).
        Assert.Equal(previous + 1, last.Sequence);
        Assert.Equal(1, await db.Events.CountAsync(e => e.Sequence > previous));
    }

    [Fact]
    public async Task An_unknown_meeting_or_an_agenda_item_of_another_meeting_is_refused()
    {
        var (network, meeting, _) = await DemoIdsAsync();
        var unknown = (await Coordinator.QueryAsync(
            Record,
            new
            {
                input = new
                {
                    bodyId = network,
                    meetingId = Kernel.Relay.GlobalId.Encode("Meeting", Guid.CreateVersion7()),
                    title = "Réunion inconnue",
                    decidedOn = "2017-09-18"
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("input.meetingId", unknown.String("recordDecision.errors[0].field"));

        var other = (await Coordinator.QueryAsync(
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } } }",
            new
            {
                input = new
                {
                    title = "Autre réunion",
                    startsAt = "2018-01-10T10:00:00Z",
                    endsAt = "2018-01-10T12:00:00Z"
                }
            }))
                .EnsureNoErrors()
                .String("scheduleMeeting.meeting.id");
        var item = (await Coordinator.QueryAsync(
            "mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }",
            new { input = new { meetingId = other, title = "Point" } }))
                .EnsureNoErrors()
                .String("addAgendaItem.agendaItem.id");
        var mismatch = (await Coordinator.QueryAsync(
            Record,
            new
            {
                input = new
                {
                    bodyId = network,
                    meetingId = meeting,
                    agendaItemId = item,
                    title = "Mauvais point",
                    decidedOn = "2017-09-18"
                }
            }))
            .EnsureNoErrors();
        Assert.Equal("input.agendaItemId", mismatch.String("recordDecision.errors[0].field"));
    }

    [Fact]
    public async Task A_revoked_decision_changes_no_more_and_a_closed_follow_up_neither()
    {
        var (network, _, mission) = await DemoIdsAsync();
        var recorded = (await Coordinator.QueryAsync(
            Record,
            new
            {
                input = new
                {
                    bodyId = network,
                    title = "À réviser",
                    decidedOn = "2018-02-01",
                    followUps = new[]
                    {
                        new { description = "Faire", ownerOrganizationId = mission, dueOn = "2018-03-01" }
                    }
                }
            }))
            .EnsureNoErrors();
        var id = recorded.String("recordDecision.decision.id");
        const string change = "mutation($input: ChangeDecisionStatusInput!) { changeDecisionStatus(input: $input) { "
            + "decision { status history { status on note } } errors { __typename code field } } }";

        var amended = (await Coordinator.QueryAsync(
            change, new { input = new { id, status = "AMENDED", on = "2018-02-10", note = "Précisée" } }))
            .EnsureNoErrors();
        Assert.Equal(
            ["ADOPTED", "AMENDED"],
            amended.At("changeDecisionStatus.decision.history")!
                .AsArray()
                .Select(h => h!["status"]!.GetValue<string>()));
        await Coordinator.QueryAsync(change, new { input = new { id, status = "REVOKED", on = "2018-03-01" } });
        var again = (await Coordinator.QueryAsync(
            change, new { input = new { id, status = "AMENDED", on = "2018-03-02" } }))
            .EnsureNoErrors();
        Assert.Equal("CONFLICT", again.At("changeDecisionStatus.errors[0].code")!.GetValue<string>());

        const string setStatus = "mutation($input: SetFollowUpStatusInput!) { setFollowUpStatus(input: $input) { "
            + "followUp { status doneOn } errors { code field } } }";
        var followUp = recorded.String("recordDecision.decision.followUps[0].id");
        var done = (await Coordinator.QueryAsync(
            setStatus, new { input = new { id = followUp, status = "DONE", doneOn = "2018-02-20" } }))
            .EnsureNoErrors();
        Assert.Equal(
            ("DONE", "2018-02-20"),
            (done.String("setFollowUpStatus.followUp.status"), done.String("setFollowUpStatus.followUp.doneOn")));
        var cancel = (await Coordinator.QueryAsync(
            setStatus, new { input = new { id = followUp, status = "CANCELLED" } }))
            .EnsureNoErrors();
        Assert.Equal("CONFLICT", cancel.At("setFollowUpStatus.errors[0].code")!.GetValue<string>());
    }

    [Fact]
    public async Task The_follow_up_board_shows_what_is_overdue_on_a_day_month_precision_counting_the_whole_month()
    {
        async Task<List<string>> Overdue(string asOf) =>
            (await factory.GraphQL("member")
                .QueryAsync(
                    "query($d: DateOnly) { followUps(filter: { overdueAsOf: $d, statuses: [OPEN] }) { nodes { dueOn } "
                    + "} }",
                    new { d = asOf }))
                .EnsureNoErrors()
                .At("followUps.nodes")!
                .AsArray()
                .Select(n => n!["dueOn"]!.GetValue<string>())
                .Where(d => d.StartsWith("2017", StringComparison.Ordinal))
                .ToList();

        Assert.Empty(await Overdue("2017-10-31"));
        Assert.Equal(["2017-10-15"], await Overdue("2017-11-01"));
        Assert.Equal(["2017-10-15", "2017-11-15", "2017-12-14"], await Overdue("2017-12-15"));
    }
}

public sealed class GroupParticipationTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task Members_in_no_thematic_group_shrink_as_members_join_groups()
    {
        var coordinator = factory.GraphQL("coordinator");
        const string none = """{ membersInNoGroup(asOf: "2018-06-01") { name } }""";
        var before = (await coordinator.QueryAsync(none))
            .EnsureNoErrors()
            .At("membersInNoGroup")!
            .AsArray()
            .Select(o => o!["name"]!.GetValue<string>())
            .ToList();
        Assert.Equal(26, before.Count); // the 26 associations admitted on 18 September 2017
        Assert.DoesNotContain("MOZAÏK RH", before);

        var ids = (await coordinator.QueryAsync(
            """{ bodies { nodes { id name } } organizations(filter: { search: "ecopole" }) { nodes { id } } }"""))
            .EnsureNoErrors();
        var health = ids.At("bodies.nodes")!
            .AsArray()
            .Single(b => b!["name"]!.GetValue<string>() == "Groupe santé")!["id"]!
            .GetValue<string>();
        var network = ids.At("bodies.nodes")!
            .AsArray()
            .Single(b => b!["name"]!.GetValue<string>() == "Inter-associatif du contrat de ville")!["id"]!
            .GetValue<string>();
        var ecopole = ids.String("organizations.nodes[0].id");
        const string join = "mutation($input: JoinBodyInput!) { joinBody(input: $input) { body { participants { name } "
            + "} errors { __typename code field } } }";

        var joined = (await coordinator.QueryAsync(
            join, new { input = new { bodyId = health, organizationId = ecopole, since = "2018-01-15" } }))
            .EnsureNoErrors();
        Assert.Equal(
            ["ECOPOLE"],
            joined.At("joinBody.body.participants")!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        var twice = (await coordinator.QueryAsync(
            join, new { input = new { bodyId = health, organizationId = ecopole, since = "2018-02-01" } }))
            .EnsureNoErrors();
        Assert.Equal("CONFLICT", twice.At("joinBody.errors[0].code")!.GetValue<string>());

        // Taking part in the network itself is not a thematic group.
        var other = (await coordinator.QueryAsync(
            """{ organizations(filter: { search: "trajet" }) { nodes { id } } }"""))
            .EnsureNoErrors()
            .String("organizations.nodes[0].id");
        (await coordinator.QueryAsync(
            join, new { input = new { bodyId = network, organizationId = other, since = "2018-01-15" } }))
            .EnsureNoErrors();

        var after = (await coordinator.QueryAsync(none))
            .EnsureNoErrors()
            .At("membersInNoGroup")!
            .AsArray()
            .Select(o => o!["name"]!.GetValue<string>())
            .ToList();
        Assert.Equal(
            before.Where(n => n != "ECOPOLE").Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        var earlier = (await coordinator.QueryAsync("""{ membersInNoGroup(asOf: "2018-01-14") { name } }"""))
            .EnsureNoErrors()
            .At("membersInNoGroup")!
            .AsArray();
        Assert.Equal(26, earlier.Count);
    }
}
