namespace InterAssociatif.Host.Tests.Generated;

/// <summary>
/// Generated from the live schema: every mutation called by every role (anonymous included) leaves
/// exactly one audit entry, whose outcome says what happened — DENIED for a role the schema
/// refuses, ACCEPTED or REFUSED (as the payload's errors say) for the others. Attachment uploads and
/// downloads are in the trail too.
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

    [Fact]
    public async Task Attachment_uploads_and_downloads_are_in_the_trail_accepted_refused_or_denied()
    {
        var meeting = (await factory.GraphQL("coordinator").QueryAsync("{ meetings(first: 1) { nodes { id } } }")).EnsureNoErrors().String("meetings.nodes[0].id")!;
        async Task<HttpStatusCode> Upload(string? role, byte[] bytes)
        {
            using var client = factory.CreateClient();
            if (role is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token(role));
            }

            using var body = new ByteArrayContent(bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var response = await client.PostAsync($"/meetings/{meeting}/attachments?title=Diaporama&fileName=diaporama.pdf", body);
            return response.StatusCode;
        }

        async Task<HttpStatusCode> Download(string? role, string id)
        {
            using var client = factory.CreateClient();
            if (role is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token(role));
            }

            using var response = await client.GetAsync($"/attachments/{id}");
            return response.StatusCode;
        }

        var before = await EntriesAsync("uploadAttachment");
        Assert.Equal(HttpStatusCode.Created, await Upload("coordinator", "%PDF-1.7\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Upload("coordinator", "pas un PDF"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Forbidden, await Upload("partner", "%PDF-1.7\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, await Upload(null, "%PDF-1.7\n"u8.ToArray()));
        var uploads = (await EntriesAsync("uploadAttachment")).Except(before).ToList();
        Assert.Equal(["Accepted", "Denied", "Denied", "Refused"], uploads.Select(u => u.Outcome).Order());

        var attachment = (await factory.GraphQL("coordinator").QueryAsync("query($id: ID!) { meeting(id: $id) { attachments { id } } }", new { id = meeting }))
            .EnsureNoErrors().String("meeting.attachments[0].id")!;
        before = await EntriesAsync("downloadAttachment");
        Assert.Equal(HttpStatusCode.OK, await Download("partner", attachment));
        Assert.Equal(HttpStatusCode.NotFound, await Download("partner", GlobalId.Encode("Attachment", Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.Unauthorized, await Download(null, attachment));
        var downloads = (await EntriesAsync("downloadAttachment")).Except(before).ToList();
        Assert.Equal(["Accepted", "Denied", "Refused"], downloads.Select(d => d.Outcome).Order());
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
