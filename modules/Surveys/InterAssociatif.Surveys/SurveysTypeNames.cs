namespace InterAssociatif.Surveys;

/// <summary>The GraphQL names of the module's node types: ids encode them, other code refers to them by these constants.</summary>
internal static class SurveysTypeNames
{
    public const string Survey = "Survey";
    public const string Question = "Question";
    public const string QuestionOption = "QuestionOption";
    public const string SurveyResponse = "SurveyResponse";
}
