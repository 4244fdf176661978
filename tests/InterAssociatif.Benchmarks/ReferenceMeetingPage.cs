namespace InterAssociatif.Benchmarks;

/// <summary>
/// <c>schema/operations/MeetingPage.graphql</c> as a coordinator reads it, by hand: one connection, one
/// command per part of the page (meeting, attendance, invitations, agenda, attachments, minutes, milestones),
/// joined to the directory's tables directly (a reference may cross the module boundary the host keeps).
/// </summary>
internal static class ReferenceMeetingPage
{
    public static async Task WriteAsync(SqliteConnection connection, Utf8JsonWriter json, string globalId)
    {
        var id = MeetingId(globalId);
        var meeting = (
            await ReferenceServer.Rows(
                connection,
                "SELECT m.Title, m.StartsAt, m.EndsAt, m.Status, m.PlaceName, m.PlaceAddress, m.PlaceNeighbourhood,"
                    + " o.Name FROM MeetingsMeetings m LEFT JOIN DirectoryOrganizations o ON o.Id = m.OrganizerId"
                    + " WHERE m.Id = $id",
                r =>
                    (
                        Title: r.GetString(0),
                        StartsAt: r.GetInt64(1),
                        EndsAt: r.GetInt64(2),
                        Status: r.GetString(3),
                        Place: new[] { Text(r, 4), Text(r, 5), Text(r, 6) },
                        Organizer: Text(r, 7)
                    ),
                ("$id", id)
            )
        ).Single();
        var attendance = await ReferenceServer.Rows(
            connection,
            "SELECT a.OrganizationId, a.Status, p.GivenName || ' ' || p.FamilyName, p.Title, o.Name"
                + " FROM MeetingsAttendance a JOIN DirectoryPeople p ON p.Id = a.PersonId"
                + " JOIN DirectoryOrganizations o ON o.Id = a.OrganizationId"
                + " WHERE a.MeetingId = $id ORDER BY a.RecordedAt, a.Id",
            r =>
                (
                    Organization: r.GetString(0),
                    Status: r.GetString(1),
                    Person: r.GetString(2),
                    Title: Text(r, 3),
                    Name: r.GetString(4)
                ),
            ("$id", id)
        );
        var invited = await ReferenceServer.Rows(
            connection,
            "SELECT i.OrganizationId, o.Name FROM MeetingsInvitations i"
                + " JOIN DirectoryOrganizations o ON o.Id = i.OrganizationId"
                + " WHERE i.MeetingId = $id ORDER BY i.Id",
            r => (Organization: r.GetString(0), Name: r.GetString(1)),
            ("$id", id)
        );
        var agenda = await ReferenceServer.Rows(
            connection,
            "SELECT Id, ParentId, Position, Title, Notes FROM MeetingsAgendaItems WHERE MeetingId = $id"
                + " ORDER BY Position, Id",
            r =>
                (
                    Id: r.GetString(0),
                    Parent: Text(r, 1),
                    Position: r.GetInt32(2),
                    Title: r.GetString(3),
                    Notes: Text(r, 4)
                ),
            ("$id", id)
        );
        var attachments = await ReferenceServer.Rows(
            connection,
            "SELECT Id, Title, MediaType, Size, Sha256 FROM MeetingsAttachments WHERE MeetingId = $id"
                + " ORDER BY CreatedAt, Id",
            r =>
                (
                    Id: r.GetGuid(0),
                    Title: r.GetString(1),
                    MediaType: r.GetString(2),
                    Size: r.GetInt64(3),
                    Sha256: r.GetString(4)
                ),
            ("$id", id)
        );
        var minutes = await ReferenceServer.Rows(
            connection,
            "SELECT m.Status, m.WrittenOn, r.Number, r.PublishedAt FROM MeetingsMinutes m"
                + " LEFT JOIN MeetingsMinutesRevisions r ON r.MinutesId = m.Id"
                + " AND r.Number = (SELECT MAX(Number) FROM MeetingsMinutesRevisions WHERE MinutesId = m.Id)"
                + " WHERE m.MeetingId = $id",
            r =>
                (
                    Status: r.GetString(0),
                    WrittenOn: r.GetString(1),
                    Number: r.IsDBNull(2) ? (int?)null : r.GetInt32(2),
                    PublishedAt: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)
                ),
            ("$id", id)
        );
        var milestones = await ReferenceServer.Rows(
            connection,
            "SELECT Title, Date, EndDate, Precision FROM MeetingsMilestones WHERE MeetingId = $id ORDER BY Date, Id",
            r => (Title: r.GetString(0), Date: r.GetString(1), EndDate: Text(r, 2), Precision: r.GetString(3)),
            ("$id", id)
        );

        json.WriteStartObject("meeting");
        json.WriteString("title", meeting.Title);
        json.WriteString("startsAt", Instant(meeting.StartsAt));
        json.WriteString("endsAt", Instant(meeting.EndsAt));
        json.WriteString("status", Constant(meeting.Status));
        json.WriteStartObject("place");
        json.WriteString("name", meeting.Place[0]);
        json.WriteString("address", meeting.Place[1]);
        json.WriteString("neighbourhood", meeting.Place[2]);
        json.WriteEndObject();
        json.WriteStartObject("organizer");
        json.WriteString("name", meeting.Organizer);
        json.WriteEndObject();

        var present = attendance.Where(a => a.Status == "Present").ToList();
        json.WriteStartArray("participantsByOrganization");
        foreach (var group in present.GroupBy(a => a.Organization))
        {
            json.WriteStartObject();
            Named(json, "organization", group.First().Name);
            json.WriteStartArray("attendees");
            foreach (var attendee in group)
            {
                json.WriteStartObject();
                json.WriteStartObject("person");
                json.WriteString("displayName", attendee.Person);
                json.WriteString("title", attendee.Title);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("excused");
        foreach (var excused in attendance.Where(a => a.Status == "Excused"))
        {
            json.WriteStartObject();
            json.WriteStartObject("person");
            json.WriteString("displayName", excused.Person);
            json.WriteEndObject();
            Named(json, "organization", excused.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("attendanceSummary");
        json.WriteNumber("peoplePresent", present.Count);
        json.WriteNumber("peopleExcused", attendance.Count(a => a.Status == "Excused"));
        json.WriteStartArray("organizationsNotRepresented");
        var represented = present.Select(a => a.Organization).ToHashSet();
        foreach (
            var organization in invited
                .Where(i => !represented.Contains(i.Organization))
                .DistinctBy(i => i.Organization)
        )
        {
            Named(json, null, organization.Name);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("agenda");
        foreach (var item in agenda.Where(a => a.Parent is null))
        {
            json.WriteStartObject();
            json.WriteString("number", $"{item.Position}.");
            json.WriteString("title", item.Title);
            json.WriteString("notes", item.Notes);
            json.WriteStartArray("items");
            foreach (var sub in agenda.Where(a => a.Parent == item.Id))
            {
                json.WriteStartObject();
                json.WriteString("number", $"{item.Position}.{sub.Position}.");
                json.WriteString("title", sub.Title);
                json.WriteString("notes", sub.Notes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("attachments");
        foreach (var attachment in attachments)
        {
            json.WriteStartObject();
            json.WriteString("title", attachment.Title);
            json.WriteString("mediaType", attachment.MediaType);
            json.WriteNumber("size", attachment.Size);
            json.WriteString("sha256", attachment.Sha256);
            json.WriteString("downloadUrl", $"/attachments/{GlobalId("Attachment", attachment.Id)}");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (minutes.FirstOrDefault() is { Status: not null } written)
        {
            json.WriteStartObject("minutes");
            json.WriteString("status", Constant(written.Status));
            json.WriteString("writtenOn", written.WrittenOn);
            if (written.Number is { } number)
            {
                json.WriteStartObject("current");
                json.WriteNumber("number", number);
                json.WriteString("publishedAt", Instant(written.PublishedAt!.Value));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("current");
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("minutes");
        }

        json.WriteStartArray("milestones");
        foreach (var milestone in milestones)
        {
            json.WriteStartObject();
            json.WriteString("title", milestone.Title);
            json.WriteString("date", milestone.Date);
            json.WriteString("endDate", milestone.EndDate);
            json.WriteString("precision", Constant(milestone.Precision));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Named(Utf8JsonWriter json, string? property, string name)
    {
        if (property is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(property);
        }

        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static string? Text(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>Instants are stored as UTC ticks.</summary>
    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>An enum value as stored (<c>Held</c>) as GraphQL names it (<c>HELD</c>).</summary>
    private static string Constant(string stored) =>
        string.Concat(stored.Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{char.ToUpperInvariant(c)}"));

    private static string GlobalId(string type, Guid id) =>
        Convert
            .ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id:N}"))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');

    /// <summary>The meeting's id as stored (uppercase Guid text), from its global id.</summary>
    private static string MeetingId(string globalId)
    {
        var base64 = globalId.Replace('-', '+').Replace('_', '/');
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '=')));
        return Guid.ParseExact(text["Meeting:".Length..], "N").ToString("D").ToUpperInvariant();
    }
}
