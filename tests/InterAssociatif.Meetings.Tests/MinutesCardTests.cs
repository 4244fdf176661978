namespace InterAssociatif.Meetings.Tests;

/// <summary>
/// A page that shows the minutes' status and the numbers of their revisions reads no text: the minutes, their
/// revisions and the current one are read as cards unless the selection asks for <c>draftText</c> or <c>text</c>,
/// and the card fields read the same either way.
/// </summary>
public sealed class MinutesCardTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Card = "status writtenOn version author { id } current { number note publishedAt } "
        + "revisions { number note publishedAt } downloads { markdown }";

    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_card_fields_of_the_minutes_read_the_same_without_reading_their_texts(bool published)
    {
        var held = new DateTimeOffset(2021, 3, 1, 14, 0, 0, TimeSpan.Zero);
        var meeting = await Coordinator.ScheduleAsync($"Compte rendu long ({published})", held);
        var text = string.Concat(Enumerable.Repeat("Relevé de décisions. ", 3_000)).TrimEnd();
        var changes = new List<(string Mutation, string Input, object Values)>
        {
            ("draftMinutes", "DraftMinutesInput", new { meetingId = meeting, writtenOn = "2021-03-15", text }),
        };
        if (published)
        {
            changes.Add(("publishMinutes", "PublishMinutesInput", new { meetingId = meeting }));
            var correction = new { meetingId = meeting, text = text + "Fin.", note = "Une fin" };
            changes.Add(("correctMinutes", "CorrectMinutesInput", correction));
        }

        foreach (var (mutation, input, values) in changes)
        {
            var changed = await Coordinator.MutateAsync(mutation, input, values, "minutes { status }");
            Assert.Equal("", changed.ErrorsOf(mutation));
        }

        var (asCard, cardSql) = await MinutesAsync(meeting, Card);
        var (whole, wholeSql) =
            await MinutesAsync(meeting, Card.Replace("note", "note text", StringComparison.Ordinal) + " draftText");

        Assert.Equal(text.Length, whole["draftText"]!.GetValue<string>().Length);
        Assert.Equal(published, whole["current"] is not null);
        whole.Remove("draftText");
        (whole["current"] as JsonObject)?.Remove("text");
        Assert.Equal(published ? 2 : 0, whole["revisions"]!.AsArray().Count);
        foreach (var revision in whole["revisions"]!.AsArray())
        {
            revision!.AsObject().Remove("text");
        }

        Assert.True(
            JsonNode.DeepEquals(asCard, whole), $"as a card {asCard.ToJsonString()}, whole {whole.ToJsonString()}");
        Assert.DoesNotContain(
            cardSql,
            sql => sql.Contains("\"DraftText\"", StringComparison.Ordinal)
                || sql.Contains(".\"Text\"", StringComparison.Ordinal));
        Assert.Contains(wholeSql, sql => sql.Contains("\"DraftText\"", StringComparison.Ordinal));
        Assert.Contains(wholeSql, sql => sql.Contains(".\"Text\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_minutes_and_their_text_in_force_are_read_in_one_command_unless_the_text_is_shown()
    {
        var meeting = await Coordinator.ScheduleAsync("Compte rendu en une commande", DateTimeOffset.UnixEpoch);
        foreach (var (mutation, input, values) in new (string, string, object)[]
        {
            ("draftMinutes", "DraftMinutesInput", new { meetingId = meeting, writtenOn = "1970-01-02", text = "v1" }),
            ("publishMinutes", "PublishMinutesInput", new { meetingId = meeting }),
            ("correctMinutes", "CorrectMinutesInput", new { meetingId = meeting, text = "v2", note = "2" }),
            ("correctMinutes", "CorrectMinutesInput", new { meetingId = meeting, text = "v3", note = "3" }),
        })
        {
            var changed = await Coordinator.MutateAsync(mutation, input, values, "minutes { status }");
            Assert.Equal("", changed.ErrorsOf(mutation));
        }

        // The meeting, then the minutes with the latest revision's card; showing its text reads it on its own.
        var (card, cardSql) = await MinutesAsync(meeting, "status current { number note }");
        var (whole, wholeSql) = await MinutesAsync(meeting, "status current { number note text }");
        var (current, text) = (card["current"]!, whole["current"]!["text"]!.GetValue<string>());
        Assert.Equal((3, "3", "v3"), (current["number"]!.GetValue<int>(), current["note"]!.GetValue<string>(), text));
        Assert.Equal((2, 3), (cardSql.Count, wholeSql.Count));
    }

    private async Task<(JsonObject Minutes, IReadOnlyList<string> Sql)> MinutesAsync(string meeting, string selection)
    {
        factory.SqlCommands.Reset();
        var query = $"query($id: ID!) {{ meeting(id: $id) {{ minutes {{ {selection} }} }} }}";
        var result = (await Coordinator.QueryAsync(query, new { id = meeting })).EnsureNoErrors();
        return (result.At("meeting.minutes")!.DeepClone().AsObject(), factory.SqlCommands.Recent);
    }
}
