using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InterAssociatif.Benchmarks;

/// <summary>
/// The hand-written reference of the pages benchmark: a minimal API that answers
/// <c>{ __typename }</c>, <c>schema/operations/DirectoryPage.graphql</c> (with <c>asOf</c>) and
/// <c>MeetingPage.graphql</c> (with <c>id</c>, see <see cref="ReferenceMeetingPage"/>) from the
/// same SQLite file as the host, with plain ADO.NET on one connection per request, writing the same
/// JSON. It lives with the benchmarks only; the benchmark checks that both answers are equal.
/// </summary>
internal static class ReferenceServer
{
    // The SQL commands and connections of the request being answered, and of the last one answered
    // (served at GET /costs for the benchmark's count, which sends one request at a time).
    private static readonly AsyncLocal<int[]> Costs = new();
    private static int[] _last = [0, 0];

    public static async Task RunAsync(string database, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString();
        app.MapGet("/costs", () => Results.Json(new { commands = _last[0], connections = _last[1] }));
        app.MapPost("/graphql", async (HttpContext http) =>
        {
            using var request = await JsonDocument.ParseAsync(http.Request.Body);
            var query = request.RootElement.GetProperty("query").GetString();
            http.Response.ContentType = "application/graphql-response+json";
            if (query == "{ __typename }")
            {
                await http.Response.Body.WriteAsync("{\"data\":{\"__typename\":\"Query\"}}"u8.ToArray());
                return;
            }

            var variables = request.RootElement.GetProperty("variables");
            var costs = Costs.Value = [0, 1];
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
            json.WriteStartObject();
            json.WriteStartObject("data");
            if (variables.TryGetProperty("id", out var meeting))
            {
                await ReferenceMeetingPage.WriteAsync(connection, json, meeting.GetString()!);
            }
            else
            {
                await AssociationsAsync(connection, json, variables.GetProperty("asOf").GetString()!);
                await InstitutionsAsync(connection, json);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync();
            _last = costs;
        });
        await app.RunAsync();
    }

    private static async Task AssociationsAsync(SqliteConnection connection, Utf8JsonWriter json, string asOf)
    {
        const string Where = "FROM DirectoryOrganizations WHERE Kind = 'Association' AND ArchivedAt IS NULL";
        var total = Convert.ToInt32(
            await Scalar(connection, $"SELECT COUNT(*) {Where}"), System.Globalization.CultureInfo.InvariantCulture);
        var page = await Rows(
            connection,
            $"SELECT Id, Name, Acronym {Where} ORDER BY NameKey, Id LIMIT 50",
            r => (Id: r.GetString(0), Name: r.GetString(1), Acronym: r.IsDBNull(2) ? null : r.GetString(2))
        );
        var ids = In(page.Select(p => p.Id));
        var memberships = (
            await Rows(
                connection,
                $"SELECT OrganizationId, AppliedOn, AdmittedOn, WithdrawnOn FROM DirectoryMemberships"
                    + $" WHERE OrganizationId IN ({ids}) AND AppliedOn <= $day"
                    + $" ORDER BY AppliedOn DESC, CreatedAt DESC",
                r =>
                    (
                        Organization: r.GetString(0),
                        Admitted: r.IsDBNull(2) ? null : r.GetString(2),
                        Withdrawn: r.IsDBNull(3) ? null : r.GetString(3)
                    ),
                ("$day", asOf)
            )
        )
            .GroupBy(m => m.Organization)
            .ToDictionary(g => g.Key, g => g.First());
        var neighbourhoods = (
            await Rows(
                connection,
                $"SELECT OrganizationId, Name FROM DirectoryOrganizationNeighbourhoods"
                    + $" WHERE OrganizationId IN ({ids})"
                    + $" ORDER BY NameKey",
                r => (r.GetString(0), r.GetString(1))
            )
        ).ToLookup(n => n.Item1, n => n.Item2);
        var themes = (
            await Rows(
                connection,
                $"SELECT o.OrganizationId, t.Name FROM DirectoryOrganizationThemes o"
                    + $" JOIN DirectoryThemes t ON t.Id = o.ThemeId"
                    + $" WHERE o.OrganizationId IN ({ids})"
                    + $" ORDER BY t.Position",
                r => (r.GetString(0), r.GetString(1))
            )
        ).ToLookup(t => t.Item1, t => t.Item2);

        json.WriteStartObject("associations");
        json.WriteNumber("totalCount", total);
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", total > page.Count);
        if (page.Count > 0)
        {
            json.WriteString("endCursor", Convert.ToBase64String(Encoding.UTF8.GetBytes($"cursor:{page.Count - 1}")));
        }
        else
        {
            json.WriteNull("endCursor");
        }

        json.WriteEndObject();
        json.WriteStartArray("nodes");
        foreach (var (id, name, acronym) in page)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("acronym", acronym);
            json.WriteString(
                "membershipStatus",
                !memberships.TryGetValue(id, out var m) ? "NONE"
                    : m.Withdrawn is { } w && string.CompareOrdinal(w, asOf) <= 0 ? "WITHDRAWN"
                    : m.Admitted is { } a && string.CompareOrdinal(a, asOf) <= 0 ? "MEMBER"
                    : "CANDIDATE"
            );
            json.WriteStartArray("neighbourhoods");
            foreach (var n in neighbourhoods[id])
            {
                json.WriteStringValue(n);
            }

            json.WriteEndArray();
            json.WriteStartArray("themes");
            foreach (var t in themes[id])
            {
                json.WriteStartObject();
                json.WriteString("name", t);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async Task InstitutionsAsync(SqliteConnection connection, Utf8JsonWriter json)
    {
        var page = await Rows(
            connection,
            "SELECT Id, Name, Acronym, ParentId FROM DirectoryOrganizations"
                + " WHERE Kind = 'Institution' AND ArchivedAt IS NULL"
                + " ORDER BY NameKey, Id LIMIT 20",
            r =>
                (
                    Id: r.GetString(0),
                    Name: r.GetString(1),
                    Acronym: r.IsDBNull(2) ? null : r.GetString(2),
                    Parent: r.IsDBNull(3) ? null : r.GetString(3)
                )
        );
        var ids = In(page.Select(p => p.Id));
        var parents = In(page.Where(p => p.Parent is not null).Select(p => p.Parent!));
        var related = await Rows(
            connection,
            $"SELECT Id, ParentId, Name FROM DirectoryOrganizations"
                + $" WHERE Id IN ({parents}) OR ParentId IN ({ids})"
                + $" ORDER BY NameKey",
            r => (Id: r.GetString(0), Parent: r.IsDBNull(1) ? null : r.GetString(1), Name: r.GetString(2))
        );
        var names = related.ToDictionary(r => r.Id, r => r.Name);
        var units = related.Where(r => r.Parent is not null).ToLookup(r => r.Parent!, r => r.Name);
        json.WriteStartObject("institutions");
        json.WriteStartArray("nodes");
        foreach (var (id, name, acronym, parent) in page)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("acronym", acronym);
            if (parent is null)
            {
                json.WriteNull("parent");
            }
            else
            {
                json.WriteStartObject("parent");
                json.WriteString("name", names[parent]);
                json.WriteEndObject();
            }

            json.WriteStartArray("units");
            foreach (var unit in units[id])
            {
                json.WriteStartObject();
                json.WriteString("name", unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Ids as SQL literals: they come from the database itself (uppercase Guid text), never from the request.
    /// </summary>
    private static string In(IEnumerable<string> ids) =>
        string.Join(',', ids.Select(id => $"'{id}'").DefaultIfEmpty("''"));

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Costs.Value![0]++;
        return await command.ExecuteScalarAsync();
    }

    internal static async Task<List<T>> Rows<T>(
        SqliteConnection connection,
        string sql,
        Func<SqliteDataReader, T> read,
        params (string Name, object Value)[] parameters
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        Costs.Value![0]++;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
