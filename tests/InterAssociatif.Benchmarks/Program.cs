using InterAssociatif.Benchmarks;
using InterAssociatif.Surveys.Results;

if (args.Length > 2 && args[0] == "reference")
{
    await ReferenceServer.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 0 && args[0] == "pages")
{
    int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : otherwise;
    await PagesBenchmark.RunAsync(seconds: Arg(1, 15), rounds: Arg(2, 3), connections: Arg(3, 16));
    return;
}

if (args.Length > 0 && args[0] == "subscribers")
{
    await SubscribersBenchmark.RunAsync(
        subscribers: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000,
        decisions: args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);
    return;
}

if (args.Length > 0 && args[0] == "webhooks")
{
    int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : otherwise;
    await WebhooksBenchmark.RunAsync(endpoints: Arg(1, 50), decisions: Arg(2, 100), slow: Arg(3, 1));
    return;
}

if (args.Length > 0 && args[0] == "instances")
{
    await InstancesBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200);
    return;
}

if (args.Length > 0 && args[0] == "commands")
{
    await CommandsBenchmark.RunAsync(
        iterations: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        rounds: args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] == "calendar")
{
    await CalendarBenchmark.RunAsync(
        meetings: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000,
        reads: args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 51);
    return;
}

if (args.Length > 0 && args[0] == "refusals")
{
    await RefusalBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
    return;
}

// Survey aggregates over N responses × Q questions, on a real SQLite file, through the module's
// own composition. Usage: dotnet run -c Release --project tests/InterAssociatif.Benchmarks -- [responses] [questions]
// [runs]
var responses = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var questions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;

var folder = Path.Combine(Path.GetTempPath(), "interassociatif-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")}" };
var counter = new SqlCommandCounter();
var services = new ServiceCollection();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IInterceptor>(counter);
new SurveysModule().ConfigureServices(new ModuleServices(services, new ConfigurationBuilder().Build(), database));
await using var provider = services.BuildServiceProvider();
foreach (var module in provider.GetServices<IModuleDatabase>())
{
    await module.MigrateAsync(CancellationToken.None);
}

var factory = provider.GetRequiredService<IDbContextFactory<SurveysDbContext>>();
var load = Stopwatch.StartNew();
Guid surveyId;
await using (var db = await factory.CreateDbContextAsync())
{
    surveyId = await SurveyLoad.CreateAsync(db, responses, questions, seed: 2017);
}

Console.WriteLine(
    $"Loaded {responses} responses × {questions} questions in {load.Elapsed.TotalSeconds:F1} s "
    + $"({new FileInfo(Path.Combine(folder, "bench.db")).Length / 1024 / 1024} MiB).");

var results = provider.GetRequiredService<ResultsService>();
var asOf = DateTimeOffset.UtcNow;
var timings = new List<double>();
for (var run = 0; run <= runs; run++)
{
    counter.Reset();
    var watch = Stopwatch.StartNew();
    var computed = await results.ComputeAsync(surveyId, asOf, minimumCell: 1, CancellationToken.None);
    foreach (var question in computed!.Survey.Questions)
    {
        _ = ResultsService.Ranking(new QuestionResult(computed, question));
        _ = ResultsService.Matrix(new QuestionResult(computed, question));
    }

    watch.Stop();
    if (run > 0)
    {
        timings.Add(watch.Elapsed.TotalMilliseconds); // run 0 warms up
    }

    if (run == runs)
    {
        Console.WriteLine($"Respondents: {computed.Respondents}; SQL commands per computation: {counter.Count}");
    }
}

timings.Sort();
Console.WriteLine(
    $"Aggregates over {runs} runs: median {timings[timings.Count / 2]:F1} ms, min {timings[0]:F1} ms, max "
    + $"{timings[^1]:F1} ms");
if (Environment.GetEnvironmentVariable("KEEP_BENCH_DB") is { Length: > 0 } keep)
{
    File.Copy(
    Path.Combine(folder, "bench.db"), keep, overwrite: true);
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
