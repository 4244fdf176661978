namespace InterAssociatif.Governance.Tests.MinutesDocuments;

/// <summary>
/// Sending the minutes of 18 September 2017 to their distribution list through a real SMTP server in the test
/// process: one message per recipient with the DOCX attached, refusals reported and retried alone, no second
/// sending without the confirmation flag.
/// </summary>
public sealed class MinutesMailTests
{
    private const string Send =
        "mutation($input: SendMinutesInput!) { sendMinutes(input: $input) { report { revision sent failed "
        + "recipients { address status attempts error person { displayName } } withoutAddress } "
        + "errors { __typename code field message } } }";

    [Fact]
    public async Task Published_minutes_reach_each_recipient_once_a_refusal_is_retried_alone_a_resend_needs_confirming()
    {
        await using var smtp = new SmtpTestServer();
        await using var host = Configured(new InterAssociatifFactory(), smtp);
        await MinutesDocumentTests.PublishAsync(host);
        var meeting = await MinutesDocumentTests.MeetingIdAsync(host);
        var coordinator = host.GraphQL("coordinator");
        var list = (
            await coordinator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Meeting { distributionList { people { email } } } } }",
                new { id = meeting }
            )
        )
            .EnsureNoErrors()
            .At("node.distributionList.people")!
            .AsArray()
            .Select(p => p!["email"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        Assert.Equal(18, list.Count); // the participants and the excused of 18 September 2017
        var refused = list[3];
        smtp.Refuse(refused);

        var first = (await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting } })).EnsureNoErrors();
        Assert.Empty(first.At("sendMinutes.errors")!.AsArray());
        Assert.Equal(
            (1, list.Count - 1, 1),
            (
                first.Int("sendMinutes.report.revision"),
                first.Int("sendMinutes.report.sent"),
                first.Int("sendMinutes.report.failed")
            )
        );
        var failure = first
            .At("sendMinutes.report.recipients")!
            .AsArray()
            .Single(r => r!["status"]!.GetValue<string>() == "FAILED")!;
        Assert.Equal(refused, failure["address"]!.GetValue<string>());
        Assert.StartsWith(
            "Refused by the SMTP server (5", failure["error"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(list.Count - 1, smtp.Messages.Count);
        Assert.Equal(
            list.Where(a => a != refused).Order(),
            smtp.Messages.Select(m => Assert.Single(m.To.Mailboxes).Address).Order()
        );
        foreach (var message in smtp.Messages)
        {
            Assert.StartsWith(
                "Compte rendu — Inter-associatif : poursuite de la réflexion — 18 septembre 2017",
                message.Subject,
                StringComparison.Ordinal
            );
            Assert.Contains("Relevé de décision", message.HtmlBody, StringComparison.Ordinal);
            var docx = Assert.Single(message.Attachments.OfType<MimePart>());
            Assert.EndsWith(".docx", docx.FileName, StringComparison.Ordinal);
            using var content = new MemoryStream();
            await docx.Content!.DecodeToAsync(content);
            var (lines, _) = MinutesDocumentTests.ReadDocx(content.ToArray());
            Assert.Equal("Compte rendu", lines[1]);
        }

        var log = (
            await coordinator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Meeting { "
                    + "minutesMailings { address status attempts error } } } }",
                new { id = meeting }
            )
        )
            .EnsureNoErrors()
            .At("node.minutesMailings")!
            .AsArray();
        Assert.Equal(list.Count, log.Count);
        Assert.Equal(
            "FAILED", log.Single(m => m!["address"]!.GetValue<string>() == refused)!["status"]!.GetValue<string>());

        // The server takes the address now: sending again reaches it alone.
        smtp.Accept(refused);
        var retry = (await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting } })).EnsureNoErrors();
        var retried = Assert.Single(retry.At("sendMinutes.report.recipients")!.AsArray())!;
        Assert.Equal(
            (refused, "SENT", 2),
            (
                retried["address"]!.GetValue<string>(),
                retried["status"]!.GetValue<string>(),
                retried["attempts"]!.GetValue<int>()
            )
        );
        Assert.Equal(list.Count, smtp.Messages.Count);
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Single().Address == refused);

        // Everyone has it: a third send is refused unless confirmed.
        var third = (await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting } })).EnsureNoErrors();
        Assert.Equal(
            ("ConflictError", "input.resend"),
            (third.String("sendMinutes.errors[0].__typename"), third.String("sendMinutes.errors[0].field"))
        );
        Assert.Null(third.At("sendMinutes.report"));
        Assert.Equal(list.Count, smtp.Messages.Count);
        var confirmed = (
            await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting, resend = true } })
        ).EnsureNoErrors();
        Assert.Equal(list.Count, confirmed.Int("sendMinutes.report.sent"));
        Assert.Equal(2 * list.Count, smtp.Messages.Count);
    }

    [Fact]
    public async Task A_draft_goes_out_only_for_review_and_only_to_those_who_have_not_had_it()
    {
        await using var smtp = new SmtpTestServer();
        await using var host = Configured(new InterAssociatifFactory(), smtp);
        var meeting = await MinutesDocumentTests.MeetingIdAsync(host);
        var coordinator = host.GraphQL("coordinator");

        var plain = (await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting } })).EnsureNoErrors();
        Assert.Equal(
            ("ConflictError", "input.forReview"),
            (plain.String("sendMinutes.errors[0].__typename"), plain.String("sendMinutes.errors[0].field"))
        );
        var review = (
            await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting, forReview = true } })
        ).EnsureNoErrors();
        Assert.Equal((0, 18), (review.Int("sendMinutes.report.revision"), review.Int("sendMinutes.report.sent")));
        Assert.All(
            smtp.Messages,
            m => Assert.StartsWith("Projet de compte rendu (pour relecture)", m.Subject, StringComparison.Ordinal)
        );
        var wrongRevision = (
            await coordinator.QueryAsync(
                Send,
                new
                {
                    input = new
                    {
                        meetingId = meeting,
                        revision = 3,
                        forReview = true,
                    },
                }
            )
        ).EnsureNoErrors();
        Assert.Equal(
            ("NotFoundError", "input.revision"),
            (
                wrongRevision.String("sendMinutes.errors[0].__typename"),
                wrongRevision.String("sendMinutes.errors[0].field")
            )
        );
        Assert.Equal(18, smtp.Messages.Count);

        var denied = await host.GraphQL("member")
            .QueryAsync(Send, new { input = new { meetingId = meeting, forReview = true } });
        Assert.NotEmpty(denied.ErrorCodes);
        Assert.All(denied.ErrorCodes, code => Assert.Equal("ACCESS_DENIED", code));
        Assert.Equal(18, smtp.Messages.Count);
    }

    [Fact]
    public async Task Without_an_smtp_server_configured_the_mutation_says_so_in_a_typed_error()
    {
        await using var host = new InterAssociatifFactory();
        var result = (
            await host.GraphQL("coordinator")
                .QueryAsync(
                    Send,
                    new
                    {
                        input = new { meetingId = await MinutesDocumentTests.MeetingIdAsync(host), forReview = true },
                    }
                )
        ).EnsureNoErrors();
        Assert.Equal(
            ("NotConfiguredError", "NOT_CONFIGURED", "input.meetingId"),
            (
                result.String("sendMinutes.errors[0].__typename"),
                result.String("sendMinutes.errors[0].code"),
                result.String("sendMinutes.errors[0].field")
            )
        );
        Assert.Contains("Smtp:Host", result.String("sendMinutes.errors[0].message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_smtp_server_that_is_down_fails_every_recipient_and_the_next_send_retries_them()
    {
        var smtp = new SmtpTestServer();
        var port = smtp.Port;
        await smtp.DisposeAsync(); // nothing listens on the port any more
        await using var host = new InterAssociatifFactory()
            .With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Smtp:From", "Mission Politique de la Ville <mission@example.org>")
            .With("Smtp:Security", "None");
        var meeting = await MinutesDocumentTests.MeetingIdAsync(host);
        var coordinator = host.GraphQL("coordinator");

        var down = (
            await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting, forReview = true } })
        ).EnsureNoErrors();
        Assert.Equal((0, 18), (down.Int("sendMinutes.report.sent"), down.Int("sendMinutes.report.failed")));
        Assert.All(
            down.At("sendMinutes.report.recipients")!.AsArray(),
            r => Assert.Contains("could not be used", r!["error"]!.GetValue<string>(), StringComparison.Ordinal)
        );
        var again = (
            await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting, forReview = true } })
        ).EnsureNoErrors();
        Assert.All(
            again.At("sendMinutes.report.recipients")!.AsArray(),
            r => Assert.Equal(2, r!["attempts"]!.GetValue<int>())
        );
    }

    [Fact]
    public async Task A_sending_cut_off_by_the_timeout_records_every_recipient_as_failed_and_is_retried_in_full()
    {
        await using var smtp = new SmtpTestServer { Stall = new() };
        var clocked = new ClockFactory();
        // Ten minutes of the host's clock: the retry below never meets the timeout, however slow the machine.
        await using var host = Configured(clocked, smtp).With("GraphQL:Limits:ExecutionTimeout", "00:10:00");
        var meeting = await MinutesDocumentTests.MeetingIdAsync(host);
        var coordinator = host.GraphQL("coordinator");

        // The server holds the first message; then the host's clock passes the timeout (no waiting on time).
        var sending = coordinator.QueryAsync(Send, new { input = new { meetingId = meeting, forReview = true } });
        await smtp.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(60));
        clocked.Clock.Advance(TimeSpan.FromMinutes(10));
        var cut = await sending;
        Assert.Equal(["TIMEOUT"], cut.ErrorCodes);
        smtp.Stall.TrySetCanceled(); // the held message is dropped, as a server does when its client has gone
        smtp.Stall = null;
        var log = (
            await coordinator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Meeting { minutesMailings { status error } } } }",
                new { id = meeting }
            )
        )
            .EnsureNoErrors()
            .At("node.minutesMailings")!
            .AsArray();
        Assert.Equal(18, log.Count);
        Assert.All(log, m => Assert.Equal("FAILED", m!["status"]!.GetValue<string>()));
        Assert.All(log, m => Assert.Contains("interrupted", m!["error"]!.GetValue<string>(), StringComparison.Ordinal));

        var retried = (
            await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting, forReview = true } })
        ).EnsureNoErrors();
        Assert.Equal((18, 0), (retried.Int("sendMinutes.report.sent"), retried.Int("sendMinutes.report.failed")));
        Assert.Equal(18, smtp.Messages.Count);
    }

    /// <summary>
    /// A list a coordinator set, naming an organisation and two people: the organisation is reached through the people
    /// affiliated with it today (Emma; Alice once, though also named), not through a former affiliate (Bruno); one
    /// without an address (Chloé) is reported, not mailed.
    /// </summary>
    [Fact]
    public async Task An_organisation_on_a_set_list_reaches_the_people_affiliated_with_it_today()
    {
        await using var smtp = new SmtpTestServer();
        await using var host = Configured(new InterAssociatifFactory(), smtp);
        await MinutesDocumentTests.PublishAsync(host);
        var meeting = await MinutesDocumentTests.MeetingIdAsync(host);
        var coordinator = host.GraphQL("coordinator");
        async Task<string> Made(string mutation, string type, object input, string path) =>
            (await coordinator.MutateAsync(mutation, type, input, path.Split('.')[0] + " { id }"))
                .EnsureNoErrors()
                .String($"{mutation}.{path}")!;
        var organization = await Made(
            "createOrganization",
            "CreateOrganizationInput",
            new { name = "Atelier de la diffusion", kind = "ASSOCIATION" },
            "organization.id");
        async Task<string> PersonAsync(string givenName, string? email, bool affiliated, string? endsOn = null)
        {
            var person = await Made(
                "createPerson", "CreatePersonInput", new { givenName, familyName = "Diffusion", email }, "person.id");
            if (affiliated)
            {
                var affiliation = new
                {
                    personId = person,
                    organizationId = organization,
                    role = "STAFF",
                    startsOn = "2016-01-01",
                    endsOn,
                };
                await Made("addAffiliation", "AddAffiliationInput", affiliation, "affiliation.id");
            }

            return person;
        }

        var alice = await PersonAsync("Alice", "alice.diffusion@example.org", affiliated: true);
        await PersonAsync("Bruno", "bruno.diffusion@example.org", affiliated: true, endsOn: "2019-01-01");
        await PersonAsync("Chloé", null, affiliated: true);
        var daniel = await PersonAsync("Daniel", "daniel.diffusion@example.org", affiliated: false);
        await PersonAsync("Emma", "emma.diffusion@example.org", affiliated: true);
        await Made(
            "setDistributionList",
            "SetDistributionListInput",
            new
            {
                meetingId = meeting,
                organizationIds = new[] { organization },
                personIds = new[] { alice, daniel },
            },
            "meeting.id");

        var sent = (await coordinator.QueryAsync(Send, new { input = new { meetingId = meeting } })).EnsureNoErrors();
        Assert.Empty(sent.At("sendMinutes.errors")!.AsArray());
        Assert.Equal(
            ["alice.diffusion@example.org", "daniel.diffusion@example.org", "emma.diffusion@example.org"],
            smtp.Messages.Select(m => Assert.Single(m.To.Mailboxes).Address).Order());
        Assert.Equal(
            ["Chloé Diffusion"],
            sent.At("sendMinutes.report.withoutAddress")!.AsArray().Select(n => n!.GetValue<string>()));
    }

    /// <summary>The host with a clock the test moves by hand (the execution timeout runs on it).</summary>
    private sealed class ClockFactory : InterAssociatifFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(Clock);
    }

    private static InterAssociatifFactory Configured(InterAssociatifFactory host, SmtpTestServer smtp) =>
        host.With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Smtp:From", "Mission Politique de la Ville <mission@example.org>")
            .With("Smtp:Security", "None");
}
