using InterAssociatif.Kernel.Errors;

namespace InterAssociatif.Governance.Tests.Rules;

/// <summary>The decision register's rules as plain code: no database, no HTTP.</summary>
public sealed class DecisionRulesTests
{
    private static readonly DateOnly DecidedOn = new(2017, 9, 18);

    public static TheoryData<string, string> EveryDecisionChange()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<DecisionStatus>())
        {
            foreach (var to in Enum.GetNames<DecisionStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    /// <summary>
    /// Every status × every requested status: adopted → amended (again) → revoked; never back to adopted; a revoked
    /// decision is final.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryDecisionChange))]
    public void A_decision_is_amended_or_revoked_and_a_revoked_one_changes_no_more(string fromName, string toName)
    {
        var (from, to) = (Enum.Parse<DecisionStatus>(fromName), Enum.Parse<DecisionStatus>(toName));
        var errors = new ErrorList();
        DecisionRules.StatusChangeIsAllowed(
            errors, new Decision { Status = from, DecidedOn = DecidedOn }, to, DecidedOn);
        var allowed = to != DecisionStatus.Adopted && from != DecisionStatus.Revoked;
        Assert.Equal(!allowed, errors.Any);
        Assert.All(errors.Items, e => Assert.Equal(("CONFLICT", "status"), (e.Code, e.Field)));
    }

    [Fact]
    public void A_change_does_not_precede_the_decision()
    {
        var errors = new ErrorList();
        DecisionRules.StatusChangeIsAllowed(
            errors,
            new Decision { Status = DecisionStatus.Adopted, DecidedOn = DecidedOn },
            DecisionStatus.Amended,
            DecidedOn.AddDays(-1));
        Assert.Equal(("VALIDATION", "on"), (errors.Items.Single().Code, errors.Items.Single().Field));
    }

    public static TheoryData<string, string> EveryFollowUpChange()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<FollowUpStatus>())
        {
            foreach (var to in Enum.GetNames<FollowUpStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFollowUpChange))]
    public void A_follow_up_is_done_or_cancelled_once(string fromName, string toName)
    {
        var (from, to) = (Enum.Parse<FollowUpStatus>(fromName), Enum.Parse<FollowUpStatus>(toName));
        var errors = new ErrorList();
        DecisionRules.FollowUpStatusChangeIsAllowed(errors, new FollowUp { Status = from }, to);
        Assert.Equal(!(from == FollowUpStatus.Open && to != FollowUpStatus.Open), errors.Any);
    }

    [Theory]
    [InlineData("2017-09-17", "Day", true)]
    [InlineData("2017-09-18", "Day", false)]
    [InlineData("2017-09-01", "Month", false)]
    [InlineData("2017-08-31", "Month", true)]
    [InlineData("2017-09-17", null, true)]
    public void A_follow_up_is_not_due_before_the_decision_a_month_counting_to_its_last_day(
        string dueOn, string? precision, bool refused)
    {
        var errors = new ErrorList();
        DecisionRules.FollowUpIsNotDueBeforeTheDecision(
            errors,
            "followUps[0].dueOn",
            DateOnly.Parse(dueOn),
            precision is null ? null : Enum.Parse<DuePrecision>(precision),
            DecidedOn);
        Assert.Equal(refused, errors.Any);
        Assert.All(errors.Items, e => Assert.Equal("followUps[0].dueOn", e.Field));
    }
}
