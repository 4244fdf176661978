namespace InterAssociatif.Surveys.Results;

/// <summary>Small-group protection (configuration section <c>Surveys</c>).</summary>
internal sealed class SurveyResultsOptions
{
    /// <summary>For analysts, a cell computed from fewer respondents than this is suppressed. Default 3.</summary>
    public int MinimumCellSize { get; set; } = 3;
}

/// <summary>
/// Computes results in SQL: six commands for every figure of every question (survey, its questions with their
/// options, audience, respondents, per-question respondents, per-option counts with rank sums), one count and one
/// page of the texts of every question read with the same page arguments (<see cref="FreeTexts"/>), and two
/// commands per cross-tabulation. Responses are never loaded.
/// </summary>
internal sealed class ResultsService(IDbContextFactory<SurveysDbContext> factory)
{
    public async Task<SurveyResults?> ComputeAsync(
        Guid surveyId, DateTimeOffset asOf, int minimumCell, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = await db.SurveyWithQuestionsAsync(surveyId, cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var respondents = Respondents(db, surveyId, asOf);
        var audience = await db.Audience.CountAsync(a => a.SurveyId == surveyId, cancellationToken);
        var count = await respondents.CountAsync(cancellationToken);
        var answers = Counted(db, surveyId, asOf);
        var answered = await answers
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Count, cancellationToken);
        var options = await answers.Where(a => a.OptionId != null)
            .GroupBy(a => new { a.QuestionId, OptionId = a.OptionId!.Value, a.Level })
            .Select(g =>
                new OptionAggregate(
                    g.Key.QuestionId,
                    g.Key.OptionId,
                    g.Key.Level,
                    g.Count(),
                    g.Sum(a => a.Rank ?? 0),
                    g.Sum(a => a.Rank == 1 ? 1 : 0)))
            .ToListAsync(cancellationToken);
        return new SurveyResults
        {
            Survey = survey,
            AsOf = asOf,
            Respondents = count,
            Audience = audience,
            AnsweredByQuestion = answered,
            ByQuestion = options.ToLookup(o => o.QuestionId),
            MinimumCell = minimumCell,
        };
    }

    /// <summary>The answers of the responses submitted by an instant (one index range).</summary>
    public static IQueryable<Answer> Counted(SurveysDbContext db, Guid surveyId, DateTimeOffset asOf) =>
        db.Answers.Where(a => a.SurveyId == surveyId && a.SubmittedAt != null && a.SubmittedAt <= asOf);

    /// <summary>Submitted responses counted as of an instant.</summary>
    public static IQueryable<Response> Respondents(SurveysDbContext db, Guid surveyId, DateTimeOffset asOf) =>
        db.Responses.Where(r =>
            r.SurveyId == surveyId && r.Status == SurveyResponseStatus.Submitted && r.SubmittedAt <= asOf);

    public static IReadOnlyList<OptionResult> Options(QuestionResult result) =>
        result.Question.Options.OrderBy(o => o.Position)
            .Select(o => new OptionResult(o, result.CellOf(o.Id)))
            .ToList();

    /// <summary>
    /// Ranking: chosen count, first choices, mean rank, and a Borda score (n − rank + 1 points per ranking), ordered by
    /// Borda score.
    /// </summary>
    public static IReadOnlyList<RankingResult> Ranking(QuestionResult result)
    {
        var n = result.Question.Options.Count;
        return result.Question.Options
            .Select(o => (Option: o, Aggregate: result.Aggregates.FirstOrDefault(a => a.OptionId == o.Id)))
            .Select(x =>
                (x.Option,
                    Count: x.Aggregate?.Count ?? 0,
                    RankSum: x.Aggregate?.RankSum ?? 0,
                    First: x.Aggregate?.FirstChoices ?? 0))
            .Select(x => (x.Option, x.Count, x.RankSum, x.First, Borda: (x.Count * (n + 1)) - x.RankSum))
            // Withheld options come last, in the question's order: their place would bound their count.
            .OrderBy(x => result.CellOf(x.Option.Id).Suppressed)
            .ThenByDescending(x => result.CellOf(x.Option.Id).Suppressed ? 0 : x.Borda)
            .ThenByDescending(x => result.CellOf(x.Option.Id).Suppressed ? 0 : x.First).ThenBy(x => x.Option.Position)
            .Select((x, i) =>
            {
                var cell = result.CellOf(x.Option.Id);
                return cell.Suppressed
                    ? new RankingResult(x.Option, i + 1, cell, null, null, null)
                    : new RankingResult(
                        x.Option,
                        i + 1,
                        cell,
                        x.First,
                        x.Count == 0 ? null : Math.Round((double)x.RankSum / x.Count, 3),
                        x.Borda);
            })
            .ToList();
    }

    /// <summary>Priority matrix: per level, the options ordered by how many respondents put them there.</summary>
    public static IReadOnlyList<LevelResult> Matrix(QuestionResult result) =>
        result.Question.Kind != QuestionKind.PriorityMatrix
            ? []
            : new[] { PriorityLevel.Primary, PriorityLevel.Secondary }
            .Select(level => new LevelResult(level, result.Question.Options
                .Select(o => (Option: o, Cell: result.CellOf(o.Id, level)))
                .OrderBy(x => x.Cell.Suppressed).ThenByDescending(x => x.Cell.Count ?? 0).ThenBy(x => x.Option.Position)
                .Select((x, i) => new MatrixOptionResult(x.Option, i + 1, x.Cell))
                .ToList()))
            .ToList();

    public sealed record FreeTextAnswer(Guid Id, string Text, Guid? OptionId);

    /// <summary>
    /// The texts given to each question as of an instant, for the <c>freeText</c> page of every question of a results
    /// page at once: one count and one read of numbered rows, whatever the number of questions.
    /// </summary>
    public sealed class FreeTexts(SurveysDbContext db, Guid surveyId, DateTimeOffset asOf)
        : IPageSources<Guid, FreeTextAnswer>
    {
        private IQueryable<Answer> Texts(IReadOnlyList<Guid> questions) =>
            Counted(db, surveyId, asOf).Where(a => a.Text != null && questions.Contains(a.QuestionId));

        public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(
            IReadOnlyList<Guid> questions, CancellationToken cancellationToken) =>
            await Texts(questions).GroupBy(a => a.QuestionId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<FreeTextAnswer>>> ReadAsync(
            IReadOnlyList<Guid> questions, int skip, int take, CancellationToken cancellationToken)
        {
            var rows = await Window(questions, skip, take).ToListAsync(cancellationToken);
            return rows.GroupBy(r => r.QuestionId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<FreeTextAnswer>)[.. g.Select(r => r.Answer)]);
        }

        /// <summary>Each question's texts at positions [skip, skip + take), rows numbered per question.</summary>
        internal IQueryable<(Guid QuestionId, FreeTextAnswer Answer)> Window(
            IReadOnlyList<Guid> questions, int skip, int take) =>
            from question in db.Questions.Where(q => questions.Contains(q.Id))
            from answer in Texts(questions).Where(a => a.QuestionId == question.Id).OrderBy(a => a.Id)
                .Skip(skip).Take(take)
            orderby question.Id, answer.Id
            select ValueTuple.Create(answer.QuestionId, new FreeTextAnswer(answer.Id, answer.Text!, answer.OptionId));
    }

    /// <summary>
    /// Answers to one question split by the answers to another question, or by an attribute of the responding
    /// organisation.
    /// </summary>
    public async Task<IReadOnlyList<CrossTabCell>> CrossTabAsync(
        QuestionResult result, Guid? byQuestionId, CrossTabAttribute? byAttribute, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var survey = result.Results.Survey;
        var respondents = Respondents(db, survey.Id, result.Results.AsOf);
        var counted = Counted(db, survey.Id, result.Results.AsOf);
        var rows = counted.Where(a => a.QuestionId == result.Question.Id && a.OptionId != null);
        List<(Guid Row, string Column, int Count)> cells;
        Dictionary<string, int> bases;
        if (byQuestionId is { } other)
        {
            var labels = survey.Questions.Single(q => q.Id == other).Options.ToDictionary(o => o.Id, o => o.Label);
            var columns = counted.Where(b => b.QuestionId == other && b.OptionId != null);
            cells = (await rows.Join(
                columns,
                a => a.ResponseId,
                b => b.ResponseId,
                (a, b) => new { Row = a.OptionId!.Value, Column = b.OptionId!.Value })
                    .GroupBy(x => new { x.Row, x.Column })
                    .Select(g => new { g.Key.Row, g.Key.Column, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(x => (x.Row, labels[x.Column], x.Count)).ToList();
            bases = (await columns.GroupBy(b => b.OptionId!.Value)
                .Select(g => new { g.Key, Count = g.Select(b => b.ResponseId).Distinct().Count() })
                .ToListAsync(cancellationToken))
                .ToDictionary(x => labels[x.Key], x => x.Count);
        }
        else
        {
            var name = byAttribute!.Value.ToString().ToUpperInvariant();
            var attributes = db.ResponseAttributes.Where(x =>
                x.Name == name && respondents.Any(r => r.Id == x.ResponseId));
            cells = (await rows.Join(
                attributes,
                a => a.ResponseId,
                x => x.ResponseId,
                (a, x) => new { Row = a.OptionId!.Value, Column = x.Value })
                    .GroupBy(x => new { x.Row, x.Column })
                    .Select(g => new { g.Key.Row, g.Key.Column, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(x => (x.Row, x.Column, x.Count)).ToList();
            bases = await attributes.GroupBy(x => x.Value)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        }

        return Protect(
            result, bases, (row, column) => cells.Where(c => c.Row == row && c.Column == column).Sum(c => c.Count));
    }

    /// <summary>
    /// A cross-tab as this caller may see it: each cell ties to its column's respondents and to the
    /// option's total (as the question's own results show it, or withheld there); a column of fewer
    /// than k respondents is withheld whole, then whatever would give a withheld cell away.
    /// </summary>
    public static IReadOnlyList<CrossTabCell> Protect(
        QuestionResult result, IReadOnlyDictionary<string, int> bases, Func<Guid, string, int> count)
    {
        var options = result.Question.Options.OrderBy(o => o.Position).ToList();
        var columnNames = bases.Keys.Order(StringComparer.Ordinal).ToList();

        var disclosure = new Disclosure();
        var ids = new Dictionary<(Guid, string), int>();
        var order = 0;
        foreach (var o in options)
        {
            foreach (var column in columnNames)
            {
                ids[(o.Id, column)] = disclosure.Cell(count(o.Id, column), order++);
            }
        }

        // A column of fewer than k respondents is left out whole, its respondents figure included.
        var k = result.Results.MinimumCell;
        var small = columnNames.Where(column => k > 1 && bases[column] < k).ToHashSet(StringComparer.Ordinal);
        foreach (var column in columnNames)
        {
            var columnBase = small.Contains(column)
                ? disclosure.Hidden(bases[column])
                : disclosure.Known(bases[column]);
            disclosure.Sum(columnBase, options.Select(o => ids[(o.Id, column)]));
            if (small.Contains(column))
            {
                options.ForEach(o => disclosure.Suppress(ids[(o.Id, column)]));
            }
        }

        var totals = new List<int>();
        foreach (var o in options)
        {
            var total = result.CellOf(o.Id);
            var reference = total.Suppressed ? disclosure.Hidden(0) : disclosure.Known(total.Count!.Value);
            totals.Add(reference);
            disclosure.Sum(reference, columnNames.Select(column => ids[(o.Id, column)]));
        }

        // The question's own relation among its totals (single choice: they add up to `answered`).
        if (result.Question.Kind is QuestionKind.SingleChoice or QuestionKind.YesNo)
        {
            disclosure.Sum(disclosure.Known(result.Answered), totals);
        }

        if (k > 1)
        {
            disclosure.Protect(k);
        }

        return options.SelectMany(o => columnNames.Where(column => !small.Contains(column)).Select(column =>
            {
                var id = ids[(o.Id, column)];
                var columnBase = bases[column];
                var cell = disclosure.IsSuppressed(id)
                    ? new Cell(null, null, true)
                    : new Cell(
                        disclosure.Value(id),
                        columnBase == 0 ? null : Math.Round((double)disclosure.Value(id) / columnBase, 4),
                        false);
                return new CrossTabCell(o, column, cell, columnBase);
            }))
            .ToList();
    }
}
