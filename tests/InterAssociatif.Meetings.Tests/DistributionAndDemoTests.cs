using InterAssociatif.Kernel.Modules;

namespace InterAssociatif.Meetings.Tests;

public sealed class DistributionAndDemoTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const string Distribution = "query($id: ID!) { meeting(id: $id) { distributionList { isDefault "
        + "organizations { name } people { displayName } } } }";

    private async Task<string> DemoMeetingAsync() =>
        (await factory.GraphQL().QueryAsync("{ meetings(first: 1) { nodes { id } } }")).EnsureNoErrors().String(
            "meetings.nodes[0].id")!;

    [Fact]
    public async Task By_default_the_minutes_go_to_the_participants_and_the_excused()
    {
        var id = await DemoMeetingAsync();
        var list = (await factory.GraphQL("member").QueryAsync(Distribution, new { id })).EnsureNoErrors();
        Assert.True(list.At("meeting.distributionList.isDefault")!.GetValue<bool>());
        Assert.Equal(18, list.At("meeting.distributionList.people")!.AsArray().Count); // 16 present and 2 excused
        // the 27 candidates and 3 institutions invited
        Assert.Equal(30, list.At("meeting.distributionList.organizations")!.AsArray().Count);
    }

    [Fact]
    public async Task A_set_distribution_list_replaces_the_default_and_an_unknown_recipient_is_refused()
    {
        var coordinator = factory.GraphQL("coordinator");
        var meeting = await coordinator.ScheduleAsync(
            "Réunion à diffusion choisie", new DateTimeOffset(2023, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var person = await coordinator.IdOfAsync("people", "kerjean");
        var refused = await coordinator.MutateAsync(
            "setDistributionList",
            "SetDistributionListInput",
            new
            {
                meetingId = meeting,
                personIds = new[] { person, Kernel.Relay.GlobalId.Encode("Person", Guid.CreateVersion7()) }
            },
            "meeting { id }");
        Assert.Equal("NotFoundError NOT_FOUND input.personIds[1]", refused.ErrorsOf("setDistributionList"));

        await coordinator.MutateAsync(
            "setDistributionList",
            "SetDistributionListInput",
            new { meetingId = meeting, personIds = new[] { person } },
            "meeting { id }");
        var list = (await coordinator.QueryAsync(Distribution, new { id = meeting })).EnsureNoErrors();
        Assert.False(list.At("meeting.distributionList.isDefault")!.GetValue<bool>());
        Assert.Equal(["Aurélie Kerjéan"], list.At("meeting.distributionList.people").Strings("displayName"));
    }

    [Fact]
    public async Task Loading_the_demo_data_twice_changes_no_meeting_data()
    {
        var id = await DemoMeetingAsync();
        const string everything = "query($id: ID!) { meetings { totalCount } meeting(id: $id) { version attendance { "
            + "id version } agenda { id version items { id } } minutes { version } attachments { id sha256 } "
            + "milestones { id version } } }";
        var before = (await factory.GraphQL("coordinator").QueryAsync(everything, new { id }))
            .EnsureNoErrors().Body
            .ToJsonString();
        foreach (var seeder in factory.Services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        var after = (await factory.GraphQL("coordinator").QueryAsync(everything, new { id }))
            .EnsureNoErrors().Body
            .ToJsonString();
        Assert.Equal(before, after);
    }
}
