namespace InterAssociatif.Benchmarks;

/// <summary>
/// What one small read of a page costs on the path the host's loaders take — a pooled context on the operation's
/// shared connection, a compiled EF Core query, the host's SQLite interceptors — against the same read written by
/// hand on that same connection (one prepared command, the rows read by ordinal into the same entities). Both read
/// the 4 options of a question and the 20 questions of a survey, in alternating rounds on one thread; the difference
/// is what EF Core and the interceptors add to each command, the bound of a lean read path for loaders.
/// Usage: <c>dotnet run -c Release --project tests/InterAssociatif.Benchmarks -- commands [iterations] [rounds]</c>.
/// </summary>
internal static class CommandsBenchmark
{
    private static readonly Func<SurveysDbContext, Guid, IAsyncEnumerable<QuestionOption>> OptionsOf =
        EF.CompileAsyncQuery((SurveysDbContext db, Guid question) =>
            db.Options.Where(o => o.QuestionId == question).OrderBy(o => o.Position).ThenBy(o => o.Id).AsQueryable());

    private static readonly Func<SurveysDbContext, Guid, IAsyncEnumerable<Question>> QuestionsOf =
        EF.CompileAsyncQuery((SurveysDbContext db, Guid survey) =>
            db.Questions.Where(q => q.SurveyId == survey).OrderBy(q => q.Position).ThenBy(q => q.Id).AsQueryable());

    public static Task RunAsync(int iterations, int rounds) =>
        DatabaseFile.RunAsync("commands", file => RunAsync(file, iterations, rounds));

    private static async Task RunAsync(string file, int iterations, int rounds)
    {
        var database = new DatabaseOptions { ConnectionString = $"Data Source={file}" };
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        var counter = new SqlCommandCounter();
        services.AddSingleton<IInterceptor>(counter);
        services.AddSingleton<IInterceptor, SharedReadConnectionGuard>();
        services.AddSingleton<IInterceptor, SqliteConnectionSetup>();
        services.AddSingleton<IInterceptor, SqliteCancellation>();
        services.AddSingleton<IInterceptor, PreparedStatementReuse>();
        var configuration = new ConfigurationBuilder().Build();
        new SurveysModule().ConfigureServices(new ModuleServices(services, configuration, database));
        await using var provider = services.BuildServiceProvider();
        foreach (var module in provider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(CancellationToken.None);
        }

        var contexts = provider.GetRequiredService<IDbContextFactory<SurveysDbContext>>();
        Guid survey;
        Guid question;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            survey = await SurveyLoad.CreateAsync(db, responses: 10, questions: 20, seed: 2017);
            question = await db.Questions.Where(q => q.SurveyId == survey).OrderBy(q => q.Position)
                .Select(q => q.Id).FirstAsync();
        }

        await using var pool = new ReadConnectionPool();
        await using var scope = SharedReadConnection.Begin(pool);
        await using var byHand = await ByHand.OnSharedConnectionAsync(contexts);
        var reads = new (string Name, Func<Task<int>> Ef, Func<int> Hand)[]
        {
            ("4 options of a question",
                () => ReadAsync(contexts, OptionsOf, question), () => byHand.Options(question)),
            ("20 questions of a survey",
                () => ReadAsync(contexts, QuestionsOf, survey), () => byHand.Questions(survey)),
        };
        foreach (var (name, ef, hand) in reads)
        {
            if (await ef() != hand())
            {
                throw new InvalidOperationException($"{name}: EF Core and the hand-written read disagree.");
            }

            counter.Reset();
            await ef();
            Console.WriteLine($"{name}: {counter.Count} SQL command per read through EF Core, on one connection");
            var timings = (Ef: new List<double>(), Hand: new List<double>());
            var allocated = (Ef: 0L, Hand: 0L);
            for (var round = 0; round <= rounds; round++)
            {
                var (efTime, efBytes) = await MeasureAsync(iterations, ef);
                var (handTime, handBytes) = await MeasureAsync(iterations, () => Task.FromResult(hand()));
                if (round == 0)
                {
                    continue; // warm-up
                }

                timings.Ef.Add(efTime);
                timings.Hand.Add(handTime);
                (allocated.Ef, allocated.Hand) = (efBytes, handBytes);
            }

            timings.Ef.Sort();
            timings.Hand.Sort();
            var (efMedian, handMedian) = (timings.Ef[timings.Ef.Count / 2], timings.Hand[timings.Hand.Count / 2]);
            Console.WriteLine(
                $"  EF Core {efMedian:F1} µs, {allocated.Ef / 1024.0:F1} KiB; by hand {handMedian:F1} µs, "
                + $"{allocated.Hand / 1024.0:F1} KiB; EF Core adds {efMedian - handMedian:F1} µs per command "
                + $"(medians of {rounds} rounds of {iterations})");
        }
    }

    private static async Task<int> ReadAsync<T>(
        IDbContextFactory<SurveysDbContext> contexts, Func<SurveysDbContext, Guid, IAsyncEnumerable<T>> query, Guid key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var rows = new List<T>();
        await foreach (var row in query(db, key))
        {
            rows.Add(row);
        }

        return rows.Count;
    }

    /// <summary>Microseconds and bytes allocated per read, over <paramref name="iterations"/> reads.</summary>
    private static async Task<(double Microseconds, long Bytes)> MeasureAsync(int iterations, Func<Task<int>> read)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await read();
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return (watch.Elapsed.TotalMicroseconds / iterations, allocated / iterations);
    }

    /// <summary>The same reads by hand: one prepared command each, on the scope's connection.</summary>
    private sealed class ByHand(SqliteCommand options, SqliteCommand questions) : IAsyncDisposable
    {
        public static async Task<ByHand> OnSharedConnectionAsync(IDbContextFactory<SurveysDbContext> contexts)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Options.Take(1).ToListAsync(); // binds the scope's connection and opens it
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            return new ByHand(
                Prepared(connection, """
                    SELECT "Id", "IsOther", "Label", "Position", "QuestionId" FROM "SurveysOptions"
                    WHERE "QuestionId" = @key ORDER BY "Position", "Id"
                    """),
                Prepared(connection, """
                    SELECT "Id", "Kind", "MaxSelections", "Position", "Required", "Section", "SurveyId", "Text"
                    FROM "SurveysQuestions" WHERE "SurveyId" = @key ORDER BY "Position", "Id"
                    """));
        }

        public int Options(Guid question)
        {
            options.Parameters[0].Value = question;
            var rows = new List<QuestionOption>();
            using var reader = options.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new QuestionOption
                {
                    Id = reader.GetGuid(0),
                    IsOther = reader.GetBoolean(1),
                    Label = reader.GetString(2),
                    Position = reader.GetInt32(3),
                    QuestionId = reader.GetGuid(4),
                });
            }

            return rows.Count;
        }

        public int Questions(Guid survey)
        {
            questions.Parameters[0].Value = survey;
            var rows = new List<Question>();
            using var reader = questions.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new Question
                {
                    Id = reader.GetGuid(0),
                    Kind = Enum.Parse<QuestionKind>(reader.GetString(1)),
                    MaxSelections = reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    Position = reader.GetInt32(3),
                    Required = reader.GetBoolean(4),
                    Section = reader.IsDBNull(5) ? null : reader.GetString(5),
                    SurveyId = reader.GetGuid(6),
                    Text = reader.GetString(7),
                });
            }

            return rows.Count;
        }

        public async ValueTask DisposeAsync()
        {
            await options.DisposeAsync();
            await questions.DisposeAsync();
        }

        private static SqliteCommand Prepared(SqliteConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new SqliteParameter("@key", SqliteType.Text));
            command.Prepare();
            return command;
        }
    }
}
