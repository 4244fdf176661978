namespace InterAssociatif.Surveys.Responses;

[Description("Whether a response is a draft or submitted.")]
internal enum SurveyResponseStatus
{
    [Description("Saved, not yet submitted: not counted.")]
    Draft,

    [Description("Submitted: counted from its submission instant.")]
    Submitted,
}

[Description("A level of a priority matrix.")]
internal enum PriorityLevel
{
    [Description("A primary choice.")]
    Primary = 1,

    [Description("A secondary choice.")]
    Secondary = 2,
}

/// <summary>An organisation's response to a survey: one per organisation and survey.</summary>
internal sealed class Response : IHasId, IVersioned
{
    public Guid Id { get; set; }

    public Guid SurveyId { get; set; }

    public Guid OrganizationId { get; set; }

    public SurveyResponseStatus Status { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Submitted after the close (entered by a coordinator).</summary>
    public bool Late { get; set; }

    /// <summary>Who entered it: "member" (online) or "coordinator" (e.g. a paper questionnaire).</summary>
    [MaxLength(20)] public string EnteredBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<Answer> Answers { get; set; } = [];

    public List<ResponseAttribute> Attributes { get; set; } = [];
}

/// <summary>
/// One chosen option (with its rank or level, and the text of an "other"), or a free text. One row
/// per response, question and option, so counting rows counts respondents.
/// </summary>
internal sealed class Answer
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid ResponseId { get; set; }

    /// <summary>The response's survey, copied so that aggregates read one index.</summary>
    public Guid SurveyId { get; set; }

    /// <summary>
    /// The response's submission instant (null while a draft), copied for the same reason; answers are rewritten
    /// whenever their response is.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public Guid QuestionId { get; set; }

    public Guid? OptionId { get; set; }

    public int? Rank { get; set; }

    public PriorityLevel? Level { get; set; }

    [MaxLength(TextMaxLength)] public string? Text { get; set; }
}

/// <summary>
/// The responding organisation as it was at submission (kind, a theme, a neighbourhood), for cross-tabulations in SQL.
/// </summary>
internal sealed class ResponseAttribute
{
    public Guid ResponseId { get; set; }

    [MaxLength(30)] public string Name { get; set; } = "";

    [MaxLength(200)] public string Value { get; set; } = "";
}
