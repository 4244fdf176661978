using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InterAssociatif.Governance.MinutesDocuments;
using InterAssociatif.Kernel.Authorization;
using Snapshooter.Xunit;

namespace InterAssociatif.Governance.Tests.MinutesDocuments;

/// <summary>
/// The compte rendu of 18 September 2017 (a draft in the demo data) as a coordinator downloads it, read back with
/// the libraries a reader's tools use: Open XML for the DOCX, an HTML5 parser for the page.
/// </summary>
public sealed partial class MinutesDocumentTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    /// <summary>The 13 associations present on 18 September 2017, as the source lists them.</summary>
    private static readonly string[] AssociationsPresent =
    [
        "ADIE",
        "APIB44",
        "CSC Château REZE",
        "ECOPOLE",
        "ENTREPRENDRE POUR APPRENDRE",
        "ENTREPRISES DANS LA CITE",
        "LES BADAUDS ASSOCIES",
        "NOUVELLES VOIES",
        "OCEAN",
        "PAQ'LA LUNE",
        "PULSART",
        "REGART'S",
        "TRAJET",
    ];

    [Fact]
    public async Task The_docx_holds_in_order_the_header_the_participants_the_excused_and_the_two_column_record()
    {
        var (lines, rows) = ReadDocx(await DownloadAsync(factory, "coordinator", "docx"));

        Assert.Equal("Nantes, le vendredi 22 septembre 2017", lines[0]);
        Assert.Equal("Projet de compte rendu", lines[1]);
        var order = new[]
        {
            "Objet de la réunion :",
            "Date de la réunion :",
            "Pièces jointes :",
            "Participants :",
            "Absents ou excusés :",
            "Diffusion :",
        }
            .Select(label => lines.IndexOf(label))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal("18 septembre 2017", lines[order[1] + 1]);
        Assert.Equal(["Présentation de la séance", "Résultats du questionnaire"], lines[(order[2] + 1)..order[3]]);

        var participants = lines[(order[3] + 1)..order[4]];
        Assert.Equal(AssociationsPresent, participants.Take(13).Select(l => l.Split(" : ")[0]));
        // 14 people, two for APIB44
        Assert.Equal(14, participants.Take(13).Sum(l => l.Split(" : ")[1].Split(" ; ").Length));
        Assert.Equal(
            [
                "Nantes Métropole : Aurélie KERJÉAN, Mission Politique de la Ville",
                "Préfecture de la Loire-Atlantique : Laure MÉHEUSTEL, Bureau Politique de la Ville",
            ],
            participants.Skip(13)
        );

        var absent = lines[(order[4] + 1)..order[5]];
        Assert.Equal(14, absent.Count(l => !l.Contains(" : ", StringComparison.Ordinal)));
        Assert.Contains("MOZAÏK RH", absent);
        Assert.Equal(
            "Nantes Métropole : Marc LE BIHANIC, Mission Politique de la Ville ; "
                + "Vincent DURASSIER, Mission dialogue citoyen",
            absent[^1]
        );
        Assert.Equal("Participants et excusés", lines[order[5] + 1]);

        Assert.Equal(
            (MinutesFormats.DecisionColumn, MinutesFormats.FollowUpColumn), (rows[0].Left[0], rows[0].Right[0]));
        Assert.All(rows, r => Assert.NotNull(r.Right));
        var news = rows.Single(r => r.Left[0].StartsWith("1. Actualités", StringComparison.Ordinal));
        Assert.Contains(
            news.Left,
            l =>
                l.Contains("130,3 M€", StringComparison.Ordinal)
                && l.Contains("régulation budgétaire", StringComparison.Ordinal)
        );
        Assert.Contains(news.Left, l => l.Contains("320 000", StringComparison.Ordinal));
        Assert.Equal(
            3,
            news.Right.Count(l =>
                l.StartsWith(
                    "Demande (vers Nantes Métropole, Préfecture de la Loire-Atlantique)", StringComparison.Ordinal)
            )
        );
        Assert.Contains(rows, r => r.Left[0] == "2.1. Rappel des étapes");

        // Every follow-up of 18 Sept 2017 faces its decision's agenda item, with its owner and its due date at
        // its precision.
        var proposal = rows.Single(r => r.Left[0].StartsWith("4. Une proposition concrète", StringComparison.Ordinal));
        Assert.Equal(3, proposal.Left.Count(l => l.StartsWith("Décision : ", StringComparison.Ordinal)));
        Assert.Equal(
            [
                "Mission Politique de la Ville, courant octobre 2017",
                "Mission Politique de la Ville, courant novembre 2017",
                "Mission Politique de la Ville, 14 décembre 2017",
            ],
            proposal.Right.Select(l => l.Split(" — ")[^1])
        );
        Assert.Equal("Les étapes", lines[lines.IndexOf("Les étapes")]);
        Assert.Contains("• 3 octobre 2017 : Rentrée politique de la ville", lines);
        Assert.Contains("• du 2 mars au 28 avril 2017 : Appel à candidatures", lines);
    }

    [Fact]
    public async Task The_html_page_parses_and_holds_what_the_docx_holds()
    {
        var (lines, rows) = ReadDocx(await DownloadAsync(factory, "coordinator", "docx"));
        var page = await new HtmlParser().ParseDocumentAsync(
            System.Text.Encoding.UTF8.GetString(await DownloadAsync(factory, "coordinator", "html"))
        );

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Empty(page.QuerySelectorAll("script, link, img, iframe"));
        Assert.Equal(lines[0], page.QuerySelector(".place")!.TextContent);
        Assert.Equal(lines[1], page.QuerySelector("h1")!.TextContent);
        var sections = page.QuerySelectorAll("section")
            .Select(s =>
                (
                    Label: s.QuerySelector("h2")!.TextContent,
                    Lines: s.QuerySelectorAll("li").Select(li => li.TextContent).ToList()
                )
            )
            .ToList();
        foreach (var (label, items) in sections)
        {
            var at = lines.IndexOf($"{label} :");
            Assert.Equal(lines.Skip(at + 1).Take(items.Count), items);
        }

        var htmlRows = page.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").ToList()).ToList();
        Assert.Equal(rows.Count - 1, htmlRows.Count);
        Assert.Equal(
            rows.Skip(1).Select(r => r.Left[0]), htmlRows.Select(cells => cells[0].QuerySelector("h3")!.TextContent));
        Assert.Equal(
            rows.Skip(1).Select(r => r.Right.Where(l => l.Length > 0)),
            htmlRows.Select(cells => cells[1].QuerySelectorAll("li").Select(li => li.TextContent))
        );
        Assert.Equal(["TH", "TH"], page.QuerySelectorAll("thead th").Select(th => th.TagName));
        Assert.Equal(
            [MinutesFormats.DecisionColumn, MinutesFormats.FollowUpColumn],
            page.QuerySelectorAll("thead th").Select(th => th.TextContent)
        );
        // the notes' Markdown, rendered
        Assert.Contains(page.QuerySelectorAll("td strong"), s => s.TextContent == "régulation budgétaire");
    }

    [Fact]
    public async Task The_markdown_of_the_draft_is_the_reviewed_snapshot() =>
        Snapshot.Match(System.Text.Encoding.UTF8.GetString(await DownloadAsync(factory, "coordinator", "md")));

    [Fact]
    public async Task A_partner_reads_organisations_without_names_and_no_one_finds_an_email_or_a_phone_in_any_format()
    {
        await using var published = new InterAssociatifFactory();
        await PublishAsync(published);
        var people = (
            await published
                .GraphQL("coordinator")
                .QueryAsync("{ people(first: 100) { nodes { givenName familyName email phone } } }")
        )
            .EnsureNoErrors()
            .At("people.nodes")!
            .AsArray();
        Assert.True(people.Count >= 18);

        foreach (var format in MinutesDocumentEndpoints.Formats.Keys)
        {
            var partner = Text(format, await DownloadAsync(published, "partner", format));
            Assert.Contains("Nantes Métropole : Mission Politique de la Ville", partner, StringComparison.Ordinal);
            Assert.Contains("ADIE", partner, StringComparison.Ordinal);
            foreach (var person in people)
            {
                Assert.DoesNotContain(
                    person!["familyName"]!.GetValue<string>().ToUpperInvariant(), partner, StringComparison.Ordinal);
                Assert.DoesNotContain(person["familyName"]!.GetValue<string>(), partner, StringComparison.Ordinal);
            }

            foreach (var role in Roles.All)
            {
                var text = Text(format, await DownloadAsync(published, role, format));
                Assert.DoesNotMatch(EmailOrPhone(), text);
                Assert.All(
                    people.Where(p => p!["email"] is not null),
                    p =>
                        Assert.DoesNotContain(p!["email"]!.GetValue<string>(), text, StringComparison.OrdinalIgnoreCase)
                );
            }
        }
    }

    /// <summary>
    /// Every role × every format × draft or published, plus the revision parameter and conditional requests.
    /// </summary>
    [Fact]
    public async Task The_downloads_follow_the_minutes_rights_for_every_role_and_format()
    {
        await using var host = new InterAssociatifFactory();
        var meeting = await MeetingIdAsync(host);
        // Every role the Kernel knows, and no one: a new role adds its cases here by itself.
        string?[] roles = [null, .. Roles.All];
        foreach (var published in new[] { false, true })
        {
            if (published)
            {
                await PublishAsync(host);
            }

            foreach (var format in MinutesDocumentEndpoints.Formats.Keys)
            {
                foreach (var role in roles)
                {
                    var response = await GetAsync(host, role, $"/meetings/{meeting}/minutes.{format}");
                    var expected =
                        role is null ? HttpStatusCode.Unauthorized
                        : !GovernanceRoles.Readers.Contains(role) ? HttpStatusCode.Forbidden
                        : published || role == Roles.Coordinator ? HttpStatusCode.OK
                        : HttpStatusCode.NotFound;
                    Assert.True(
                        expected == response.StatusCode,
                        $"{role ?? "anonymous"} {format} published={published}: {response.StatusCode}"
                    );
                    if (expected == HttpStatusCode.OK)
                    {
                        var name = response.Content.Headers.ContentDisposition!.FileNameStar!;
                        Assert.StartsWith(
                            published
                                ? "Compte-rendu-r1_2017-09-18_inter-associatif"
                                : "Projet-de-compte-rendu_2017-09-18_inter-associatif",
                            name,
                            StringComparison.Ordinal
                        );
                        Assert.EndsWith($".{format}", name, StringComparison.Ordinal);
                        var again = await GetAsync(
                            host, role, $"/meetings/{meeting}/minutes.{format}", response.Headers.ETag);
                        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
                    }
                }
            }
        }

        Assert.Equal(
            HttpStatusCode.OK,
            (await GetAsync(host, "member", $"/meetings/{meeting}/minutes.md?revision=1")).StatusCode
        );
        var unknown = InterAssociatif.Kernel.Relay.GlobalId.Encode("Meeting", Guid.CreateVersion7());
        (string Path, HttpStatusCode Status, string Field)[] refused =
        [
            ($"/meetings/{meeting}/minutes.md?revision=2", HttpStatusCode.NotFound, "revision"),
            ($"/meetings/{meeting}/minutes.md?revision=zéro", HttpStatusCode.BadRequest, "revision"),
            ($"/meetings/{meeting}/minutes.md?revision=0", HttpStatusCode.BadRequest, "revision"),
            ($"/meetings/{meeting}/minutes.pdf", HttpStatusCode.NotFound, "format"),
            ($"/meetings/{unknown}/minutes.md", HttpStatusCode.NotFound, "meetingId"),
            ("/meetings/not-an-id/minutes.md", HttpStatusCode.NotFound, "meetingId"),
        ];
        foreach (var (path, status, field) in refused)
        {
            await AssertProblemAsync(await GetAsync(host, "member", path), status, field);
        }

        var downloads = (
            await host.GraphQL("member")
                .QueryAsync(
                    "query($id: ID!) { node(id: $id) { ... on Meeting { "
                        + "minutes { downloads { docx html markdown } } } } }",
                    new { id = meeting }
                )
        ).EnsureNoErrors();
        Assert.Equal($"/meetings/{meeting}/minutes.md", downloads.String("node.minutes.downloads.markdown"));
        Assert.Equal(
            HttpStatusCode.OK,
            (await GetAsync(host, "analyst", downloads.String("node.minutes.downloads.docx")!)).StatusCode
        );

        // Each download of this meeting is in the audit trail, refused or not: the matrix (formats x callers, twice),
        // the conditional requests of the 200s, and the 6 single requests that name the meeting.
        var trail = (
            await host.GraphQL("coordinator")
                .QueryAsync(
                    "query($id: ID!) { auditTrail(first: 100, filter: { objectId: $id }) { "
                        + "nodes { operation succeeded } } }",
                    new { id = meeting }
                )
        )
            .EnsureNoErrors()
            .At("auditTrail.nodes")!
            .AsArray()
            .Where(e => e!["operation"]!.GetValue<string>() == "downloadMinutes")
            .ToList();
        var formats = MinutesDocumentEndpoints.Formats.Count;
        var served = formats * (1 + Roles.All.Count(GovernanceRoles.Readers.Contains)); // 200s: draft, then published
        Assert.Equal((2 * formats * roles.Length) + served + 6, trail.Count);
        Assert.Equal((2 * served) + 2, trail.Count(e => e!["succeeded"]!.GetValue<bool>()));
    }

    internal static async Task<string> MeetingIdAsync(InterAssociatifFactory host) =>
        (
            await host.GraphQL("coordinator")
                .QueryAsync(
                    """{ meetings(filter: { from: "2017-09-18T00:00:00Z", to: "2017-09-19T00:00:00Z" }) """
                        + "{ nodes { id } } }"
                )
        )
            .EnsureNoErrors()
            .String("meetings.nodes[0].id")!;

    internal static async Task PublishAsync(InterAssociatifFactory host)
    {
        var result = await host.GraphQL("coordinator")
            .QueryAsync(
                "mutation($input: PublishMinutesInput!) { publishMinutes(input: $input) { errors { message } } }",
                new { input = new { meetingId = await MeetingIdAsync(host) } }
            );
        Assert.Empty(result.EnsureNoErrors().At("publishMinutes.errors")!.AsArray());
    }

    private static async Task<HttpResponseMessage> GetAsync(
        InterAssociatifFactory host, string? role, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token(role));
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await host.CreateClient().SendAsync(request);
    }

    private static async Task<byte[]> DownloadAsync(InterAssociatifFactory host, string role, string format)
    {
        var response = await GetAsync(host, role, $"/meetings/{await MeetingIdAsync(host)}/minutes.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(field, body["errors"]![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    /// <summary>The text of a download as a reader sees it.</summary>
    private static string Text(string format, byte[] content)
    {
        if (format == "docx")
        {
            var (lines, rows) = ReadDocx(content);
            return string.Join('\n', lines.Concat(rows.SelectMany(r => r.Left.Concat(r.Right))));
        }

        var text = System.Text.Encoding.UTF8.GetString(content);
        return format == "html" ? new HtmlParser().ParseDocument(text).Body!.TextContent : text;
    }

    /// <summary>
    /// The heading, every section and every agenda item of the record are Word's named styles (Title, heading 1,
    /// heading 2 with outline levels), defined in the document, without direct bold or size over them: Word's
    /// navigation pane lists the sections and items, and restyling one heading restyles them all.
    /// </summary>
    [Fact]
    public async Task The_docx_headings_are_named_word_styles_with_outline_levels()
    {
        using var stream = new MemoryStream(await DownloadAsync(factory, "coordinator", "docx"));
        using var document = WordprocessingDocument.Open(stream, false);
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
            .Select(error => $"{error.Path?.XPath}: {error.Description}")
            .ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var part = document.MainDocumentPart!.StyleDefinitionsPart;
        Assert.True(part?.Styles is not null, "the document defines no styles");
        var styles = part.Styles.Elements<Style>().ToDictionary(style => style.StyleId!.Value!);
        int? Outline(string id) => styles[id].StyleParagraphProperties?.OutlineLevel?.Val?.Value;
        Assert.Equal([null, 0, 1], new[] { Outline("Title"), Outline("Heading1"), Outline("Heading2") });
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);

        var body = document.MainDocumentPart.Document!.Body!;
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var outside = body.Elements<Paragraph>().ToList();
        Assert.Equal("Title", Style(outside[1]));
        var sections = outside.Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(
            [
                "Objet de la réunion :", "Date de la réunion :", "Pièces jointes :", "Participants :",
                "Absents ou excusés :", "Diffusion :", "Les étapes",
            ],
            sections);
        var rows = body.Elements<Table>().Single().Elements<TableRow>().Skip(1).ToList();
        Assert.NotEmpty(rows);
        var itemTitles = rows.Select(row => row.Elements<TableCell>().First().Elements<Paragraph>().First());
        Assert.All(itemTitles, title => Assert.Equal("Heading2", Style(title)));

        var styled = body.Descendants<Paragraph>().Where(p => Style(p) is not null).ToList();
        Assert.All(
            styled.SelectMany(p => p.Elements<Run>()),
            run => Assert.True(run.RunProperties?.Bold is null && run.RunProperties?.FontSize is null, run.InnerText));
    }

    /// <summary>The paragraphs outside the table, and each table row as (left paragraphs, right paragraphs).</summary>
    internal static (List<string> Lines, List<(List<string> Left, List<string> Right)> Rows) ReadDocx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var lines = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var table = Assert.Single(body.Elements<Table>());
        var rows = table
            .Elements<TableRow>()
            .Select(row =>
                row.Elements<TableCell>()
                    .Select(c => c.Elements<Paragraph>().Select(p => p.InnerText).ToList())
                    .ToList()
            )
            .ToList();
        Assert.All(rows, cells => Assert.Equal(2, cells.Count));
        return (lines, rows.Select(cells => (cells[0], cells[1])).ToList());
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|\b0[1-9](?:[ .]?\d{2}){4}\b")]
    private static partial Regex EmailOrPhone();
}
