namespace InterAssociatif.Surveys.Surveys;

[Description("A survey's lifecycle: DRAFT → OPEN → CLOSED → RESULTS_PUBLISHED.")]
internal enum SurveyStatus
{
    [Description("Being written: questions can change; nobody answers yet.")]
    Draft,

    [Description("Open for answers until it closes.")]
    Open,

    [Description("Closed: only coordinators enter (late) answers.")]
    Closed,

    [Description("Closed and its results published: everyone may read them.")]
    ResultsPublished,
}

[Description("What kind of answer a question takes.")]
internal enum QuestionKind
{
    [Description("One option.")]
    SingleChoice,

    [Description("Several options, up to `maxSelections`.")]
    MultipleChoice,

    [Description("Some or all options in order of priority (« en priorité »).")]
    Ranking,

    [Description("Each option rated primary, secondary or not chosen.")]
    PriorityMatrix,

    [Description("Yes or no.")]
    YesNo,

    [Description("A text answer.")]
    FreeText,
}

/// <summary>A questionnaire sent to an audience of organisations, with a response window.</summary>
internal sealed class Survey : IHasId
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; set; }

    [MaxLength(TitleMaxLength)] public string Title { get; set; } = "";

    [MaxLength(DescriptionMaxLength)] public string? Description { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    public SurveyStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }

    public List<Question> Questions { get; set; } = [];

    public List<SurveyAudience> Audience { get; set; } = [];
}

/// <summary>An organisation the survey is sent to.</summary>
internal sealed class SurveyAudience
{
    public Guid SurveyId { get; set; }

    public Guid OrganizationId { get; set; }
}

internal sealed class Question : IHasId
{
    public const int TextMaxLength = 1000;
    public const int SectionMaxLength = 200;

    public Guid Id { get; set; }

    public Guid SurveyId { get; set; }

    public int Position { get; set; }

    [MaxLength(SectionMaxLength)] public string? Section { get; set; }

    [MaxLength(TextMaxLength)] public string Text { get; set; } = "";

    public QuestionKind Kind { get; set; }

    public bool Required { get; set; }

    public int? MaxSelections { get; set; }

    public List<QuestionOption> Options { get; set; } = [];
}

internal sealed class QuestionOption : IHasId
{
    public const int LabelMaxLength = 300;

    public Guid Id { get; set; }

    public Guid QuestionId { get; set; }

    public int Position { get; set; }

    [MaxLength(LabelMaxLength)] public string Label { get; set; } = "";

    /// <summary>"Other, please specify": choosing it asks for a text.</summary>
    public bool IsOther { get; set; }
}
