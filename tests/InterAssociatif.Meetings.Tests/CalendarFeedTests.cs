namespace InterAssociatif.Meetings.Tests;

/// <summary>The iCalendar feed, read back with an RFC 5545 parser.</summary>
public sealed class CalendarFeedTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task The_feed_parses_as_icalendar_with_one_event_per_meeting()
    {
        var coordinator = factory.GraphQL("coordinator");
        var start = new DateTimeOffset(2030, 1, 15, 17, 30, 0, TimeSpan.Zero);
        var id = await coordinator.ScheduleAsync(
            "Réunion « calendrier » à Bellevue", start, TimeSpan.FromMinutes(90), neighbourhood: "Bellevue");

        using var response = await factory.CreateClient().GetAsync("/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var total = (await factory.GraphQL().QueryAsync("{ meetings { totalCount } }"))
            .EnsureNoErrors()
            .Int("meetings.totalCount");
        Assert.Equal(total, calendar.Events.Count);
        Assert.Contains(calendar.Events, e => e.Summary == "Inter-associatif : poursuite de la réflexion");
        var added = calendar.Events.Single(e => e.Summary == "Réunion « calendrier » à Bellevue");
        Assert.Equal(start.UtcDateTime, added.DtStart!.AsUtc);
        Assert.Equal(start.AddMinutes(90).UtcDateTime, added.DtEnd!.AsUtc);
        Assert.Contains("Bellevue", added.Location);
        Assert.True(Kernel.Relay.GlobalId.TryDecode(id, out _, out var raw));
        Assert.Equal($"{raw:N}@interassociatif", added.Uid);
    }

    [Fact]
    public async Task An_organizations_feed_holds_the_meetings_it_convenes_or_is_invited_to()
    {
        var coordinator = factory.GraphQL("coordinator");
        var uhp = await coordinator.IdOfAsync("organizations", "uhp");
        var ccas = await coordinator.IdOfAsync("organizations", "ccas");
        await coordinator.ScheduleAsync(
            "Réunion du CCAS", new DateTimeOffset(2030, 2, 1, 9, 0, 0, TimeSpan.Zero), organizerId: ccas);

        var forUhp = Ical.Net.Calendar.Load(await factory.CreateClient().GetStringAsync($"/calendar/{uhp}.ics"))!;
        Assert.Equal(["Inter-associatif : poursuite de la réflexion"], forUhp.Events.Select(e => e.Summary));
        var forCcas = Ical.Net.Calendar.Load(await factory.CreateClient().GetStringAsync($"/calendar/{ccas}.ics"))!;
        Assert.Equal(["Réunion du CCAS"], forCcas.Events.Select(e => e.Summary));

        using var unknown = await factory.CreateClient().GetAsync("/calendar/not-an-id.ics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
