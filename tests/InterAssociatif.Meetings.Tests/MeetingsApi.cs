namespace InterAssociatif.Meetings.Tests;

/// <summary>Meetings operations the tests repeat, through GraphQL as a coordinator.</summary>
internal static class MeetingsApi
{
    public static async Task<string> ScheduleAsync(
        this GraphQLTestClient client,
        string title,
        DateTimeOffset startsAt,
        TimeSpan? duration = null,
        string? organizerId = null,
        string? neighbourhood = null)
    {
        var result = (await client.QueryAsync(
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } errors { code "
            + "field message } } }",
            new
            {
                input = new
                {
                    title,
                    startsAt,
                    endsAt = startsAt + (duration ?? TimeSpan.FromHours(2)),
                    organizerId,
                    place = new { name = "Salle test", neighbourhood }
                }
            }))
                .EnsureNoErrors();
        Assert.Empty(result.PayloadErrors("scheduleMeeting"));
        return result.String("scheduleMeeting.meeting.id")!;
    }

    public static async Task<string> IdOfAsync(this GraphQLTestClient client, string rootField, string search)
    {
        var query = rootField == "people"
            ? "query($s: String) { people(first: 1, filter: { search: $s }) { nodes { id } } }"
            : "query($s: String) { organizations(first: 1, filter: { search: $s, includeArchived: true }) { nodes { id } } }";
        var result = (await client.QueryAsync(query, new { s = search })).EnsureNoErrors();
        return result.String($"{rootField}.nodes[0].id")
            ?? throw new InvalidOperationException($"No {rootField} matches {search}");
    }

    public static List<string> Strings(this JsonNode? array, string property) =>
        array!.AsArray().Select(n => n![property]!.GetValue<string>()).ToList();
}
