namespace InterAssociatif.Governance.Tests.MinutesDocuments;

/// <summary>
/// A meeting written by a careless or hostile coordinator: markup and script in its title and notes, a link to
/// <c>javascript:</c>, control characters, a very long note. Every format still renders, and the page runs nothing.
/// The API refuses control characters since 5 December 2026; a database written before holds them, so the test
/// writes them there itself.
/// </summary>
public sealed class MinutesDocumentHostileTests
{
    private const string Title = "<script>alert('titre')</script> Réunion \"spéciale\" & co";

    private static readonly string Notes =
        "<img src=x onerror=alert(1)> <b>gras brut</b> [lien](javascript:alert(2)) **vrai gras** "
        + "![pixel](https://suivi.example.org/p.png) [site](https://example.org/)\n\n"
        + "<script>alert(3)</script>\n\n- point avec un caractère de contrôle\n\n"
        + string.Concat(Enumerable.Repeat("Une phrase longue et répétée. ", 600));

    [Fact]
    public async Task Markup_scripts_control_characters_and_long_notes_render_everywhere_and_the_page_runs_nothing()
    {
        await using var host = new InterAssociatifFactory();
        var coordinator = host.GraphQL("coordinator");
        var meeting = (
            await coordinator.MutateAsync(
                "scheduleMeeting",
                "ScheduleMeetingInput",
                new
                {
                    title = Title,
                    startsAt = "2018-01-15T14:00:00Z",
                    endsAt = "2018-01-15T16:00:00Z",
                },
                "meeting { id }"
            )
        ).String("scheduleMeeting.meeting.id")!;
        var item = await coordinator.MutateAsync(
            "addAgendaItem",
            "AddAgendaItemInput",
            new
            {
                meetingId = meeting,
                title = "<i>Point</i> \u0007 un",
                notes = Notes,
            },
            "agendaItem { id } errors { field }"
        );
        Assert.Equal("input.title", item.String("addAgendaItem.errors[0].field"));
        item = await coordinator.MutateAsync(
            "addAgendaItem",
            "AddAgendaItemInput",
            new
            {
                meetingId = meeting,
                title = "<i>Point</i> un",
                notes = Notes,
            },
            "agendaItem { id }"
        );
        Assert.True(item.String("addAgendaItem.agendaItem.id") is not null, item.Body.ToJsonString());
        var database = Path.Combine(host.DataDirectory, "interassociatif.db");
        await using (var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            await file.OpenAsync();
            await using var update = file.CreateCommand();
            update.CommandText = "UPDATE MeetingsAgendaItems SET Title = '<i>Point</i> ' || char(7) || ' un', "
                + "Notes = replace(Notes, 'point avec', 'point' || char(1) || ' avec') "
                + "WHERE Notes LIKE '%point avec un caractère de contrôle%'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var draft = await coordinator.MutateAsync(
            "draftMinutes",
            "DraftMinutesInput",
            new
            {
                meetingId = meeting,
                writtenOn = "2018-01-16",
                text = "Texte libre",
            },
            "minutes { status }"
        );
        Assert.Equal("DRAFT", draft.String("draftMinutes.minutes.status"));

        var formats = new Dictionary<string, byte[]>();
        foreach (var format in new[] { "docx", "html", "md" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/meetings/{meeting}/minutes.{format}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token("coordinator"));
            var response = await host.CreateClient().SendAsync(request);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{format}: {response.StatusCode}");
            formats[format] = await response.Content.ReadAsByteArrayAsync();
        }

        var (lines, rows) = MinutesDocumentTests.ReadDocx(formats["docx"]);
        Assert.Contains(Title, lines);
        Assert.Contains(rows, r => r.Left.Any(l => l.Contains("vrai gras", StringComparison.Ordinal)));

        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(formats["html"]));
        Assert.Empty(page.QuerySelectorAll("script, img, iframe, object, embed"));
        Assert.All(
            page.QuerySelectorAll("*"),
            e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal))
        );
        Assert.All(
            page.QuerySelectorAll("a"),
            a => Assert.DoesNotContain("javascript:", a.GetAttribute("href") ?? "", StringComparison.OrdinalIgnoreCase)
        );
        Assert.Contains(Title, page.Body!.TextContent, StringComparison.Ordinal); // shown as text
        Assert.Contains(page.QuerySelectorAll("strong"), s => s.TextContent == "vrai gras");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/");

        var markdown = System.Text.Encoding.UTF8.GetString(formats["md"]);
        Assert.Contains(Title, markdown, StringComparison.Ordinal);
    }
}
