namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// Small-group protection cannot be undone by subtraction. Every published figure is put in the
/// relations a reader knows (an option's total is its two levels; a single-choice question's counts
/// add up to `answered`; a ranking's chosen count is the option's count; a cross-tab's cells add up to
/// their column's respondents and to the option's total), and every relation and every sum or
/// difference of two relations is tried: none may leave a withheld figure as its only unknown.
/// Checked on random questions and cross-tabs (small groups made on purpose) and on the demo
/// survey as analysts, partners and anonymous callers read it.
/// </summary>
public sealed class DisclosureTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private const int K = 3;

    /// <summary>A figure as a reader sees it: its value, or null when withheld.</summary>
    private sealed record Figure(string Name, int? Shown, int? Actual = null);

    /// <summary>Σ coefficient × figure = 0.</summary>
    private sealed record Relation(IReadOnlyList<(string Figure, int Coefficient)> Terms);

    private static void AssertNothingRecomputable(
        IReadOnlyDictionary<string, Figure> figures, IReadOnlyList<Relation> relations, string context)
    {
        var hidden = figures.Values.Where(f => f.Shown is null).Select(f => f.Name).ToHashSet();
        void Check(IEnumerable<(string Figure, int Coefficient)> terms, string how)
        {
            var unknowns = terms.GroupBy(t => t.Figure).Select(g => (g.Key, Sum: g.Sum(t => t.Coefficient)))
                .Where(t => t.Sum != 0 && hidden.Contains(t.Key)).ToList();
            if (unknowns.Count == 1)
            {
                // What must never be recomputed is a small group: a value from 1 to k − 1.
                var known = terms.Where(t => !hidden.Contains(t.Figure))
                    .Sum(t => t.Coefficient * figures[t.Figure].Shown!.Value);
                var value = -known / (double)unknowns[0].Sum;
                var actual = figures[unknowns[0].Key].Actual;
                if ((actual ?? value) is > 0 and < K)
                {
                    throw new Xunit.Sdk.XunitException($"{context}: {unknowns[0].Key} = {value} by {how}: "
                        + string.Join(
                            " + ",
                            terms.Select(t =>
                                $"{t.Coefficient}×[{t.Figure} = {figures[t.Figure].Shown?.ToString() ?? "?"}]")));
                }
            }
        }

        var touching = relations.Where(r => r.Terms.Any(t => hidden.Contains(t.Figure))).ToList();
        for (var i = 0; i < touching.Count; i++)
        {
            Check(touching[i].Terms, "one relation");
            for (var j = i + 1; j < touching.Count; j++)
            {
                Check(touching[i].Terms.Concat(touching[j].Terms), "adding two relations");
                Check(
                    touching[i].Terms.Concat(touching[j].Terms.Select(t => (t.Figure, -t.Coefficient))),
                    "subtracting two relations");
            }
        }
    }

    [Fact]
    public void Random_questions_and_cross_tabs_never_give_a_small_group_away()
    {
        Gen.Int.Sample(seed => RandomCase(new Random(seed)), iter: 1_000);
    }

    private static void RandomCase(Random random)
    {
        var kinds = new[]
        {
            QuestionKind.SingleChoice,
            QuestionKind.YesNo,
            QuestionKind.MultipleChoice,
            QuestionKind.PriorityMatrix,
            QuestionKind.Ranking
        };
        var kind = kinds[random.Next(kinds.Length)];
        var question = new Question { Id = Guid.NewGuid(), Kind = kind, Position = 1, Text = "Q" };
        question.Options = Enumerable.Range(1, kind == QuestionKind.YesNo ? 2 : random.Next(2, 8))
            .Select(p =>
                new QuestionOption { Id = Guid.NewGuid(), QuestionId = question.Id, Position = p, Label = $"O{p}" })
            .ToList();
        var respondents = random.Next(0, 25);
        var aggregates = new List<OptionAggregate>();
        var columns = Enumerable.Range(0, random.Next(1, 6)).Select(c => $"C{c}").ToList();
        var table = new Dictionary<(Guid, string), int>();
        int answered;
        if (kind is QuestionKind.SingleChoice or QuestionKind.YesNo)
        {
            // Each answering respondent chooses one option and falls in one column; small values on purpose.
            answered = random.Next(0, respondents + 1);
            for (var r = 0; r < answered; r++)
            {
                var option = question.Options[random.Next(random.Next(1, question.Options.Count + 1))];
                var column = columns[random.Next(random.Next(1, columns.Count + 1))];
                table[(option.Id, column)] = table.GetValueOrDefault((option.Id, column)) + 1;
            }

            aggregates.AddRange(
                question.Options.Select(o =>
                    new OptionAggregate(
                        question.Id, o.Id, null, columns.Sum(c => table.GetValueOrDefault((o.Id, c))), 0, 0)));
        }
        else
        {
            answered = respondents;
            foreach (var option in question.Options)
            {
                var primary = random.Next(0, Math.Min(respondents, 4) + 1);
                var secondary = random.Next(0, respondents - primary + 1);
                aggregates.Add(
                    new OptionAggregate(
                        question.Id,
                        option.Id,
                        kind == QuestionKind.PriorityMatrix ? PriorityLevel.Primary : null,
                        primary,
                        0,
                        0));
                aggregates.Add(
                    new OptionAggregate(
                        question.Id,
                        option.Id,
                        kind == QuestionKind.PriorityMatrix ? PriorityLevel.Secondary : null,
                        secondary,
                        0,
                        0));
            }
        }

        var results = new SurveyResults
        {
            Survey = new Survey { Id = Guid.NewGuid(), Questions = [question] },
            AsOf = DateTimeOffset.UnixEpoch,
            Respondents = respondents,
            Audience = 30,
            AnsweredByQuestion = new Dictionary<Guid, int> { [question.Id] = answered },
            ByQuestion = aggregates.ToLookup(a => a.QuestionId),
            MinimumCell = K,
        };
        var result = new QuestionResult(results, question);
        var (figures, relations) = Published(result);
        foreach (var option in question.Options)
        {
            var total = aggregates.Where(a => a.OptionId == option.Id).Sum(a => a.Count);
            figures[$"count {option.Label}"] = figures[$"count {option.Label}"] with { Actual = total };
            figures[$"ranked {option.Label}"] = figures[$"ranked {option.Label}"] with { Actual = total };
        }
        foreach (var option in question.Options)
        {
            var actual = aggregates.Where(a => a.OptionId == option.Id).Sum(a => a.Count);
            Assert.True(
                actual is 0 or >= K || figures[$"count {option.Label}"].Shown is null,
                $"{kind}: a count of {actual} is shown");
            Assert.True(
                figures[$"count {option.Label}"].Shown is null || figures[$"count {option.Label}"].Shown == actual);
        }

        AssertNothingRecomputable(figures, relations, $"{kind}, {respondents} respondents");

        if (kind is QuestionKind.SingleChoice or QuestionKind.YesNo)
        {
            var bases = columns.ToDictionary(
                c => c, c => question.Options.Sum(o => table.GetValueOrDefault((o.Id, c))));
            var cells = ResultsService.Protect(result, bases, (o, c) => table.GetValueOrDefault((o, c)));
            foreach (var cell in cells)
            {
                var actual = table.GetValueOrDefault((cell.RowOption.Id, cell.Column));
                var name = $"cell {cell.RowOption.Label} {cell.Column}";
                Assert.True(
                    cell.ColumnRespondents >= K, $"{cell.Column}: a column of {cell.ColumnRespondents} is shown");
                Assert.True(
                    cell.Cell.Suppressed || ((actual is 0 or >= K) && cell.Cell.Count == actual),
                    $"{name}: {actual} shown");
                figures[name] = new Figure(name, cell.Cell.Count, actual);
            }

            // Columns left out are unknown to the reader: their cells and respondents are hidden figures.
            foreach (var column in columns)
            {
                figures[$"base {column}"] = new Figure(
                    $"base {column}", cells.Any(c => c.Column == column) ? bases[column] : null, bases[column]);
                foreach (var option in question.Options.Where(o => !figures.ContainsKey($"cell {o.Label} {column}")))
                {
                    figures[$"cell {option.Label} {column}"] = new Figure($"cell {option.Label} {column}", null);
                }

                relations.Add(
                    new Relation(
                        [($"base {column}", 1), .. question.Options.Select(o => ($"cell {o.Label} {column}", -1))]));
            }

            foreach (var option in question.Options)
            {
                relations.Add(
                    new Relation(
                        [($"count {option.Label}", 1), .. columns.Select(c => ($"cell {option.Label} {c}", -1))]));
            }

            AssertNothingRecomputable(
                figures, relations, $"cross-tab of {columns.Count} columns, {respondents} respondents");
        }
    }

    /// <summary>The figures of one question as the results show them, and the relations among them.</summary>
    private static (Dictionary<string, Figure> Figures, List<Relation> Relations) Published(QuestionResult result)
    {
        var figures = new Dictionary<string, Figure> { ["answered"] = new("answered", result.Answered) };
        var relations = new List<Relation>();
        foreach (var option in ResultsService.Options(result))
        {
            figures[$"count {option.Option.Label}"] = new($"count {option.Option.Label}", option.Cell.Count);
        }

        foreach (var level in ResultsService.Matrix(result))
        {
            foreach (var option in level.Options)
            {
                figures[$"{level.Level} {option.Option.Label}"] = new(
                    $"{level.Level} {option.Option.Label}", option.Cell.Count);
            }
        }

        foreach (var ranked in ResultsService.Ranking(result))
        {
            figures[$"ranked {ranked.Option.Label}"] = new($"ranked {ranked.Option.Label}", ranked.Chosen.Count);
            relations.Add(new Relation([($"ranked {ranked.Option.Label}", 1), ($"count {ranked.Option.Label}", -1)]));
        }

        foreach (var option in result.Question.Options.Where(_ => result.Question.Kind == QuestionKind.PriorityMatrix))
        {
            relations.Add(
                new Relation(
                    [($"count {option.Label}", 1), ($"Primary {option.Label}", -1), ($"Secondary {option.Label}", -1)]));
        }

        if (result.Question.Kind is QuestionKind.SingleChoice or QuestionKind.YesNo)
        {
            relations.Add(
                new Relation([("answered", 1), .. result.Question.Options.Select(o => ($"count {o.Label}", -1))]));
        }

        return (figures, relations);
    }

    public static TheoryData<string> Readers() => new() { "anonymous", "partner", "member", "analyst" };

    /// <summary>
    /// Subtraction over time: for every reader but coordinators, every instant the data makes interesting (each
    /// response's submission, a tick before and after it, the opening, the close and a tick around it, the meeting,
    /// year 1 and 9999) and no instant at all give either the figures as of the close or a refusal naming
    /// <c>asOf</c>: no two readings differ, so none can be subtracted from another.
    /// </summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public async Task The_figures_of_a_published_survey_are_the_same_at_every_instant_a_protected_reader_may_ask(
        string role)
    {
        const string Responses = """
            { surveys(statuses: [RESULTS_PUBLISHED]) { nodes {
              opensOn responses(first: 100) { nodes { submittedAt } } } } }
            """;
        var coordinator = factory.GraphQL("coordinator");
        var survey = (await coordinator.QueryAsync(Responses)).EnsureNoErrors().At("surveys.nodes[0]")!;
        var close = new DateTimeOffset(2017, 9, 8, 22, 0, 0, TimeSpan.Zero);
        var tick = TimeSpan.FromTicks(1);
        List<DateTimeOffset> instants =
        [
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(2017, 9, 18, 10, 0, 0, TimeSpan.Zero),
            close - tick, close, close + tick,
            DateTimeOffset.Parse(survey["opensOn"]!.GetValue<string>() + "T00:00:00Z", CultureInfo.InvariantCulture),
        ];
        foreach (var response in survey["responses"]!["nodes"]!.AsArray())
        {
            var at = DateTimeOffset.Parse(response!["submittedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            instants.AddRange([at - tick, at, at + tick]);
        }

        var client = role == "anonymous" ? factory.GraphQL() : factory.GraphQL(role);
        const string Query = """
            query($asOf: DateTimeOffset) { surveys(statuses: [RESULTS_PUBLISHED]) { nodes { results(asOf: $asOf) {
              asOf respondents
              questions { answered options { count share } ranking { count } priorityLevels { options { count } } }
            } } } }
            """;
        var atClose = (await client.QueryAsync(Query, new { asOf = (string?)null })).EnsureNoErrors()
            .At("surveys.nodes[0].results")!;
        Assert.Equal(19, atClose["respondents"]!.GetValue<int>());
        var given = 0;
        foreach (var instant in instants.Distinct())
        {
            var asOf = instant.ToString("O", CultureInfo.InvariantCulture);
            var result = await client.QueryAsync(Query, new { asOf });
            if (instant == close)
            {
                var again = result.EnsureNoErrors().At("surveys.nodes[0].results")!;
                Assert.Equal(atClose.ToJsonString(), again.ToJsonString());
                given++;
                continue;
            }

            Assert.Equal(["INVALID_ARGUMENT"], result.ErrorCodes);
            Assert.StartsWith("`asOf`", result.Errors[0]!["message"]!.GetValue<string>());
        }

        Assert.Equal(1, given);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task The_demo_survey_gives_no_small_group_away_to_any_reader_but_coordinators(string role)
    {
        var client = role == "anonymous" ? factory.GraphQL() : factory.GraphQL(role);
        const string Query = """
            query($asOf: DateTimeOffset) { surveys(statuses: [RESULTS_PUBLISHED]) { nodes { results(asOf: $asOf) { smallGroupProtection questions {
              question { id kind options { label } } answered
              options { option { label } count } ranking { option { label } count }
              priorityLevels { level options { option { label } count } } } } } } }
            """;
        // The close, given or not: the one instant these readers get figures at (the others are refused, see
        // The_figures_of_a_published_survey_are_the_same_at_every_instant_a_protected_reader_may_ask).
        foreach (var asOf in new[] { "2017-09-08T22:00:00Z", null })
        {
            var results = (await client.QueryAsync(Query, new { asOf })).EnsureNoErrors().At(
                "surveys.nodes[0].results")!;
            Assert.True(results["smallGroupProtection"]!.GetValue<bool>());
            foreach (var question in results["questions"]!.AsArray())
            {
                var (figures, relations) = FromJson(question!);
                AssertNoSmallFigure(figures, role);
                AssertNothingRecomputable(figures, relations, $"{role}, {question!["question"]!["kind"]}");
            }
        }

        // Cross-tabs of every single-choice question by each organisation attribute.
        var ids = (await client.QueryAsync(
            "{ surveys(statuses: [RESULTS_PUBLISHED]) { nodes { id questions { id kind } } } }"))
            .EnsureNoErrors();
        var singles = ids.At("surveys.nodes[0].questions")!
            .AsArray()
            .Where(q => q!["kind"]!.GetValue<string>() is "SINGLE_CHOICE" or "YES_NO")
            .Select(q => q!["id"]!.GetValue<string>())
            .ToList();
        Assert.NotEmpty(singles);
        foreach (var questionId in singles)
        {
            foreach (var attribute in new[] { "KIND", "THEME", "NEIGHBOURHOOD" })
            {
                var tab = (await client.QueryAsync(
                    """
                        query($id: ID!, $q: ID!, $a: CrossTabAttribute) { survey(id: $id) { results {
                        questions(questionId: $q) { answered question { kind options { label } } options { option {
                        label } count } ranking { option { label } count } priorityLevels { level options { option {
                        label } count } } crossTab(byAttribute: $a) { option { label } column columnRespondents count }
                        } } } }
                        """,
                    new { id = ids.String("surveys.nodes[0].id"), q = questionId, a = attribute })).EnsureNoErrors().At(
                        "survey.results.questions[0]")!;
                var (figures, relations) = FromJson(tab);
                var cells = tab["crossTab"]!.AsArray();
                foreach (var cell in cells)
                {
                    var name = $"cell {cell!["option"]!["label"]} {cell["column"]}";
                    figures[name] = new Figure(name, cell["count"]?.GetValue<int>());
                    Assert.True(
                        cell["count"] is null || cell["columnRespondents"]!.GetValue<int>() >= K,
                        $"{name}: a column of fewer than {K} shows its counts to {role}");
                }

                foreach (var column in cells.GroupBy(c => c!["column"]!.GetValue<string>()))
                {
                    figures[$"base {column.Key}"] = new Figure(
                        $"base {column.Key}", column.First()!["columnRespondents"]!.GetValue<int>());
                    relations.Add(
                        new Relation(
                            [($"base {column.Key}", 1), .. column.Select(c =>
                                ($"cell {c!["option"]!["label"]} {column.Key}", -1))]));
                }

                foreach (var row in cells.GroupBy(c => c!["option"]!["label"]!.GetValue<string>()))
                {
                    relations.Add(
                        new Relation(
                            [($"count {row.Key}", 1), .. row.Select(c => ($"cell {row.Key} {c!["column"]}", -1))]));
                }

                AssertNoSmallFigure(figures, role);
                AssertNothingRecomputable(figures, relations, $"{role}, cross-tab by {attribute}");
            }
        }
    }

    /// <summary>
    /// No count below k is shown. `answered` is exempt: it says how many took part in a question, not
    /// what they answered (the answers of a question answered by fewer than k are all withheld).
    /// </summary>
    private static void AssertNoSmallFigure(Dictionary<string, Figure> figures, string role) =>
        Assert.All(
            figures.Values.Where(f => f.Name != "answered"),
            f => Assert.True(f.Shown is null or 0 or >= K, $"{f.Name} = {f.Shown} is shown to {role}"));

    private static (Dictionary<string, Figure> Figures, List<Relation> Relations) FromJson(JsonNode question)
    {
        var figures = new Dictionary<string, Figure>
        {
            ["answered"] = new("answered", question["answered"]!.GetValue<int>())
        };
        var relations = new List<Relation>();
        var labels = question["question"]!["options"]!.AsArray().Select(o => o!["label"]!.GetValue<string>()).ToList();
        foreach (var option in question["options"]!.AsArray())
        {
            var label = option!["option"]!["label"]!.GetValue<string>();
            figures[$"count {label}"] = new($"count {label}", option["count"]?.GetValue<int>());
        }

        foreach (var ranked in question["ranking"]!.AsArray())
        {
            var label = ranked!["option"]!["label"]!.GetValue<string>();
            figures[$"ranked {label}"] = new($"ranked {label}", ranked["count"]?.GetValue<int>());
            relations.Add(new Relation([($"ranked {label}", 1), ($"count {label}", -1)]));
        }

        foreach (var level in question["priorityLevels"]!.AsArray())
        {
            var name = level!["level"]!.GetValue<string>();
            foreach (var option in level["options"]!.AsArray())
            {
                var label = option!["option"]!["label"]!.GetValue<string>();
                figures[$"{name} {label}"] = new($"{name} {label}", option["count"]?.GetValue<int>());
            }
        }

        foreach (var label in labels.Where(_ => question["question"]!["kind"]!.GetValue<string>() == "PRIORITY_MATRIX"))
        {
            relations.Add(new Relation([($"count {label}", 1), ($"PRIMARY {label}", -1), ($"SECONDARY {label}", -1)]));
        }

        if (question["question"]!["kind"]!.GetValue<string>() is "SINGLE_CHOICE" or "YES_NO")
        {
            relations.Add(new Relation([("answered", 1), .. labels.Select(l => ($"count {l}", -1))]));
        }

        return (figures, relations);
    }
}
