using Snapshooter;
using Snapshooter.Xunit;

namespace InterAssociatif.Host.Tests.Schema;

/// <summary>
/// Each example operation of <c>schema/operations/</c> says in its header which roles may run it
/// (<c># Roles: …</c>) and where its required variables come from
/// (<c># Variable $id = path from { query }</c>, or literal values in <c># Example variables: {…}</c>). Each is run as
/// each of those roles on the demo data
/// and must answer without errors and with data in every top-level field; every other role must be
/// refused. (Subscriptions are left to the subscription tests, which run them over both transports, and
/// mutations to the tests of their feature, which run them from these files.)
/// What each page shows its most trusted role is a reviewed snapshot (<c>__snapshots__/</c>).
/// </summary>
public sealed partial class ExampleOperationTests(InterAssociatifFactory factory)
    : IClassFixture<InterAssociatifFactory>
{
    public static TheoryData<string, string> Cases() => Roles(named: true);

    public static TheoryData<string, string> OtherRoles() => Roles(named: false);

    private static TheoryData<string, string> Roles(bool named)
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Files())
        {
            var roles = Header(file).Roles;
            foreach (var role in AuthorizationMatrix.Everyone.Where(r => roles.Contains(r) == named))
            {
                data.Add(Path.GetFileName(file), role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task An_operation_is_refused_to_the_roles_its_header_does_not_name(string file, string role)
    {
        var result = await RunAsync(file, role);
        Assert.True(
            result.ErrorCodes.Contains("ACCESS_DENIED"),
            $"{file} as {role} was not refused: {result.Body.ToJsonString()}");
    }

    [Fact]
    public void Every_operation_names_its_roles()
    {
        Assert.All(Files(), file => Assert.NotEmpty(Header(file).Roles));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_operation_runs_for_every_role_its_header_names_with_data_and_no_error(string file, string role)
    {
        var result = await RunAsync(file, role);
        Assert.True(result.Errors.Count == 0, $"{file} as {role}: {result.Body.ToJsonString()}");
        var data = Assert.IsType<JsonObject>(result.Data);
        Assert.All(
            data,
            field =>
                Assert.True(
                    field.Value is not null && (field.Value is not JsonObject o || o.Count > 0),
                    $"{file} as {role}: `{field.Key}` is empty"));
        Assert.All(
            data,
            field =>
                Assert.False(
                    field.Value is JsonObject { } o && o["nodes"] is JsonArray { Count: 0 },
                    $"{file} as {role}: `{field.Key}` has no nodes"));
    }

    /// <summary>
    /// Every loader a page uses, for every role that may run it, is compiled once: none captured more than its
    /// keys (which would translate it again at every batch, unseen but in the CPU). Loaders of any test of this
    /// assembly count too: each is meant to be compiled.
    /// </summary>
    [Fact]
    public async Task Every_page_reads_through_compiled_loaders_only()
    {
        foreach (var (file, role) in Cases().Select(c => ((string)c[0], (string)c[1])))
        {
            Assert.Empty((await RunAsync(file, role)).Errors);
        }

        Assert.Empty(InterAssociatif.Kernel.DataLoading.TranslatedLoaders.Names);
    }

    /// <summary>
    /// Every read a page sends, as every role its header names, finds its rows through an index: SQLite's plan of
    /// each command (<c>EXPLAIN QUERY PLAN</c> on the test's database) scans no table, in full or along a whole
    /// index, but the list a page of a list walks (the command's own table, with a <c>LIMIT</c>) and what a count
    /// counts; and a page of a list walks an index in the list's order rather than sorting every row its filter
    /// keeps (no top-level temporary B-tree for the <c>ORDER BY</c>, unless an index is searched for each value of
    /// an <c>IN</c> list). A read by key that scans a table, or a page that sorts the whole list, is fast on the
    /// demo data and slows with every row the network records.
    /// </summary>
    [Fact]
    public async Task Every_read_of_a_page_finds_its_rows_through_an_index()
    {
        var scans = new List<string>();
        _ = factory.Services; // the host, its database and the demo data
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "interassociatif.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var (file, role) in Cases().Select(c => ((string)c[0], (string)c[1])))
        {
            Assert.Empty((await RunAsync(file, role, beforeRun: factory.SqlCommands.Reset)).Errors);
            foreach (var sql in factory.SqlCommands.Recent.Distinct())
            {
                var found = await ScansAsync(connection, sql);
                scans.AddRange(found.Select(scan => $"{file} as {role}: {scan} in\n{sql}"));
            }
        }

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    /// <summary>The tables <paramref name="sql"/> scans that it should find through an index.</summary>
    private static async Task<IReadOnlyList<string>> ScansAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        if (sql.StartsWith("SELECT COUNT(", StringComparison.Ordinal))
        {
            return [];
        }

        var tables = TableAlias().Matches(sql).ToList();
        var listed = tables.FirstOrDefault(t => Depth(sql, t.Index) == 0) is { } top
            && LimitClause().Matches(sql).Any(l => Depth(sql, l.Index) == 0)
            ? top.Groups["alias"].Value
            : null;
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var scans = new List<string>();
        var sorts = new List<string>();
        var searchesAList = false;
        await using var plan = await explain.ExecuteReaderAsync();
        while (await plan.ReadAsync())
        {
            var (detail, topLevel) = (plan.GetString(3), plan.GetInt32(1) == 0);
            searchesAList |= topLevel && detail.StartsWith("LIST SUBQUERY", StringComparison.Ordinal);
            if (listed is not null && topLevel && detail.StartsWith("USE TEMP B-TREE FOR", StringComparison.Ordinal))
            {
                sorts.Add($"{detail}: a page of a list sorts every row its filter keeps instead of walking an index");
            }

            if (ScanOf().Match(detail) is { Success: true } scan
                && tables.FirstOrDefault(t => t.Groups["alias"].Value == scan.Groups["alias"].Value) is { } table
                && table.Groups["alias"].Value != listed)
            {
                scans.Add($"{detail} ({table.Groups["table"].Value})");
            }
        }

        // An index searched for each value of a list (`Status IN (…)`) gives one ordered run per value; merging
        // them is a sort, and the rows sorted are those of the values asked for, not the table's.
        return searchesAList ? scans : [.. scans, .. sorts];
    }

    /// <summary>How many parentheses are open at <paramref name="index"/> of <paramref name="sql"/>.</summary>
    private static int Depth(string sql, int index) =>
        sql[..index].Count(c => c == '(') - sql[..index].Count(c => c == ')');

    [GeneratedRegex("FROM \"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"|JOIN \"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex("^LIMIT ", RegexOptions.Multiline)]
    private static partial Regex LimitClause();

    [GeneratedRegex("^SCAN (?<alias>\\w+)")]
    private static partial Regex ScanOf();

    public static TheoryData<string> Pages() => new(Files().Select(f => Path.GetFileName(f)));

    /// <summary>
    /// The page as the last role of its header sees it on the demo data, the SQL commands it costs and the
    /// connections they ran on (a second run, counted exactly), compared with its reviewed snapshot: a
    /// change of what a page shows or of what it costs is seen in review. Ids (and the addresses and paths
    /// holding them) and instants of recording are masked (they differ from one database to the next); everything
    /// else is the data itself.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_shows_what_its_reviewed_snapshot_shows(string file)
    {
        var role = Header(Files().Single(f => Path.GetFileName(f) == file)).Roles[^1];
        Assert.Empty((await RunAsync(file, role)).Errors);
        var result = await RunAsync(file, role, beforeRun: factory.SqlCommands.Reset);
        Assert.Empty(result.Errors);
        var page = Masked(result.Body.DeepClone());
        page["sqlCommands"] = factory.SqlCommands.Count;
        page["sqlConnections"] = factory.SqlCommands.ConnectionsUsed;
        Snapshot.Match(
            page.ToJsonString(Indented), SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(file)));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonNode Masked(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    var generated = key is "id" or "cursor" or "startCursor" or "endCursor" or "createdAt" or "updatedAt" or "recordedAt"
                        || key.EndsWith("Id", StringComparison.Ordinal) || key.EndsWith("Url", StringComparison.Ordinal)
                        // a path names ids
                        || (value is JsonValue path && path.TryGetValue<string>(out var text) && text.StartsWith('/'));
                    o[key] = value is null
                        ? null
                        : generated && value is JsonValue ? "(generated)" : Masked(value.DeepClone());
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    a[i] = a[i] is { } item ? Masked(item.DeepClone()) : null;
                }

                return a;
            default:
                return node;
        }
    }

    private async Task<GraphQLResult> RunAsync(string file, string role, Action? beforeRun = null)
    {
        var path = Files().Single(f => Path.GetFileName(f) == file);
        var (_, variables) = Header(path);
        var text = await File.ReadAllTextAsync(path);
        var bound = File.ReadLines(path).TakeWhile(l => l.StartsWith('#'))
            .Where(l => l.StartsWith("# Example variables:", StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l["# Example variables:".Length..])!.AsObject()).SingleOrDefault() ?? [];
        foreach (var (name, at, lookup) in variables)
        {
            var found = (await factory.GraphQL("coordinator").QueryAsync(lookup)).EnsureNoErrors();
            bound[name] = found.String(at)
                ?? throw new Xunit.Sdk.XunitException($"{file}: `{lookup}` has nothing at {at}");
        }

        var client = role == AuthorizationMatrix.Anonymous ? factory.GraphQL() : factory.GraphQL(role);
        beforeRun?.Invoke();
        return await client.QueryAsync(text, bound);
    }

    /// <summary>The pages: queries. Subscriptions and mutations are run by the tests of what they do.</summary>
    private static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(RepositoryFiles.Path("schema", "operations"), "*.graphql")
            .Order(StringComparer.Ordinal)
            .Where(f => File.ReadLines(f).SkipWhile(l => l.StartsWith('#')).FirstOrDefault() is { } first
                && first.StartsWith("query", StringComparison.Ordinal));

    private static (IReadOnlyList<string> Roles, IReadOnlyList<(string Name, string At, string Lookup)> Variables) Header(string file)
    {
        var lines = File.ReadLines(file).TakeWhile(l => l.StartsWith('#')).ToList();
        var roles = lines.Where(l => l.StartsWith("# Roles:", StringComparison.Ordinal))
            .SelectMany(l =>
                l["# Roles:".Length..]
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var variables = lines.Select(l => VariableLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["at"].Value, m.Groups["lookup"].Value)).ToList();
        return (roles, variables);
    }

    [GeneratedRegex(@"^# Variable \$(?<name>\w+) = (?<at>\S+) from (?<lookup>\{.*\})$")]
    private static partial Regex VariableLine();

}
