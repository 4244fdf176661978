using InterAssociatif.Directory.Memberships;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.Persistence;

namespace InterAssociatif.Directory.Tests.Rules;

/// <summary>
/// The Directory's rules as plain code: no database, no HTTP. Every membership mutation checks one
/// of these lifecycle rules; every organisation mutation the field rules.
/// </summary>
public sealed class MembershipRulesTests
{
    private static readonly DateOnly Applied = new(2017, 1, 10);
    private static readonly DateOnly Admitted = new(2017, 3, 1);
    private static readonly DateOnly Withdrawn = new(2018, 6, 30);

    /// <summary>The states an organisation's latest membership record can be in.</summary>
    public enum State
    {
        Never,
        Candidate,
        Member,
        Withdrawn,
    }

    private static Membership? Latest(State state) => state switch
    {
        State.Never => null,
        State.Candidate => new Membership { AppliedOn = Applied },
        State.Member => new Membership { AppliedOn = Applied, AdmittedOn = Admitted },
        _ => new Membership { AppliedOn = Applied, AdmittedOn = Admitted, WithdrawnOn = Withdrawn },
    };

    [Theory]
    [InlineData(State.Never, "2017-01-01", null)]
    [InlineData(State.Candidate, "2019-01-01", "CONFLICT organizationId")]
    [InlineData(State.Member, "2019-01-01", "CONFLICT organizationId")]
    [InlineData(State.Withdrawn, "2018-06-30", "VALIDATION appliedOn")]
    [InlineData(State.Withdrawn, "2018-07-01", null)]
    public void Applying(State state, string day, string? expected) =>
        Assert.Equal(expected, Describe(MembershipRules.CanApply(Latest(state), DateOnly.Parse(day))));

    [Theory]
    [InlineData(State.Never, "2017-03-01", "CONFLICT organizationId")]
    [InlineData(State.Candidate, "2017-01-09", "VALIDATION admittedOn")]
    [InlineData(State.Candidate, "2017-01-10", null)]
    [InlineData(State.Member, "2017-04-01", "CONFLICT organizationId")]
    [InlineData(State.Withdrawn, "2019-01-01", "CONFLICT organizationId")]
    public void Admitting(State state, string day, string? expected) =>
        Assert.Equal(
            expected, Describe(MembershipRules.OnlyAnApplicantCanBeAdmitted(Latest(state), DateOnly.Parse(day))));

    [Theory]
    [InlineData(State.Never, "2018-01-01", "CONFLICT organizationId")]
    [InlineData(State.Candidate, "2017-01-09", "VALIDATION withdrawnOn")]
    [InlineData(State.Candidate, "2017-01-10", null)]
    [InlineData(State.Member, "2017-02-28", "VALIDATION withdrawnOn")]
    [InlineData(State.Member, "2017-03-01", null)]
    [InlineData(State.Withdrawn, "2019-01-01", "CONFLICT organizationId")]
    public void Withdrawing(State state, string day, string? expected) =>
        Assert.Equal(expected, Describe(MembershipRules.CanWithdraw(Latest(state), DateOnly.Parse(day))));

    [Fact]
    public void The_latest_record_on_file_by_a_day_decides_the_status()
    {
        var first = new Membership { AppliedOn = Applied, AdmittedOn = Admitted, WithdrawnOn = Withdrawn };
        var second = new Membership { AppliedOn = new DateOnly(2019, 9, 1) };
        Membership[] history = [second, first];
        Assert.Equal(MembershipStatus.None, MembershipRules.StatusOn(history, Applied.AddDays(-1)));
        Assert.Equal(MembershipStatus.Candidate, MembershipRules.StatusOn(history, Applied));
        Assert.Equal(MembershipStatus.Member, MembershipRules.StatusOn(history, Admitted));
        Assert.Equal(MembershipStatus.Withdrawn, MembershipRules.StatusOn(history, Withdrawn.AddDays(1)));
        Assert.Equal(MembershipStatus.Candidate, MembershipRules.StatusOn(history, second.AppliedOn));
        Assert.Same(second, MembershipRules.Latest(history));
    }

    [Theory]
    [InlineData("https://example.org", null)]
    [InlineData("http://example.org/a?b=c", null)]
    [InlineData("ftp://example.org", "VALIDATION website")]
    [InlineData("example.org", "VALIDATION website")]
    [InlineData("javascript:alert(1)", "VALIDATION website")]
    public void A_website_is_an_absolute_http_address(string value, string? expected)
    {
        var errors = new ErrorList();
        OrganizationRules.Website(errors, "website", value);
        Assert.Equal(expected, Describe(errors.Items.SingleOrDefault()));
    }

    [Fact]
    public void Neighbourhoods_are_bounded_named_and_kept_once_whatever_their_accents()
    {
        var errors = new ErrorList();
        Assert.Equal(
            ["Quartier Nord", "Les Écoles"],
            OrganizationRules.Neighbourhoods(
                errors, "neighbourhoods", ["Quartier Nord", "quartier nord", "Les Écoles", "les ecoles"]));
        Assert.False(errors.Any);

        OrganizationRules.Neighbourhoods(errors, "neighbourhoods", ["A", " "]);
        Assert.Equal(["VALIDATION neighbourhoods[1]"], errors.Items.Select(Describe));

        var tooMany = new ErrorList();
        OrganizationRules.Neighbourhoods(
            tooMany,
            "neighbourhoods",
            Enumerable.Range(0, OrganizationRules.MaxNeighbourhoods + 1).Select(i => $"Q{i}").ToList());
        Assert.Equal(["VALIDATION neighbourhoods"], tooMany.Items.Select(Describe));
    }

    [Theory]
    [InlineData(null, 3, null)]
    [InlineData(3, 3, null)]
    [InlineData(2, 3, "CONFLICT version")]
    public void A_stale_version_is_a_conflict(int? expected, int actual, string? error)
    {
        var errors = new ErrorList();
        errors.VersionMatches(expected, actual);
        Assert.Equal(error, Describe(errors.Items.SingleOrDefault()));
    }

    private static string? Describe(UserError? error) => error is null ? null : $"{error.Code} {error.Field}";
}
