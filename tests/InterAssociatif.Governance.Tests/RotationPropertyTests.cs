using InterAssociatif.Governance.Seats;

namespace InterAssociatif.Governance.Tests;

/// <summary>
/// The fairness properties of the seat rotation, checked over random inputs (each seed is a case:
/// a failing seed is reproduced by running the case alone).
/// </summary>
public sealed class RotationPropertyTests
{
    private const int Cases = 1500;

    private sealed record Case(
        int Seed, List<Guid> Members, int Seats, int Sessions, Dictionary<int, IReadOnlySet<Guid>> OptOuts)
    {
        public static Case Random(int seed, bool withOptOuts)
        {
            var random = new Random(seed);
            var members = Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
            {
                var bytes = new byte[16];
                random.NextBytes(bytes);
                return new Guid(bytes);
            }).ToList();
            var sessions = random.Next(1, 30);
            var optOuts = new Dictionary<int, IReadOnlySet<Guid>>();
            for (var i = 0; withOptOuts && i < sessions; i++)
            {
                if (random.Next(3) == 0)
                {
                    optOuts[i] = members.Where(_ => random.Next(5) == 0).ToHashSet();
                }
            }

            return new Case(seed, members, random.Next(1, 10), sessions, optOuts);
        }

        public IReadOnlyList<IReadOnlyList<Guid>> Plan() =>
            RotationPlanner.Plan(new RotationProblem(Members, Seats, [], Sessions, OptOuts));

        public IReadOnlySet<Guid> OptedOut(int session) =>
            OptOuts.TryGetValue(session, out var o) ? o : new HashSet<Guid>();

        public override string ToString() =>
            $"seed {Seed}: {Members.Count} members, {Seats} seats, {Sessions} sessions, {OptOuts.Count} sessions with "
            + $"opt-outs";
    }

    private static IEnumerable<Case> AllCases(bool withOptOuts) =>
        Enumerable.Range(0, Cases).Select(seed => Case.Random(seed, withOptOuts));

    [Fact]
    public void Without_opt_outs_seat_counts_never_differ_by_more_than_one_at_any_point()
    {
        foreach (var c in AllCases(withOptOuts: false))
        {
            var counts = c.Members.ToDictionary(m => m, _ => 0);
            foreach (var session in c.Plan())
            {
                foreach (var member in session)
                {
                    counts[member]++;
                }

                Assert.True(
                    counts.Values.Max() - counts.Values.Min() <= 1, $"{c}: counts {string.Join(",", counts.Values)}");
            }
        }
    }

    [Fact]
    public void Every_session_fills_its_seats_with_distinct_available_members_and_never_an_opted_out_one()
    {
        foreach (var c in AllCases(withOptOuts: true))
        {
            var plan = c.Plan();
            Assert.Equal(c.Sessions, plan.Count);
            for (var i = 0; i < plan.Count; i++)
            {
                var available = c.Members.Count(m => !c.OptedOut(i).Contains(m));
                Assert.Equal(Math.Min(c.Seats, available), plan[i].Count);
                Assert.Equal(plan[i].Count, plan[i].Distinct().Count());
                Assert.All(plan[i], m => Assert.Contains(m, c.Members));
                Assert.DoesNotContain(plan[i], c.OptedOut(i).Contains);
            }
        }
    }

    [Fact]
    public void Nobody_sits_twice_in_a_row_while_enough_other_members_can_fill_the_seats()
    {
        var constrained = 0;
        foreach (var c in AllCases(withOptOuts: false).Concat(AllCases(withOptOuts: true)))
        {
            var plan = c.Plan();
            for (var i = 1; i < plan.Count; i++)
            {
                var others = c.Members.Count(m => !c.OptedOut(i).Contains(m) && !plan[i - 1].Contains(m));
                if (others >= c.Seats)
                {
                    Assert.False(
                        plan[i].Any(plan[i - 1].Contains), $"{c}: session {i} repeats a member of session {i - 1}");
                }
                else
                {
                    constrained++;
                }
            }
        }

        Assert.True(
            constrained > 0, "the random cases should include bodies with fewer than twice as many members as seats");
    }

    [Fact]
    public void A_member_falls_behind_another_only_by_the_sessions_it_opted_out_of()
    {
        foreach (var c in AllCases(withOptOuts: true))
        {
            var counts = c.Members.ToDictionary(m => m, _ => 0);
            var optedOut = c.Members.ToDictionary(m => m, _ => 0);
            var plan = c.Plan();
            for (var i = 0; i < plan.Count; i++)
            {
                foreach (var member in plan[i])
                {
                    counts[member]++;
                }

                foreach (var member in c.OptedOut(i))
                {
                    optedOut[member]++;
                }

                foreach (var a in c.Members)
                {
                    Assert.All(
                        c.Members,
                        b =>
                            Assert.True(
                                counts[a] - counts[b] <= 1 + optedOut[b],
                                $"{c}: after session {i}, {counts[a]} seats against {counts[b]} with {optedOut[b]} "
                                + $"opt-outs"));
                }
            }
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_plan_whatever_the_order_of_the_members()
    {
        foreach (var c in AllCases(withOptOuts: true))
        {
            var shuffled = c with
            {
                Members = c.Members.OrderBy(_ => new Random(c.Seed + 1).Next()).Reverse().ToList()
            };
            var expected = c.Plan();
            Assert.Equal(expected, c.Plan());
            Assert.Equal(expected, shuffled.Plan());
        }
    }

    [Fact]
    public void Recomputing_after_a_withdrawal_keeps_the_confirmed_sessions_and_rebalances_the_rest()
    {
        foreach (var c in AllCases(withOptOuts: false).Where(c => c.Members.Count > 1))
        {
            var random = new Random(c.Seed);
            var plan = c.Plan();
            var confirmed = random.Next(0, c.Sessions);
            var withdrawn = c.Members[random.Next(c.Members.Count)];
            var remaining = c.Members.Where(m => m != withdrawn).ToList();
            var kept = plan.Take(confirmed).Select(s => (IReadOnlyCollection<Guid>)s).ToList();
            var rest = RotationPlanner.Plan(
                new RotationProblem(
                    remaining, c.Seats, kept, c.Sessions - confirmed, new Dictionary<int, IReadOnlySet<Guid>>()));

            Assert.Equal(c.Sessions - confirmed, rest.Count);
            Assert.DoesNotContain(rest, s => s.Contains(withdrawn));
            var counts = remaining.ToDictionary(m => m, _ => 0);
            foreach (var member in kept.Concat(rest).SelectMany(s => s).Where(counts.ContainsKey))
            {
                counts[member]++;
            }

            Assert.True(
                counts.Values.Max() - counts.Values.Min() <= 1,
                $"{c}: withdrawal of one member after {confirmed} confirmed sessions leaves counts "
                + $"{string.Join(",", counts.Values)}");
            var boundary = confirmed > 0 ? plan[confirmed - 1] : [];
            if (rest.Count > 0 && remaining.Count(m => !boundary.Contains(m)) >= c.Seats)
            {
                Assert.False(
                    rest[0].Any(boundary.Contains),
                    $"{c}: the first recomputed session repeats the last confirmed one");
            }
        }
    }
}
