namespace InterAssociatif.Surveys.Responses;

[Description("The answer to one question: fill the field that fits its kind.")]
internal sealed record SurveyAnswerInput(
    [Description("The question."), References(SurveysTypeNames.Question)] Guid QuestionId,
    [Description("SINGLE_CHOICE, YES_NO (one) or MULTIPLE_CHOICE (up to its maximum).")]
    [References(SurveysTypeNames.QuestionOption)]
    IReadOnlyList<Guid> OptionIds,
    [Description("RANKING: options in order of priority, each at most once.")]
    [References(SurveysTypeNames.QuestionOption)]
    IReadOnlyList<Guid> Ranking,
    [Description("PRIORITY_MATRIX: the primary options."), References(SurveysTypeNames.QuestionOption)]
    IReadOnlyList<Guid> PrimaryOptionIds,
    [Description("PRIORITY_MATRIX: the secondary options."), References(SurveysTypeNames.QuestionOption)]
    IReadOnlyList<Guid> SecondaryOptionIds,
    [Description("FREE_TEXT: the answer."), Text(Answer.TextMaxLength, NotEmpty = true)] string? Text,
    [Description("What « other » means, when the « other » option is chosen."), Text(Answer.TextMaxLength)]
    string? OtherText);

[Description("An organisation's response: saved as a draft, or submitted.")]
internal sealed record RespondToSurveyInput(
    [Description("The survey."), References(SurveysTypeNames.Survey)] Guid SurveyId,
    [Description("The responding organisation; a member's own by default.")]
    [References(DirectoryTypeNames.Organization)]
    Guid? OrganizationId,
    [Description("The answers."), Required] IReadOnlyList<SurveyAnswerInput> Answers,
    [Description("Submit it (counted from now on); default false: a draft.")] bool? Submit,
    [Description(
        "Coordinators entering a paper response: when it was received (a response received after the close is flagged "
        + "late).")]
    DateTimeOffset? ReceivedAt) : IAnswersInput;

[Description("Replaces a response's answers; members until the close.")]
internal sealed record UpdateSurveyResponseInput(
    [Description("The response."), References(SurveysTypeNames.SurveyResponse)] Guid Id,
    [Description("The `version` you read.")] int? Version,
    [Description("All its answers."), Required] IReadOnlyList<SurveyAnswerInput> Answers,
    [Description("Submit it; default false keeps a draft.")] bool? Submit,
    [Description("Coordinators: when a paper response was received.")] DateTimeOffset? ReceivedAt) : IAnswersInput;

/// <summary>What a new response and a response's replacement both give: the answers, submitted or not.</summary>
internal interface IAnswersInput
{
    IReadOnlyList<SurveyAnswerInput> Answers { get; }

    bool? Submit { get; }

    DateTimeOffset? ReceivedAt { get; }
}
