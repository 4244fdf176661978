namespace InterAssociatif.Meetings.Tests;

/// <summary>The Meetings matrix, field by field and role by role; a forbidden field costs no SQL command.</summary>
public sealed class AuthorizationMatrixTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    public static AuthorizationMatrix Matrix()
    {
        string[] all = AuthorizationMatrix.Everyone;
        string[] participants = ["partner", "member", "analyst", "coordinator"];
        return new AuthorizationMatrix()
            .Row(
                "{ meetings { nodes { title description startsAt endsAt status place { name address neighbourhood } "
                + "organizer { name } } } }",
                all)
            .Row("{ milestones { nodes { title date endDate precision announcedBy { title } } } }", all)
            .Row("{ meetings { nodes { milestones { title } fulfils { title } } } }", all)
            .Row("{ meetings { nodes { attendance { status organization { name } } } } }", participants)
            .Row(
                "{ meetings { nodes { attendanceSummary { peoplePresent organizationsNotRepresented { name } } "
                + "participantsByOrganization { organization { name } } } } }",
                participants)
            .Row("{ meetings { nodes { agenda { number title notes items { title } } } } }", participants)
            .Row("{ meetings { nodes { attachments { title size sha256 downloadUrl } } } }", participants)
            .Row("{ meetings { nodes { distributionList { isDefault organizations { name } } } } }", participants)
            .Row(
                "{ meetings { nodes { minutes { status writtenOn revisions { text } current { text } } } } }",
                participants)
            .Row("{ meetings { nodes { minutes { draftText } } } }", "coordinator")
            .Row("{ meetings { nodes { attendance { person { familyName } } } } }", "member", "analyst", "coordinator")
            .Row(
                """
                    mutation { scheduleMeeting(input: { title: "Matrice", startsAt: "2030-01-01T10:00:00Z", endsAt:
                    "2030-01-01T12:00:00Z" }) { errors { code } } }
                    """,
                "coordinator");
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Each_field_is_read_only_by_the_roles_the_matrix_allows(string query, string role, bool allowed) =>
        AuthorizationMatrix.AssertAsync(factory, query, role, allowed);

    [Fact]
    public async Task Draft_minutes_are_hidden_from_everyone_but_coordinators()
    {
        foreach (var role in new[] { "partner", "member", "analyst" })
        {
            var result = (await factory.GraphQL(role).QueryAsync("{ meetings { nodes { minutes { status } } } }"))
                .EnsureNoErrors();
            Assert.Null(result.At("meetings.nodes[0].minutes"));
        }

        var coordinator = (await factory.GraphQL("coordinator")
            .QueryAsync("{ meetings { nodes { minutes { status draftText } } } }"))
            .EnsureNoErrors();
        Assert.Equal("DRAFT", coordinator.String("meetings.nodes[0].minutes.status"));
        Assert.Contains("Projet de compte rendu", coordinator.String("meetings.nodes[0].minutes.draftText"));
    }

    [Fact]
    public async Task Node_resolves_a_meeting_for_anyone_and_an_attendance_only_for_participants()
    {
        var attendance = (await factory.GraphQL("coordinator")
            .QueryAsync("{ meetings { nodes { id attendance { id } } } }"))
            .EnsureNoErrors();
        var meetingId = attendance.String("meetings.nodes[0].id");
        var attendanceId = attendance.String("meetings.nodes[0].attendance[0].id");

        var meeting = (await factory.GraphQL()
            .QueryAsync("query($id: ID!) { node(id: $id) { ... on Meeting { title } } }", new { id = meetingId }))
            .EnsureNoErrors();
        Assert.Equal("Inter-associatif : poursuite de la réflexion", meeting.String("node.title"));
        var denied = await factory.GraphQL()
            .QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = attendanceId });
        Assert.Equal(["ACCESS_DENIED"], denied.ErrorCodes);
        var partner = (await factory.GraphQL("partner")
            .QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Attendance { status } } }", new { id = attendanceId }))
            .EnsureNoErrors();
        Assert.Equal("PRESENT", partner.String("node.status"));
    }
}
