using InterAssociatif.Kernel.Errors;
using InterAssociatif.Meetings.Agenda;

namespace InterAssociatif.Meetings.Tests.Rules;

/// <summary>The Meetings module's rules as plain code: no database, no HTTP.</summary>
public sealed class MeetingAndAgendaRulesTests
{
    private static readonly DateTimeOffset Start = new(2017, 9, 18, 18, 0, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData(-60, "VALIDATION endsAt")]
    [InlineData(0, "VALIDATION endsAt")]
    [InlineData(1, null)]
    [InlineData(7 * 24 * 60, null)]
    [InlineData(7 * 24 * 60 + 1, "VALIDATION endsAt")]
    public void A_meeting_ends_after_it_starts_and_lasts_at_most_a_week(int minutes, string? expected)
    {
        var errors = new ErrorList();
        MeetingRules.EndsAfterItStarts(errors, Start, Start.AddMinutes(minutes));
        Assert.Equal(expected, Describe(errors));
    }

    public static TheoryData<string, string, bool> StatusChanges()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var from in Enum.GetNames<MeetingStatus>())
        {
            foreach (var to in Enum.GetNames<MeetingStatus>())
            {
                data.Add(from, to, false);
                data.Add(from, to, true);
            }
        }

        return data;
    }

    /// <summary>
    /// Every status × every requested status × started or not: held only once started; a held meeting is never
    /// cancelled.
    /// </summary>
    [Theory]
    [MemberData(nameof(StatusChanges))]
    public void A_meeting_is_held_once_started_and_a_held_meeting_is_not_cancelled(
        string fromName, string toName, bool started)
    {
        var (from, to) = (Enum.Parse<MeetingStatus>(fromName), Enum.Parse<MeetingStatus>(toName));
        var meeting = new Meeting { StartsAt = Start, EndsAt = Start.AddHours(2), Status = from };
        var errors = new ErrorList();
        MeetingRules.StatusChangeIsAllowed(errors, meeting, to, started ? Start.AddMinutes(1) : Start.AddMinutes(-1));

        var refused = (to == MeetingStatus.Held && !started)
            || (to == MeetingStatus.Cancelled && from == MeetingStatus.Held);
        Assert.Equal(refused, errors.Any);
        Assert.All(errors.Items, e => Assert.Equal(("CONFLICT", "status"), (e.Code, e.Field)));
    }

    [Theory]
    [InlineData(null, 4, 4, null)]
    [InlineData(1, 4, 1, null)]
    [InlineData(4, 4, 4, null)]
    [InlineData(0, 4, 4, "VALIDATION position")]
    [InlineData(5, 4, 4, "VALIDATION position")]
    public void An_agenda_position_lies_between_one_and_the_last(
        int? requested, int last, int position, string? expected)
    {
        var errors = new ErrorList();
        Assert.Equal(position, AgendaRules.Position(errors, requested, last));
        Assert.Equal(expected, Describe(errors));
    }

    [Fact]
    public void Agenda_items_are_numbered_by_their_place_in_the_tree()
    {
        var one = new AgendaItem { Id = Guid.NewGuid(), Position = 1 };
        var two = new AgendaItem { Id = Guid.NewGuid(), Position = 2 };
        var twoA = new AgendaItem { Id = Guid.NewGuid(), ParentId = two.Id, Position = 1 };
        var twoB = new AgendaItem { Id = Guid.NewGuid(), ParentId = two.Id, Position = 2 };
        var twoBi = new AgendaItem { Id = Guid.NewGuid(), ParentId = twoB.Id, Position = 1 };
        AgendaItem[] items = [one, two, twoA, twoB, twoBi];

        Assert.Equal(["1.", "2.", "2.1.", "2.2.", "2.2.1."], items.Select(i => AgendaRules.Number(items, i)));
        Assert.Equal([0, 0, 1, 1, 2], items.Select(i => AgendaRules.Depth(items, i)));
        Assert.Equal([1, 3, 1, 2, 1], items.Select(i => AgendaRules.Height(items, i)));
        Assert.True(AgendaRules.IsSelfOrDescendant(items, two, twoBi));
        Assert.True(AgendaRules.IsSelfOrDescendant(items, two, two));
        Assert.False(AgendaRules.IsSelfOrDescendant(items, twoB, twoA));

        var siblings = new List<AgendaItem> { twoB, twoA };
        AgendaRules.Renumber(siblings);
        Assert.Equal((1, 2), (twoB.Position, twoA.Position));
    }

    private static string? Describe(ErrorList errors) =>
        errors.Items.SingleOrDefault() is { } e ? $"{e.Code} {e.Field}" : null;
}
