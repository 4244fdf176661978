namespace InterAssociatif.Surveys.Surveys;

/// <summary>Reads of a survey that its services and endpoints share.</summary>
internal static class SurveyReads
{
    /// <summary>
    /// The survey with its questions and their options, each in their order, in two commands that find their rows
    /// through the survey's key: in one command (an include of the questions then of their options) SQLite reads the
    /// questions and options of every survey, as it cannot push the key into a joined subquery.
    /// </summary>
    public static async Task<Survey?> SurveyWithQuestionsAsync(
        this SurveysDbContext db, Guid surveyId, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is not null)
        {
            survey.Questions = await db.Questions.Where(q => q.SurveyId == surveyId)
                .Include(q => q.Options.OrderBy(o => o.Position))
                .OrderBy(q => q.Position)
                .ThenBy(q => q.Id)
                .ToListAsync(cancellationToken);
        }

        return survey;
    }
}
