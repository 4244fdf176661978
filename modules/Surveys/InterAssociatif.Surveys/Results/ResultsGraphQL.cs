namespace InterAssociatif.Surveys.Results;

internal sealed class SurveyResultsType : ObjectType<SurveyResults>
{
    public SurveyResultsType()
        : base(
            "SurveyResults",
            "A survey's results as of an instant. Shares are of respondents (not of selections). For every reader but "
            + "coordinators, a figure from fewer respondents than the configured minimum (default 3) is suppressed and "
            + "marked so, together with the figures that would give it away by subtraction (other level of a priority "
            + "matrix, the rest of a single-choice question, the rest of a cross-tab row or column).")
    {
        Field(r => r.AsOf).Description("The instant the figures are computed at.");
        Field(r => r.Respondents)
            .Description(
                "Organisations that had submitted a response by then (e.g. 19 at the close, 20 by the meeting of 18 "
                + "September 2017).");
        Field(r => r.Audience).Description("Organisations the survey was sent to (27 in 2017).");
        Field<FloatGraphType>("responseRate").Description("Respondents over audience (taux de retour), 0 to 1.")
            .Resolve(ctx =>
                ctx.Source.Audience == 0 ? null : Math.Round((double)ctx.Source.Respondents / ctx.Source.Audience, 4));
        Field<NonNullGraphType<BooleanGraphType>>("smallGroupProtection")
            .Description("Whether small cells are suppressed for this caller.")
            .Resolve(ctx => ctx.Source.MinimumCell > 1);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionResultType>>>>("questions")
            .Description("Every question's results, in order.")
            .Argument<IdGraphType>("questionId", "Only this question.")
            .Resolve(ctx =>
            {
                var only = ctx.GetArgument<string?>("questionId") is { } raw
                    ? GlobalId.TryDecode(raw, SurveysTypeNames.Question, out var id)
                        ? id
                        : throw new InvalidIdException(raw)
                    : (Guid?)null;
                return ctx.Source.Survey.Questions.OrderBy(q => q.Position)
                    .Where(q => only is null || q.Id == only)
                    .Select(q => new QuestionResult(ctx.Source, q));
            });
    }
}

internal static class CellFields
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, Cell> cell)
    {
        type.Field<IntGraphType>("count")
            .Description("How many respondents; null when suppressed.")
            .Resolve(ctx => cell(ctx.Source).Count);
        type.Field<FloatGraphType>("share")
            .Description("Count over respondents, 0 to 1; null when suppressed.")
            .Resolve(ctx => cell(ctx.Source).Share);
        type.Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when the figure comes from too few respondents to be shown (small-group protection).")
            .Resolve(ctx => cell(ctx.Source).Suppressed);
    }
}

internal sealed class QuestionResultType : ObjectType<QuestionResult>
{
    // The same for any page arguments: no edges, no pages either side, a total of 0.
    private static readonly GraphQL.Types.Relay.DataObjects.Connection<ResultsService.FreeTextAnswer> NoTexts =
        Paging.FromList(Array.Empty<ResultsService.FreeTextAnswer>(), new PageRequest(null, null, null, null));

    public QuestionResultType()
        : base(
            "QuestionResult",
            "One question's results. Read the part that fits its kind: `options` (choices, yes/no), `ranking`, "
            + "`priorityLevels`, `freeText`; `crossTab` splits choices by another question or by an organisation "
            + "attribute.")
    {
        Field<NonNullGraphType<QuestionType>>("question")
            .Description("The question.")
            .Resolve(ctx => ctx.Source.Question);
        Field<NonNullGraphType<IntGraphType>>("answered")
            .Description("Respondents who answered this question.")
            .Resolve(ctx => ctx.Source.Answered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OptionResultType>>>>("options")
            .Description(
                "For each option, in the question's order: respondents who chose it (a respondent counts once per "
                + "option chosen), and their share of all respondents.")
            .Resolve(ctx => ResultsService.Options(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankingResultType>>>>("ranking")
            .Description(
                "For a RANKING question: the options in their resulting order (by Borda score), with first-choice "
                + "count and mean rank.")
            .Resolve(ctx => ResultsService.Ranking(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LevelResultType>>>>("priorityLevels")
            .Description(
                "For a PRIORITY_MATRIX question: per level, the options ordered by how many put them there "
                + "(« tranquillité publique », first among secondary themes in 2017).")
            .Resolve(ctx => ResultsService.Matrix(ctx.Source));
        Field<NonNullGraphType<ConnectionGraphType<FreeTextAnswerType>>>("freeText")
            .Description("The texts given (free-text answers, and what « other » means), by page.")
            .PageArguments()
            .Resolve(ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var (results, question) = (ctx.Source.Results, ctx.Source.Question);

                // Only a free-text question or an « other » option holds texts (the response rules refuse any other):
                // the others answer without a command.
                var holdsTexts = question.Kind == QuestionKind.FreeText || question.Options.Any(o => o.IsOther);
                if (results.Suppressed(results.Respondents) || !holdsTexts)
                {
                    return DataLoaderResolveExtensions.FromValue<object>(NoTexts.AsGraph());
                }

                // Every question of the page read with the same arguments shares the same commands.
                return ctx.LoadBatched(
                        $"freeText:{results.Survey.Id:N}:{results.AsOf.UtcTicks}:{page}",
                        question.Id,
                        (results.Survey.Id, results.AsOf, page),
                        static async (services, read, questions, cancellationToken) =>
                        {
                            var contexts = services.GetRequiredService<IDbContextFactory<SurveysDbContext>>();
                            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                            var texts = new ResultsService.FreeTexts(db, read.Id, read.AsOf);
                            return await Paging.ToConnectionsAsync(texts, questions, read.page, cancellationToken);
                        },
                        NoTexts)
                    .Then(texts => (object)texts.AsGraph());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CrossTabCellType>>>>("crossTab")
            .Description(
                "This question's choices split by the choices of another question, or by an attribute of the "
                + "responding organisation. Give exactly one of `byQuestionId` and `byAttribute`.")
            .Argument<IdGraphType>("byQuestionId", "Another choice question of the same survey.")
            .Argument<EnumerationGraphType<CrossTabAttribute>>(
                "byAttribute", "An attribute of the organisation: KIND, THEME or NEIGHBOURHOOD.")
            .ResolveAsync(async ctx =>
            {
                var rawQuestion = ctx.GetArgument<string?>("byQuestionId");
                var attribute = ctx.GetArgument<CrossTabAttribute?>("byAttribute");
                if ((rawQuestion is null) == (attribute is null))
                {
                    throw new ExecutionError("Give exactly one of `byQuestionId` and `byAttribute`.")
                    {
                        Code = "INVALID_ARGUMENT"
                    };
                }

                Guid? byQuestion = null;
                if (rawQuestion is not null)
                {
                    if (!GlobalId.TryDecode(rawQuestion, SurveysTypeNames.Question, out var id)
                        || ctx.Source.Results.Survey.Questions.All(q => q.Id != id || q.Options.Count == 0))
                    {
                        throw new ExecutionError("`byQuestionId` is not a choice question of this survey.")
                        {
                            Code = "INVALID_ARGUMENT"
                        };
                    }

                    byQuestion = id;
                }

                return await ctx.RequestServices!.GetRequiredService<ResultsService>()
                    .CrossTabAsync(ctx.Source, byQuestion, attribute, ctx.CancellationToken);
            });
    }
}

internal sealed class OptionResultType : ObjectType<OptionResult>
{
    public OptionResultType()
        : base("OptionResult", "How many respondents chose an option.")
    {
        Field<NonNullGraphType<QuestionOptionType>>("option")
            .Description("The option.")
            .Resolve(ctx => ctx.Source.Option);
        CellFields.Add(this, r => r.Cell);
    }
}

internal sealed class RankingResultType : ObjectType<RankingResult>
{
    public RankingResultType()
        : base("RankingResult", "An option of a ranking question, in the resulting order.")
    {
        Field<NonNullGraphType<QuestionOptionType>>("option")
            .Description("The option.")
            .Resolve(ctx => ctx.Source.Option);
        Field(r => r.Position).Description("Its place in the resulting order (1 first).");
        CellFields.Add(this, r => r.Chosen);
        Field(r => r.FirstChoiceCount, nullable: true).Description("Respondents who ranked it first.");
        Field(r => r.MeanRank, nullable: true).Description("Its average rank among those who ranked it.");
        Field(r => r.BordaScore, nullable: true)
            .Description(
                "Borda score: n − rank + 1 points per respondent who ranked it, n being the number of options.");
    }
}

internal sealed class LevelResultType : ObjectType<LevelResult>
{
    public LevelResultType()
        : base("PriorityLevelResult", "The options at one level of a priority matrix, most chosen first.")
    {
        Field<NonNullGraphType<EnumerationGraphType<PriorityLevel>>>("level")
            .Description("PRIMARY or SECONDARY.")
            .Resolve(ctx => ctx.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatrixOptionResultType>>>>("options")
            .Description("The options, most chosen first.")
            .Resolve(ctx => ctx.Source.Options);
    }
}

internal sealed class MatrixOptionResultType : ObjectType<MatrixOptionResult>
{
    public MatrixOptionResultType()
        : base("PriorityOptionResult", "How many respondents put an option at a level.")
    {
        Field<NonNullGraphType<QuestionOptionType>>("option")
            .Description("The option.")
            .Resolve(ctx => ctx.Source.Option);
        Field(r => r.Position).Description("Its place at this level (1 most chosen).");
        CellFields.Add(this, r => r.Cell);
    }
}

internal sealed class CrossTabCellType : ObjectType<CrossTabCell>
{
    public CrossTabCellType()
        : base(
            "CrossTabCell",
            "Respondents who chose a row option, among those in a column (an option of the other question, or an "
            + "attribute value).")
    {
        Field<NonNullGraphType<QuestionOptionType>>("option")
            .Description("The row: an option of this question.")
            .Resolve(ctx => ctx.Source.RowOption);
        Field(c => c.Column).Description("The column: the other question's option label, or the attribute's value.");
        Field(c => c.ColumnRespondents).Description("Respondents in this column.");
        CellFields.Add(this, c => c.Cell);
    }
}

internal sealed class FreeTextAnswerType : ObjectType<ResultsService.FreeTextAnswer>
{
    public FreeTextAnswerType()
        : base("FreeTextAnswer", "A text given in answer: to a free-text question, or to say what « other » means.")
    {
        Field(a => a.Text).Description("The text, verbatim.");
        Field<IdGraphType>("optionId")
            .Description("The « other » option it details, if any.")
            .Resolve(ctx => ctx.Source.OptionId is { } o ? GlobalId.Encode(SurveysTypeNames.QuestionOption, o) : null);
    }
}
