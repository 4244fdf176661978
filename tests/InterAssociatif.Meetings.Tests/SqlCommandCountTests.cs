namespace InterAssociatif.Meetings.Tests;

/// <summary>No N+1 across modules: meetings, their attendance, the Directory's people and organisations.</summary>
public sealed class SqlCommandCountTests(SqlCommandCountTests.EmptyFactory factory)
    : IClassFixture<SqlCommandCountTests.EmptyFactory>
{
    private const string Query = "query($n: Int!) { meetings(first: $n) { nodes { title organizer { name } attendance "
        + "{ status person { familyName } organization { name } } attendanceSummary { organizationsNotRepresented { "
        + "name } } } } }";

    [Fact]
    public async Task Fifty_meetings_with_attendance_people_and_organizations_cost_the_same_as_five()
    {
        var coordinator = factory.GraphQL("coordinator");
        var organization = await coordinator.CreateOrganizationForCountAsync();
        for (var i = 0; i < 50; i++)
        {
            var meeting = await coordinator.ScheduleAsync(
                $"Réunion {i}",
                new DateTimeOffset(2020, 1, 1, 8, 0, 0, TimeSpan.Zero).AddDays(i),
                organizerId: organization.OrganizationId);
            var person = (await coordinator.MutateAsync(
                "createPerson",
                "CreatePersonInput",
                new { givenName = $"Prénom{i}", familyName = $"Nom{i}" },
                "person { id }"))
                .String("createPerson.person.id");
            await coordinator.MutateAsync(
                "inviteToMeeting",
                "InviteToMeetingInput",
                new
                {
                    meetingId = meeting,
                    organizationIds = new[] { organization.OrganizationId, organization.OtherId }
                },
                "meeting { id }");
            var recorded = await coordinator.MutateAsync(
                "recordAttendance",
                "RecordAttendanceInput",
                new
                {
                    meetingId = meeting,
                    personId = person,
                    organizationId = organization.OrganizationId,
                    status = "PRESENT"
                },
                "attendance { id }");
            Assert.Equal("", recorded.ErrorsOf("recordAttendance"));
        }

        async Task<long> Count(int n)
        {
            factory.SqlCommands.Reset();
            var result = (await coordinator.QueryAsync(Query, new { n })).EnsureNoErrors();
            Assert.Equal(n, result.At("meetings.nodes")!.AsArray().Count);
            Assert.Equal("Nom0", result.String("meetings.nodes[0].attendance[0].person.familyName"));
            return factory.SqlCommands.Count;
        }

        var five = await Count(5);
        var fifty = await Count(50);
        Assert.Equal(five, fifty);
        Assert.Equal(5, five); // exact: a command more is a decision, made here
    }

    public sealed class EmptyFactory : InterAssociatifFactory
    {
        public EmptyFactory() => With("Database:SeedDemoData", "false");
    }
}

internal static class CountData
{
    public static async Task<(string OrganizationId, string OtherId)> CreateOrganizationForCountAsync(
        this GraphQLTestClient client)
    {
        var first = await client.MutateAsync(
            "createOrganization",
            "CreateOrganizationInput",
            new { kind = "ASSOCIATION", name = "Association comptée" },
            "organization { id }");
        var second = await client.MutateAsync(
            "createOrganization",
            "CreateOrganizationInput",
            new { kind = "ASSOCIATION", name = "Association absente" },
            "organization { id }");
        return (first.String("createOrganization.organization.id")!, second.String(
            "createOrganization.organization.id")!);
    }
}
