namespace InterAssociatif.Testing;

/// <summary>
/// A module's authorization matrix as theory rows (query, role, allowed), and the one check every
/// cell gets: an allowed query is answered without error; a forbidden one is refused before
/// execution — ACCESS_DENIED only, no data, 401 for an anonymous caller and 403 otherwise, and no
/// SQL command sent.
/// </summary>
public sealed class AuthorizationMatrix : TheoryData<string, string, bool>
{
    public const string Anonymous = "anonymous";

    public static readonly string[] Everyone = [Anonymous, "partner", "member", "analyst", "coordinator"];

    public AuthorizationMatrix Row(string query, params string[] allowed)
    {
        foreach (var role in Everyone)
        {
            Add(query, role, allowed.Contains(role));
        }

        return this;
    }

    public static async Task AssertAsync(InterAssociatifFactory factory, string query, string role, bool allowed)
    {
        var client = role == Anonymous ? factory.GraphQL() : factory.GraphQL(role);
        factory.SqlCommands.Reset();
        var result = await client.QueryAsync(query);
        if (allowed)
        {
            result.EnsureNoErrors();
            // An allowed row must bring data back, or it proves nothing; a row that checks only the
            // decision taken before execution asks for no record, explicitly (`first: 0`).
            var data = Assert.IsType<JsonObject>(result.Data);
            Assert.All(data, field => Assert.False(!query.Contains("first: 0", StringComparison.Ordinal) &&
                (field.Value is null or JsonArray { Count: 0 }
                    || field.Value is JsonObject { } o && o["nodes"] is JsonArray { Count: 0 }),
                $"allowed, but `{field.Key}` came back empty: the row proves nothing ({query})"));
            // SQLite prepares a statement whose LIMIT is bound again at every bind: page sizes go in the SQL.
            Assert.All(factory.SqlCommands.Recent, sql =>
                Assert.DoesNotContain("LIMIT @", sql, StringComparison.Ordinal));
            return;
        }

        Assert.Equal("ACCESS_DENIED", Assert.Single(result.ErrorCodes.Distinct()));
        Assert.All(
            result.Errors,
            e =>
                Assert.True(
                    e!["path"] is JsonArray { Count: > 0 },
                    $"an ACCESS_DENIED error without the path of the refused field: {e.ToJsonString()}"));
        Assert.Null(result.Data);
        Assert.Equal(role == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, result.Status);
        // A refused request reads nothing and writes only its audit entry (a denied mutation).
        Assert.All(factory.SqlCommands.Recent, sql => Assert.Contains("Audit", sql, StringComparison.Ordinal));
    }
}

/// <summary>The built host, to run as a real process (CLI commands, kill-and-restart tests).</summary>
public static class BuiltHost
{
    /// <summary>
    /// tests/X/bin/&lt;Configuration&gt;/&lt;tfm&gt; →
    /// host/InterAssociatif.Host/bin/&lt;Configuration&gt;/&lt;tfm&gt;/InterAssociatif.Host.dll
    /// </summary>
    public static string Dll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(
            root, "host", "InterAssociatif.Host", "bin", output.Parent!.Name, output.Name, "InterAssociatif.Host.dll");
    }
}
