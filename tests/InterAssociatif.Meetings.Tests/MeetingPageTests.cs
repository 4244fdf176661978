using Snapshooter.Xunit;

namespace InterAssociatif.Meetings.Tests;

/// <summary>The meeting of 18 September 2017 on the demo data, rendered by the example page query.</summary>
public sealed class MeetingPageTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private async Task<GraphQLResult> PageAsync(string role)
    {
        var id = (await factory.GraphQL()
            .QueryAsync(
                """
                    { meetings(filter: { from: "2017-09-18T00:00:00Z", to: "2017-09-19T00:00:00Z" }) { nodes { id } } }
                    """))
            .EnsureNoErrors()
            .String("meetings.nodes[0].id");
        var query = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "operations", "MeetingPage.graphql"));
        return (await factory.GraphQL(role).QueryAsync(query, new { id })).EnsureNoErrors();
    }

    [Fact]
    public async Task One_query_renders_the_meeting_page_of_18_september_2017_as_the_source_lists_it()
    {
        var page = await PageAsync("member");
        Assert.Equal("Inter-associatif : poursuite de la réflexion", page.String("meeting.title"));
        Assert.StartsWith("2017-09-18", page.String("meeting.startsAt"));
        Assert.Equal("Mission Politique de la Ville", page.String("meeting.organizer.name"));
        Assert.Equal("HELD", page.String("meeting.status"));

        // 13 associations present with 14 people (two for APIB44), plus Nantes Métropole and the préfecture.
        var groups = page.At("meeting.participantsByOrganization")!.AsArray();
        var associations = new[]
        {
            "ADIE",
            "APIB44",
            "ECOPOLE",
            "CSC Château REZE",
            "ENTREPRENDRE POUR APPRENDRE",
            "ENTREPRISES DANS LA CITE",
            "LES BADAUDS ASSOCIES",
            "NOUVELLES VOIES",
            "OCEAN",
            "PAQ'LA LUNE",
            "PULSART",
            "REGART'S",
            "TRAJET"
        };
        var byOrganization = groups.ToDictionary(
            g => g!["organization"]!["name"]!.GetValue<string>(), g => g!["attendees"]!.AsArray().Count);
        Assert.Equal(
            associations.Concat(["Mission Politique de la Ville", "Bureau Politique de la Ville"])
                .Order(StringComparer.Ordinal),
            byOrganization.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, byOrganization["APIB44"]);
        Assert.Equal(14, associations.Sum(a => byOrganization[a]));
        Assert.Equal(16, page.Int("meeting.attendanceSummary.peoplePresent"));

        // Absent or excused: 14 associations, and two people of Nantes Métropole.
        Assert.Equal(2, page.Int("meeting.attendanceSummary.peopleExcused"));
        Assert.Equal(
            new[] { "Mission Politique de la Ville", "Mission dialogue citoyen" }.Order(StringComparer.Ordinal),
            page.At("meeting.excused")!
                .AsArray()
                .Select(e => e!["organization"]!["name"]!.GetValue<string>())
                .Order(StringComparer.Ordinal));
        var notRepresented = page.At("meeting.attendanceSummary.organizationsNotRepresented").Strings("name");
        Assert.Equal(14, notRepresented.Count(n => n != "Mission dialogue citoyen"));
        Assert.Contains("MOZAÏK RH", notRepresented);

        Assert.Equal(["1.", "2.", "3.", "4.", "5."], page.At("meeting.agenda").Strings("number"));
        Assert.Contains("20 réponses sur 27", page.String("meeting.agenda[1].items[1].notes"));
        Assert.Equal(
            ["Présentation de la séance", "Résultats du questionnaire"],
            page.At("meeting.attachments").Strings("title"));
        Assert.Null(page.At("meeting.minutes")); // a draft: coordinators only
    }

    [Fact]
    public async Task A_coordinator_sees_the_draft_minutes_of_22_september()
    {
        var page = await PageAsync("coordinator");
        Assert.Equal(
            ("DRAFT", "2017-09-22"), (page.String("meeting.minutes.status"), page.String("meeting.minutes.writtenOn")));
        Assert.Null(page.At("meeting.minutes.current"));
    }

    [Fact]
    public async Task The_agenda_and_the_announced_steps_match_the_reviewed_snapshot()
    {
        var page = await PageAsync("analyst");
        var reviewed = new System.Text.Json.Nodes.JsonObject
        {
            ["agenda"] = page.At("meeting.agenda")!.DeepClone(),
            ["milestones"] = page.At("meeting.milestones")!.DeepClone(),
        };
        Snapshot.Match(
            reviewed.ToJsonString(
                new System.Text.Json.JsonSerializerOptions
                {
                    WriteIndented = true,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
                }));
    }
}
