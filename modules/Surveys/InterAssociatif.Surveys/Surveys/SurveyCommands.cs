namespace InterAssociatif.Surveys.Surveys;

[CoordinatorMutation(SurveysTypeNames.Survey, "Creates a survey as a DRAFT.")]
[Description("A new survey, created as a DRAFT.")]
internal sealed record CreateSurveyInput(
    [Line(Survey.TitleMaxLength)] string Title,
    [Description("What it asks about, and why."), Text(Survey.DescriptionMaxLength)] string? Description,
    [Description("First day for answers.")] DateOnly OpensOn,
    [Description("Last day for answers; not before `opensOn`.")] DateOnly ClosesOn,
    [Description(
        "The organisations it is sent to. Omitted or empty: the network's members and candidates on the opening day, "
        + "fixed when the survey opens."),
     References(DirectoryTypeNames.Organization)]
    IReadOnlyList<Guid> AudienceIds);

[CoordinatorMutation(SurveysTypeNames.Question, "Adds a question to a DRAFT survey.")]
[Description("A question for a DRAFT survey.")]
internal sealed record AddSurveyQuestionInput(
    [Description("The survey."), References(SurveysTypeNames.Survey)] Guid SurveyId,
    [Description("The question, as asked."), Text(Question.TextMaxLength)] string Text,
    [Description("The section it belongs to."), Line(Question.SectionMaxLength)] string? Section,
    [Description("What kind of answer it takes.")] QuestionKind Kind,
    [Description("Whether a submitted response must answer it. Default false.")] bool? Required,
    [Description("For MULTIPLE_CHOICE: the most options a respondent may choose.")] int? MaxSelections,
    [Description("The options' labels (not for YES_NO, which has Oui/Non, nor FREE_TEXT).")]
    [Line(QuestionOption.LabelMaxLength)]
    IReadOnlyList<string> Options,
    [Description("Adds an « other, please specify » option with this label."), Line(QuestionOption.LabelMaxLength)]
    string? OtherLabel,
    [Description("Its rank in the survey; default last.")] int? Position);

[CoordinatorMutation(SurveysTypeNames.Survey, "Opens a DRAFT survey for answers; its questions no longer change.",
    Name = "openSurvey", Handler = nameof(SurveyService.OpenAsync))]
[CoordinatorMutation(
    SurveysTypeNames.Survey,
    "Closes an OPEN survey; later responses are entered by coordinators and flagged late.",
    Name = "closeSurvey",
    Handler = nameof(SurveyService.CloseAsync))]
[CoordinatorMutation(SurveysTypeNames.Survey, "Publishes a CLOSED survey's results to everyone.",
    Name = "publishSurveyResults", Handler = nameof(SurveyService.PublishResultsAsync))]
[Description("The survey to move to its next step.")]
internal sealed record SurveyStepInput([Description("The survey."), References(SurveysTypeNames.Survey)] Guid SurveyId);

[CoordinatorMutation(SurveysTypeNames.Survey, "Removes a question from a DRAFT survey.")]
[Description("A question to remove from a DRAFT survey.")]
internal sealed record RemoveSurveyQuestionInput(
    [Description("The question."), References(SurveysTypeNames.Question)] Guid QuestionId);
