namespace InterAssociatif.Governance.Seats;

/// <summary>What a rotation is computed from.</summary>
/// <param name="Members">The current members among whom seats rotate (order does not matter).</param>
/// <param name="Seats">Seats at each session.</param>
/// <param name="Kept">Sessions already held or confirmed, oldest first: they stay as they are and count towards
/// fairness.</param>
/// <param name="Sessions">How many sessions to plan after the kept ones.</param>
/// <param name="OptOuts">For a planned session (0-based among the planned ones), the members who asked not to
/// sit.</param>
internal sealed record RotationProblem(
    IReadOnlyCollection<Guid> Members,
    int Seats,
    IReadOnlyList<IReadOnlyCollection<Guid>> Kept,
    int Sessions,
    IReadOnlyDictionary<int, IReadOnlySet<Guid>> OptOuts);

/// <summary>
/// Plans who sits in the next sessions of a body whose association seats rotate.
/// At each session the seats go, in this order of priority, to the members who did not sit in the
/// previous session, then to those who have sat least often (seats in kept sessions count, so a
/// recomputed plan rebalances), then to those whose last seat is oldest, then by id.
/// Properties (checked over thousands of random inputs in the tests): without opt-outs, seat counts
/// never differ by more than one between members at any point of the plan; nobody sits twice in a row
/// while enough other members are available to fill the seats; a member falls behind another only by
/// the sessions it opted out of; the same input gives the same plan, whatever the members' order.
/// </summary>
internal static class RotationPlanner
{
    public static IReadOnlyList<IReadOnlyList<Guid>> Plan(RotationProblem input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Seats, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(input.Sessions);
        var members = input.Members.Distinct().Order().ToList();
        var memberSet = members.ToHashSet();
        var count = members.ToDictionary(m => m, _ => 0);
        var lastSat = members.ToDictionary(m => m, _ => -1);
        var previous = new HashSet<Guid>();
        var index = 0;
        foreach (var session in input.Kept)
        {
            foreach (var member in session.Where(memberSet.Contains))
            {
                count[member]++;
                lastSat[member] = index;
            }

            previous = [.. session];
            index++;
        }

        var plan = new List<IReadOnlyList<Guid>>(input.Sessions);
        for (var i = 0; i < input.Sessions; i++, index++)
        {
            var optedOut = input.OptOuts.TryGetValue(i, out var o) ? o : new HashSet<Guid>();
            var seated = members
                .Where(m => !optedOut.Contains(m))
                .OrderBy(m => previous.Contains(m) ? 1 : 0)
                .ThenBy(m => count[m])
                .ThenBy(m => lastSat[m])
                .ThenBy(m => m)
                .Take(input.Seats)
                .ToList();
            foreach (var member in seated)
            {
                count[member]++;
                lastSat[member] = index;
            }

            previous = [.. seated];
            plan.Add(seated);
        }

        return plan;
    }
}
