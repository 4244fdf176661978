namespace InterAssociatif.Surveys.Results;

/// <summary>
/// How many respondents chose an option (at a level, for a priority matrix), with rank sums for rankings.
/// </summary>
internal sealed record OptionAggregate(
    Guid QuestionId, Guid OptionId, PriorityLevel? Level, int Count, int RankSum, int FirstChoices);

/// <summary>
/// A survey's results as of an instant: only aggregates (counts per option and level), never the
/// responses themselves. Built from a fixed number of SQL commands whatever the number of responses.
/// </summary>
internal sealed class SurveyResults
{
    public required Survey Survey { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public required int Respondents { get; init; }

    public required int Audience { get; init; }

    public required IReadOnlyDictionary<Guid, int> AnsweredByQuestion { get; init; }

    public required ILookup<Guid, OptionAggregate> ByQuestion { get; init; }

    /// <summary>
    /// Smallest count shown to this caller; smaller non-zero cells are suppressed (small-group protection). 1 = no
    /// protection.
    /// </summary>
    public required int MinimumCell { get; init; }

    public bool Suppressed(int count) =>
        MinimumCell > 1 && (Respondents < MinimumCell || (count > 0 && count < MinimumCell));

    public double? Share(int count) => Respondents == 0 ? null : Math.Round((double)count / Respondents, 4);
}

internal sealed record QuestionResult(SurveyResults Results, Question Question)
{
    private Dictionary<(Guid Option, PriorityLevel? Level), Cell>? _cells;

    public IEnumerable<OptionAggregate> Aggregates => Results.ByQuestion[Question.Id];

    public int Answered => Results.AnsweredByQuestion.GetValueOrDefault(Question.Id);

    /// <summary>
    /// An option's count (all levels when <paramref name="level"/> is null) as this caller may see it.
    /// </summary>
    /// Levels of a question that has none count nobody.
    public Cell CellOf(Guid option, PriorityLevel? level = null) =>
        (_cells ??= Protect()).TryGetValue((option, level), out var cell) ? cell : new Cell(0, Results.Share(0), false);

    /// <summary>
    /// Every count of the question, with small groups and what would give them away withheld
    /// together: an option's total is its two levels, and single-choice counts add up to `answered`.
    /// </summary>
    private Dictionary<(Guid, PriorityLevel?), Cell> Protect()
    {
        var disclosure = new Disclosure();
        var cells = new Dictionary<(Guid, PriorityLevel?), int>();
        var options = Question.Options.OrderBy(o => o.Position).ToList();
        foreach (var option in options)
        {
            var total = disclosure.Cell(
                Aggregates.Where(a => a.OptionId == option.Id).Sum(a => a.Count), option.Position);
            cells[(option.Id, null)] = total;
            if (Question.Kind == QuestionKind.PriorityMatrix)
            {
                var levels = new[] { PriorityLevel.Primary, PriorityLevel.Secondary }
                    .Select(level =>
                        cells[(option.Id, level)] = disclosure.Cell(
                            Aggregates.Where(a => a.OptionId == option.Id && a.Level == level).Sum(a => a.Count),
                            option.Position))
                    .ToList();
                disclosure.Sum(total, levels);
            }
        }

        if (Question.Kind is QuestionKind.SingleChoice or QuestionKind.YesNo)
        {
            disclosure.Sum(disclosure.Known(Answered), options.Select(o => cells[(o.Id, null)]));
        }

        var k = Results.MinimumCell;
        if (k > 1 && (Results.Respondents < k || Answered < k))
        {
            foreach (var cell in cells.Values)
            {
                disclosure.Suppress(cell);
            }
        }
        else if (k > 1)
        {
            disclosure.Protect(k);
        }

        return cells.ToDictionary(c => c.Key, c => disclosure.IsSuppressed(c.Value)
            ? new Cell(null, null, true)
            : new Cell(disclosure.Value(c.Value), Results.Share(disclosure.Value(c.Value)), false));
    }
}

/// <summary>A count shown to the caller, or withheld (small-group protection, see <see cref="Disclosure"/>).</summary>
internal sealed record Cell(int? Count, double? Share, bool Suppressed);

internal sealed record OptionResult(QuestionOption Option, Cell Cell);

internal sealed record RankingResult(
    QuestionOption Option, int Position, Cell Chosen, int? FirstChoiceCount, double? MeanRank, int? BordaScore);

internal sealed record LevelResult(PriorityLevel Level, IReadOnlyList<MatrixOptionResult> Options);

internal sealed record MatrixOptionResult(QuestionOption Option, int Position, Cell Cell);

internal sealed record CrossTabCell(QuestionOption RowOption, string Column, Cell Cell, int ColumnRespondents);

[Description("An attribute of the responding organisation, as it was when it submitted.")]
internal enum CrossTabAttribute
{
    [Description("The organisation's kind (association or institution).")]
    Kind,

    [Description("Each theme the organisation declared (an organisation counts once per theme).")]
    Theme,

    [Description("Each neighbourhood (QPV) the organisation serves.")]
    Neighbourhood,
}
