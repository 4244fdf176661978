namespace InterAssociatif.Host.Tests.Generated;

/// <summary>
/// Generated from the live schema: every mutation called by every role (anonymous included) leaves
/// exactly one audit entry, whose outcome says what happened — DENIED for a role the schema
/// refuses, ACCEPTED or REFUSED (as the payload's errors say) for the others. The plain endpoints' calls (attachment
/// uploads and downloads, minutes downloads, response exports) are generated in <c>PlainEndpointAuditTests</c>.
/// </summary>
public sealed class AuditTrailTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    public static TheoryData<string> Mutations() =>
        new(SchemaCases.Mutations(SchemaCases.ForTheoryData).Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Every_role_calling_a_mutation_leaves_exactly_one_entry_with_its_outcome(string name)
    {
        var schema = SchemaCases.Schema(factory.Services);
        var mutation = schema.Mutation!.Fields.Find(name)!;
        var allowed = SchemaCases.AllowedRoles(mutation);
        foreach (var role in AuthorizationMatrix.Everyone)
        {
            var before = await EntriesAsync(name);
            var client = role == AuthorizationMatrix.Anonymous ? factory.GraphQL() : factory.GraphQL(role);
            var result = await client.QueryAsync(
                SchemaCases.Document(mutation), new { input = SchemaCases.Input(SchemaCases.InputOf(mutation)) });
            var after = await EntriesAsync(name);
            var added = Assert.Single(after.ExceptBy(before.Select(e => e.Id), e => e.Id));

            string expected;
            if (!allowed.Contains(role))
            {
                Assert.Contains("ACCESS_DENIED", result.ErrorCodes);
                expected = "Denied";
            }
            else
            {
                result.EnsureNoErrors();
                expected = result.PayloadErrors(name).Count == 0 ? "Accepted" : "Refused";
            }

            Assert.True(
                expected == added.Outcome, $"{name} as {role}: expected {expected}, the trail says {added.Outcome}");
            Assert.Equal(role == AuthorizationMatrix.Anonymous ? null : $"test-{role}", added.Subject);
        }
    }

    private Task<List<AuditTrailRows.Entry>> EntriesAsync(string operation) =>
        AuditTrailRows.ReadAsync(factory.DataDirectory, operation);
}

/// <summary>
/// The audit trail's entries of one operation as the host's database file holds them, with their objects.
/// </summary>
internal static class AuditTrailRows
{
    public sealed record Entry(string Id, string Outcome, string? Subject, IReadOnlyList<string> Objects);

    public static async Task<List<Entry>> ReadAsync(string dataDirectory, string operation)
    {
        var database = Path.Combine(dataDirectory, "interassociatif.db");
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e."Id", e."Outcome", e."Subject", o."ObjectId"
            FROM "AuditEntries" e LEFT JOIN "AuditObjects" o ON o."EntryId" = e."Id"
            WHERE e."Operation" = $operation
            """;
        command.Parameters.AddWithValue("$operation", operation);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string Id, string Outcome, string? Subject, string? Object)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows.GroupBy(r => (r.Id, r.Outcome, r.Subject))
            .Select(g => new Entry(
                g.Key.Id, g.Key.Outcome, g.Key.Subject, g.Select(r => r.Object).OfType<string>().ToList()))
            .ToList();
    }
}
