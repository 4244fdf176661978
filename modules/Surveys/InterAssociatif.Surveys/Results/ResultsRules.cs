namespace InterAssociatif.Surveys.Results;

/// <summary>Why a caller does not get the results they asked for.</summary>
internal enum ResultsRefusal
{
    None,

    /// <summary>The results are not published and the caller is not a coordinator.</summary>
    NotPublished,

    /// <summary>The caller asked for another instant than the one their figures are given at.</summary>
    OtherInstant,
}

/// <summary>The instant a caller's figures are computed at, or why they are refused.</summary>
internal readonly record struct ResultsReading(DateTimeOffset AsOf, ResultsRefusal Refusal);

/// <summary>
/// Who reads a survey's results, and as of which instant (ADR 0011). Coordinators read them at any instant, before
/// publication too. Everyone else reads them once published, and as of the survey's close only: one set of figures
/// per survey, and a fixed one (a published survey's responses no longer change), so that two readings can never be
/// subtracted to give away what the few respondents between two instants answered.
/// </summary>
internal static class ResultsRules
{
    public static ResultsReading Reading(bool coordinator, Survey survey, DateTimeOffset? asOf, DateTimeOffset now)
    {
        if (coordinator)
        {
            return new(asOf ?? now, ResultsRefusal.None);
        }

        var close = SurveyRules.ClosesAt(survey);
        var refusal = survey.Status != SurveyStatus.ResultsPublished ? ResultsRefusal.NotPublished
            : asOf is { } instant && instant != close ? ResultsRefusal.OtherInstant
            : ResultsRefusal.None;
        return new(close, refusal);
    }

    public static string Explain(ResultsReading reading) => reading.Refusal switch
    {
        ResultsRefusal.NotPublished =>
            "Access denied: these results are not published; until then only coordinators read them.",
        ResultsRefusal.OtherInstant => "`asOf`: published results are given as of the survey's close, "
            + $"{reading.AsOf.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, and at no other instant (two readings could be "
            + "subtracted); omit `asOf` or give that instant. Coordinators choose any instant.",
        _ => "",
    };
}
