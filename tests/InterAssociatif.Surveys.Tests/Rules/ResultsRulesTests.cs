namespace InterAssociatif.Surveys.Tests.Rules;

/// <summary>Who reads a survey's results as of which instant (<see cref="ResultsRules"/>); no database.</summary>
public sealed class ResultsRulesTests
{
    private static readonly Gen<DateTimeOffset> Instant =
        Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks]
            .Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    /// <summary>A survey in any status, its close, and an instant asked: none, the close, a tick off it, any.</summary>
    private static readonly Gen<(Survey Survey, DateTimeOffset Close, DateTimeOffset? AsOf)> Asked =
        Gen.Select(Gen.Enum<SurveyStatus>(), Gen.Int[0, 3_000_000]).SelectMany(p =>
        {
            var survey = new Survey { Status = p.Item1, OpensOn = DateOnly.FromDayNumber(p.Item2) };
            survey.ClosesOn = survey.OpensOn.AddDays(30);
            var close = SurveyRules.ClosesAt(survey);
            return Gen.OneOf(
                    Gen.Const((DateTimeOffset?)null),
                    Gen.Int[-1, 1].Select(t => (DateTimeOffset?)close.AddTicks(t)),
                    Instant.Select(i => (DateTimeOffset?)i))
                .Select(asOf => (survey, close, asOf));
        });

    /// <summary>
    /// Any status × any instant asked × any present instant × coordinator or not: a coordinator gets what they asked
    /// (now by default); anyone else is refused until the results are published, then gets the close whatever and
    /// whenever they ask, or a refusal naming the close: never two different instants.
    /// </summary>
    [Fact]
    public void Everyone_but_coordinators_reads_published_results_as_of_the_close_and_at_no_other_instant()
    {
        Gen.Select(Asked, Instant, Gen.Bool).Sample((asked, now, coordinator) =>
        {
            var (survey, close, asOf) = asked;
            var reading = ResultsRules.Reading(coordinator, survey, asOf, now);
            var refusal = survey.Status != SurveyStatus.ResultsPublished ? ResultsRefusal.NotPublished
                : asOf is null || asOf == close ? ResultsRefusal.None
                : ResultsRefusal.OtherInstant;
            var expected = coordinator ? new(asOf ?? now, ResultsRefusal.None) : new ResultsReading(close, refusal);
            return reading == expected;
        });
    }

    [Fact]
    public void A_refusal_explains_itself_and_names_the_close()
    {
        var survey = new Survey { Status = SurveyStatus.ResultsPublished, ClosesOn = new DateOnly(2017, 9, 8) };
        var meeting = new DateTimeOffset(2017, 9, 18, 10, 0, 0, TimeSpan.Zero);
        var reading = ResultsRules.Reading(false, survey, meeting, meeting);
        Assert.Equal(ResultsRefusal.OtherInstant, reading.Refusal);
        var explained = ResultsRules.Explain(reading);
        Assert.StartsWith("`asOf`: published results are given as of the survey's close, 2017-09-08T22:00:00Z,",
            explained);
        survey.Status = SurveyStatus.Closed;
        Assert.StartsWith("Access denied", ResultsRules.Explain(ResultsRules.Reading(false, survey, null, meeting)));
    }
}
