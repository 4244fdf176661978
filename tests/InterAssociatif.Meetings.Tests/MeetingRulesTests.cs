namespace InterAssociatif.Meetings.Tests;

public sealed class MeetingRulesTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    private static readonly DateTimeOffset Past = new(2021, 3, 10, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Future = new(2031, 3, 10, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_meeting_ending_before_it_starts_or_with_an_unknown_organizer_is_refused_and_not_written()
    {
        var unknown = Kernel.Relay.GlobalId.Encode("Organization", Guid.CreateVersion7());
        var result = await Coordinator.MutateAsync("scheduleMeeting", "ScheduleMeetingInput",
            new
            {
                title = "Réunion à l'envers",
                startsAt = Future.AddYears(2),
                endsAt = Future.AddYears(2).AddHours(-1),
                organizerId = unknown
            }, "meeting { id }");
        // Ids are checked before the handler runs (ADR 0010): the unknown organizer alone is reported.
        Assert.Equal("NotFoundError NOT_FOUND input.organizerId", result.ErrorsOf("scheduleMeeting"));
        Assert.Null(result.At("scheduleMeeting.meeting"));
        var reversed = await Coordinator.MutateAsync("scheduleMeeting", "ScheduleMeetingInput",
            new
            {
                title = "Réunion à l'envers",
                startsAt = Future.AddYears(2),
                endsAt = Future.AddYears(2).AddHours(-1)
            }, "meeting { id }");
        Assert.Equal("ValidationError VALIDATION input.endsAt", reversed.ErrorsOf("scheduleMeeting"));
        var count = (await Coordinator.QueryAsync(
            """{ meetings(filter: { from: "2033-03-01T00:00:00Z", to: "2033-04-01T00:00:00Z" }) { totalCount } }"""))
            .EnsureNoErrors();
        Assert.Equal(0, count.Int("meetings.totalCount"));
    }

    [Fact]
    public async Task A_meeting_is_held_only_once_started_and_a_held_meeting_cannot_be_cancelled()
    {
        var future = await Coordinator.ScheduleAsync("Réunion à venir", Future);
        var early = await Coordinator.MutateAsync(
            "updateMeeting", "UpdateMeetingInput", new { id = future, status = "HELD" }, "meeting { status }");
        Assert.Equal("ConflictError CONFLICT input.status", early.ErrorsOf("updateMeeting"));

        var past = await Coordinator.ScheduleAsync("Réunion passée", Past);
        var held = await Coordinator.MutateAsync(
            "updateMeeting",
            "UpdateMeetingInput",
            new { id = past, status = "HELD", version = 1 },
            "meeting { status version }");
        Assert.Equal("HELD", held.String("updateMeeting.meeting.status"));
        var cancel = await Coordinator.MutateAsync(
            "updateMeeting", "UpdateMeetingInput", new { id = past, status = "CANCELLED" }, "meeting { status }");
        Assert.Equal("ConflictError CONFLICT input.status", cancel.ErrorsOf("updateMeeting"));
        var stale = await Coordinator.MutateAsync(
            "updateMeeting",
            "UpdateMeetingInput",
            new { id = past, version = 1, title = "Autre" },
            "meeting { title }");
        Assert.Equal("ConflictError CONFLICT input.version", stale.ErrorsOf("updateMeeting"));
    }

    [Fact]
    public async Task Attendance_is_recorded_once_per_person_only_for_a_started_meeting()
    {
        var person = await Coordinator.IdOfAsync("people", "riou");
        var organization = await Coordinator.IdOfAsync("organizations", "ecopole");
        var future = await Coordinator.ScheduleAsync("Réunion pas commencée", Future);
        var past = await Coordinator.ScheduleAsync("Réunion commencée", Past.AddDays(1));
        const string selection = "attendance { id status person { familyName } organization { name } }";

        var notStarted = await Coordinator.MutateAsync(
            "recordAttendance",
            "RecordAttendanceInput",
            new { meetingId = future, personId = person, organizationId = organization, status = "PRESENT" },
            selection);
        Assert.Equal("ConflictError CONFLICT input.meetingId", notStarted.ErrorsOf("recordAttendance"));

        var recorded = await Coordinator.MutateAsync(
            "recordAttendance",
            "RecordAttendanceInput",
            new { meetingId = past, personId = person, organizationId = organization, status = "EXCUSED" },
            selection);
        Assert.Equal(
            ("Riou", "ECOPOLE", "EXCUSED"),
            (recorded.String("recordAttendance.attendance.person.familyName"), recorded.String(
                "recordAttendance.attendance.organization.name"), recorded.String("recordAttendance.attendance.status")));

        var twice = await Coordinator.MutateAsync(
            "recordAttendance",
            "RecordAttendanceInput",
            new { meetingId = past, personId = person, organizationId = organization, status = "PRESENT" },
            selection);
        Assert.Equal("ConflictError CONFLICT input.personId", twice.ErrorsOf("recordAttendance"));

        var changed = await Coordinator.MutateAsync(
            "changeAttendance",
            "ChangeAttendanceInput",
            new { id = recorded.String("recordAttendance.attendance.id"), status = "PRESENT", version = 1 },
            "attendance { status version }");
        Assert.Equal("PRESENT", changed.String("changeAttendance.attendance.status"));

        var unknown = await Coordinator.MutateAsync(
            "recordAttendance",
            "RecordAttendanceInput",
            new
            {
                meetingId = past,
                personId = Kernel.Relay.GlobalId.Encode("Person", Guid.CreateVersion7()),
                organizationId = organization,
                status = "PRESENT"
            },
            selection);
        Assert.Equal("NotFoundError NOT_FOUND input.personId", unknown.ErrorsOf("recordAttendance"));

        var attendance = (await Coordinator.QueryAsync(
            "query($id: ID!) { meeting(id: $id) { attendance { status } } }", new { id = past }))
            .EnsureNoErrors();
        Assert.Equal(["PRESENT"], attendance.At("meeting.attendance").Strings("status"));
    }

    [Fact]
    public async Task The_agenda_nests_reorders_and_refuses_a_cycle()
    {
        var meeting = await Coordinator.ScheduleAsync("Réunion avec ordre du jour", Past.AddDays(2));
        async Task<string> Add(string title, string? parentId = null, int? position = null) =>
            (await Coordinator.MutateAsync(
                "addAgendaItem",
                "AddAgendaItemInput",
                new { meetingId = meeting, title, parentId, position },
                "agendaItem { id }")).String("addAgendaItem.agendaItem.id")!;

        var a = await Add("Accueil");
        var b = await Add("Actualités");
        var b1 = await Add("Budget", b);
        var b2 = await Add("Contrats aidés", b);
        await Add("Introduction", position: 1);

        async Task<List<string>> Outline()
        {
            var r = (await Coordinator.QueryAsync(
                "query($id: ID!) { meeting(id: $id) { agenda { number title items { number title items { number title "
                + "} } } } }",
                new { id = meeting }))
                .EnsureNoErrors();
            var lines = new List<string>();
            void Walk(System.Text.Json.Nodes.JsonArray items)
            {
                foreach (var item in items)
                {
                    lines.Add($"{item!["number"]} {item["title"]}");
                    if (item["items"] is System.Text.Json.Nodes.JsonArray children)
                    {
                        Walk(children);
                    }
                }
            }

            Walk(r.At("meeting.agenda")!.AsArray());
            return lines;
        }

        Assert.Equal(
            ["1. Introduction", "2. Accueil", "3. Actualités", "3.1. Budget", "3.2. Contrats aidés"], await Outline());

        var cycle = await Coordinator.MutateAsync(
            "moveAgendaItem", "MoveAgendaItemInput", new { id = b, parentId = b2 }, "agendaItem { id }");
        Assert.Equal("ValidationError VALIDATION input.parentId", cycle.ErrorsOf("moveAgendaItem"));
        var self = await Coordinator.MutateAsync(
            "moveAgendaItem", "MoveAgendaItemInput", new { id = b, parentId = b }, "agendaItem { id }");
        Assert.Equal("ValidationError VALIDATION input.parentId", self.ErrorsOf("moveAgendaItem"));

        await Coordinator.MutateAsync(
            "moveAgendaItem", "MoveAgendaItemInput", new { id = b2, position = 1 }, "agendaItem { id }");
        await Coordinator.MutateAsync(
            "moveAgendaItem", "MoveAgendaItemInput", new { id = a, parentId = b, position = 2 }, "agendaItem { id }");
        Assert.Equal(
            ["1. Contrats aidés", "2. Introduction", "3. Actualités", "3.1. Budget", "3.2. Accueil"], await Outline());

        var badPosition = await Coordinator.MutateAsync(
            "addAgendaItem",
            "AddAgendaItemInput",
            new { meetingId = meeting, title = "Trop loin", position = 9 },
            "agendaItem { id }");
        Assert.Equal("ValidationError VALIDATION input.position", badPosition.ErrorsOf("addAgendaItem"));
        Assert.Equal(5, (await Outline()).Count);
        _ = b1;
    }

    [Fact]
    public async Task Minutes_go_from_draft_to_published_revisions_and_are_never_edited_in_place()
    {
        var meeting = await Coordinator.ScheduleAsync("Réunion avec compte rendu", Past.AddDays(3));
        const string selection = "minutes { status version current { number text } revisions { number text note } }";
        var draft = await Coordinator.MutateAsync(
            "draftMinutes",
            "DraftMinutesInput",
            new { meetingId = meeting, writtenOn = "2021-03-15", text = "Premier jet" },
            selection);
        Assert.Equal("DRAFT", draft.String("draftMinutes.minutes.status"));
        var early = await Coordinator.MutateAsync(
            "draftMinutes",
            "DraftMinutesInput",
            new { meetingId = meeting, writtenOn = "2021-03-15", text = "Doublon" },
            selection);
        Assert.Equal("ConflictError CONFLICT input.meetingId", early.ErrorsOf("draftMinutes"));

        await Coordinator.MutateAsync(
            "editMinutesDraft", "EditMinutesDraftInput", new { meetingId = meeting, text = "Texte relu" }, selection);
        var published = await Coordinator.MutateAsync(
            "publishMinutes", "PublishMinutesInput", new { meetingId = meeting }, selection);
        Assert.Equal(
            ("PUBLISHED", 1, "Texte relu"),
            (published.String("publishMinutes.minutes.status"), published.Int("publishMinutes.minutes.current.number"), published.String("publishMinutes.minutes.current.text")));

        var inPlace = await Coordinator.MutateAsync(
            "editMinutesDraft", "EditMinutesDraftInput", new { meetingId = meeting, text = "Réécriture" }, selection);
        Assert.Equal("ConflictError CONFLICT input.meetingId", inPlace.ErrorsOf("editMinutesDraft"));
        var again = await Coordinator.MutateAsync(
            "publishMinutes", "PublishMinutesInput", new { meetingId = meeting }, selection);
        Assert.Equal("ConflictError CONFLICT input.meetingId", again.ErrorsOf("publishMinutes"));

        var corrected = await Coordinator.MutateAsync(
            "correctMinutes",
            "CorrectMinutesInput",
            new { meetingId = meeting, text = "Texte corrigé", note = "Orthographe d'un nom" },
            selection);
        Assert.Equal(["Texte relu", "Texte corrigé"], corrected.At("correctMinutes.minutes.revisions").Strings("text"));
        Assert.Equal(2, corrected.Int("correctMinutes.minutes.current.number"));

        var member = (await factory.GraphQL("member")
            .QueryAsync(
                "query($id: ID!) { meeting(id: $id) { minutes { status current { text } revisions { number } } } }",
                new { id = meeting }))
            .EnsureNoErrors();
        Assert.Equal("Texte corrigé", member.String("meeting.minutes.current.text"));

        // Every meeting's text in force, in one batch: its latest revision.
        var all = (await Coordinator.QueryAsync(
            "{ meetings(first: 100) { nodes { minutes { current { number text } revisions { number text } } } } }"))
            .EnsureNoErrors();
        var minutes = all.At("meetings.nodes")!.AsArray()
            .Select(n => n!["minutes"])
            .OfType<System.Text.Json.Nodes.JsonNode>()
            .Where(m => m["revisions"]!.AsArray().Count > 0)
            .ToList();
        Assert.Contains(minutes, m => m["revisions"]!.AsArray().Count == 2);
        Assert.All(minutes, m => Assert.Equal(
            m["revisions"]!.AsArray().Last()!.ToJsonString(), m["current"]!.ToJsonString()));
    }

    [Fact]
    public async Task Minutes_written_before_the_meeting_or_for_an_unknown_meeting_are_refused()
    {
        var meeting = await Coordinator.ScheduleAsync("Réunion tardive", Past.AddDays(4));
        var before = await Coordinator.MutateAsync(
            "draftMinutes",
            "DraftMinutesInput",
            new { meetingId = meeting, writtenOn = "2020-01-01", text = "Trop tôt" },
            "minutes { status }");
        Assert.Equal("ValidationError VALIDATION input.writtenOn", before.ErrorsOf("draftMinutes"));
        var unknown = await Coordinator.MutateAsync(
            "publishMinutes",
            "PublishMinutesInput",
            new { meetingId = Kernel.Relay.GlobalId.Encode("Meeting", Guid.CreateVersion7()) },
            "minutes { status }");
        Assert.Equal("NotFoundError NOT_FOUND input.meetingId", unknown.ErrorsOf("publishMinutes"));
    }

    [Fact]
    public async Task Milestones_keep_their_precision_and_form_a_timeline_across_meetings()
    {
        var first = await Coordinator.ScheduleAsync(
            "Réunion qui annonce", new DateTimeOffset(2024, 1, 10, 17, 0, 0, TimeSpan.Zero));
        var second = await Coordinator.ScheduleAsync(
            "Réunion qui tient parole", new DateTimeOffset(2024, 2, 20, 17, 0, 0, TimeSpan.Zero));
        const string selection = "milestone { id title date precision fulfilledBy { title } }";
        var month = await Coordinator.MutateAsync(
            "announceMilestone",
            "AnnounceMilestoneInput",
            new { meetingId = first, title = "Rencontre courant février", date = "2024-02-17", precision = "MONTH" },
            selection);
        Assert.Equal(
            ("2024-02-17", "MONTH"),
            (month.String("announceMilestone.milestone.date"), month.String("announceMilestone.milestone.precision")));
        await Coordinator.MutateAsync(
            "announceMilestone",
            "AnnounceMilestoneInput",
            new { meetingId = first, title = "Séminaire du 5 février", date = "2024-02-05" },
            selection);
        var inverted = await Coordinator.MutateAsync(
            "announceMilestone",
            "AnnounceMilestoneInput",
            new { meetingId = first, title = "Période à l'envers", date = "2024-03-05", endDate = "2024-03-01" },
            selection);
        Assert.Equal("ValidationError VALIDATION input.endDate", inverted.ErrorsOf("announceMilestone"));

        var fulfilled = await Coordinator.MutateAsync(
            "fulfilMilestone",
            "FulfilMilestoneInput",
            new { id = month.String("announceMilestone.milestone.id"), meetingId = second },
            selection);
        Assert.Equal("Réunion qui tient parole", fulfilled.String("fulfilMilestone.milestone.fulfilledBy.title"));

        var timeline = (await factory.GraphQL()
            .QueryAsync(
                """{ milestones(from: "2024-01-01", to: "2024-12-31") { nodes { title announcedBy { title } } } }"""))
            .EnsureNoErrors();
        Assert.Equal(
            ["Séminaire du 5 février", "Rencontre courant février"], timeline.At("milestones.nodes").Strings("title"));
        var byMeeting = (await factory.GraphQL()
            .QueryAsync("query($id: ID!) { meeting(id: $id) { fulfils { title } } }", new { id = second }))
            .EnsureNoErrors();
        Assert.Equal(["Rencontre courant février"], byMeeting.At("meeting.fulfils").Strings("title"));
    }

    [Fact]
    public async Task Calendar_queries_filter_upcoming_past_between_by_organizer_and_neighbourhood_in_sql()
    {
        var organizer = await Coordinator.IdOfAsync("organizations", "ccas de nantes");
        await Coordinator.ScheduleAsync(
            "Calendrier passé",
            new DateTimeOffset(2022, 5, 1, 8, 0, 0, TimeSpan.Zero),
            organizerId: organizer,
            neighbourhood: "Malakoff");
        await Coordinator.ScheduleAsync(
            "Calendrier futur",
            new DateTimeOffset(2032, 5, 1, 8, 0, 0, TimeSpan.Zero),
            organizerId: organizer,
            neighbourhood: "Bellevue");

        async Task<List<string>> Titles(string filter, object? variables = null) =>
            (await factory.GraphQL()
                .QueryAsync(
                    $$"""
                        query{{(filter.Contains("$org", StringComparison.Ordinal) ? "($org: ID)" : "")}} {
                        meetings(first: 50, filter: {{filter}}) { nodes { title } } }
                        """,
                    variables))
                .EnsureNoErrors()
                .At("meetings.nodes")
                .Strings("title");

        Assert.Equal(
            ["Calendrier passé", "Calendrier futur"], await Titles("{ organizerId: $org }", new { org = organizer }));
        Assert.Equal(
            ["Calendrier futur"], await Titles("{ organizerId: $org, when: UPCOMING }", new { org = organizer }));
        Assert.Equal(["Calendrier passé"], await Titles("{ organizerId: $org, when: PAST }", new { org = organizer }));
        Assert.Equal(
            ["Calendrier passé"], await Titles("""{ from: "2022-04-30T00:00:00Z", to: "2022-05-02T00:00:00Z" }"""));
        Assert.Equal(["Calendrier futur"], await Titles("""{ neighbourhood: "BELLEVUE" }"""));
    }
}
