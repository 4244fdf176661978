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
            var result = await client.QueryAsync(SchemaCases.Document(mutation), new { input = SchemaCases.Input(SchemaCases.InputOf(mutation)) });
            var after = await EntriesAsync(name);
            var added = Assert.Single(after.Except(before));

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

            Assert.True(expected == added.Outcome, $"{name} as {role}: expected {expected}, the trail says {added.Outcome}");
            Assert.Equal(role == AuthorizationMatrix.Anonymous ? null : $"test-{role}", added.Subject);
        }
    }

    private sealed record Entry(string Id, string Outcome, string? Subject);

    private async Task<IReadOnlyList<Entry>> EntriesAsync(string operation)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "interassociatif.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"Outcome\", \"Subject\" FROM \"AuditEntries\" WHERE \"Operation\" = $operation";
        command.Parameters.AddWithValue("$operation", operation);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<Entry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return entries;
    }
}
