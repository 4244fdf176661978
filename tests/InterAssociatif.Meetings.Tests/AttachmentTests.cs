using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace InterAssociatif.Meetings.Tests;

/// <summary>
/// Attachments round-trip byte for byte, within a size limit and a list of media types, with the minutes'
/// authorization.
/// </summary>
public abstract class AttachmentTestsBase<TFactory>(TFactory factory)
    where TFactory : InterAssociatifFactory
{
    protected TFactory Factory { get; } = factory;

    protected HttpClient Client(string? role)
    {
        var client = Factory.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.Token(role));
        }

        return client;
    }

    protected async Task<HttpResponseMessage> UploadAsync(
        string meetingId,
        byte[] content,
        string mediaType,
        string role = "coordinator",
        string title = "Diaporama",
        string fileName = "diaporama.pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await Client(role)
            .PostAsync(
                $"/meetings/{meetingId}/attachments?title={Uri.EscapeDataString(title)}&fileName={Uri.EscapeDataString(fileName)}",
                body);
    }

    protected async Task<string> MeetingAsync() =>
        await Factory.GraphQL("coordinator")
            .ScheduleAsync("Réunion avec pièces jointes", new DateTimeOffset(2022, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_attachment_round_trips_byte_for_byte_with_its_size_and_sha256()
    {
        var meeting = await MeetingAsync();
        byte[] content = [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(300_000)];
        using var upload = await UploadAsync(meeting, content, "application/pdf");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var created = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), created["sha256"]!.GetValue<string>());
        Assert.Equal(content.Length, created["size"]!.GetValue<long>());

        var listed = (await Factory.GraphQL("partner")
            .QueryAsync(
                "query($id: ID!) { meeting(id: $id) { attachments { title size sha256 downloadUrl } } }",
                new { id = meeting }))
            .EnsureNoErrors();
        var url = listed.String("meeting.attachments[0].downloadUrl")!;
        using var download = await Client("partner").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        using var anonymous = await Client(null).GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Only_coordinators_upload_and_bad_files_are_refused_with_their_status()
    {
        var meeting = await MeetingAsync();
        using (var asMember = await UploadAsync(meeting, [1, 2, 3], "application/pdf", role: "member"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        }

        using (var executable = await UploadAsync(meeting, [0x4d, 0x5a], "application/x-msdownload"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, executable.StatusCode);
        }

        using (var unknownMeeting = await UploadAsync(
            Kernel.Relay.GlobalId.Encode("Meeting", Guid.CreateVersion7()), "%PDF-1.7"u8.ToArray(), "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownMeeting.StatusCode);
        }

        using (var noTitle = await UploadAsync(meeting, "%PDF-1.7"u8.ToArray(), "application/pdf", title: " "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
            Assert.Equal(
                "title",
                JsonNode.Parse(await noTitle.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["field"]!
                    .GetValue<string>());
        }

        // A file name or title with a line break (it would reach a header), any control character, or longer than the
        // 200 characters the README states is refused (200 pass, below).
        var cases = new[]
        {
            ("Diaporama", "a\r\nSet-Cookie: x=1.pdf", "fileName"),
            ("Dia\u0007porama", "d.pdf", "title"),
            (new string('t', 201), "d.pdf", "title"),
            ("Diaporama", new string('f', 197) + ".pdf", "fileName"),
        };
        foreach (var (title, fileName, field) in cases)
        {
            using var controlled = await UploadAsync(
                meeting, "%PDF-1.7"u8.ToArray(), "application/pdf", title: title, fileName: fileName);
            Assert.Equal(HttpStatusCode.BadRequest, controlled.StatusCode);
            var error = JsonNode.Parse(await controlled.Content.ReadAsStringAsync())!["errors"]![0]!;
            Assert.Equal(field, error["extensions"]!["field"]!.GetValue<string>());
            Assert.Matches(
                "must be one line|must not contain control characters|must be at most 200 characters",
                error["message"]!.GetValue<string>());
        }

        var listed = (await Factory.GraphQL("coordinator")
            .QueryAsync("query($id: ID!) { meeting(id: $id) { attachments { id } } }", new { id = meeting }))
            .EnsureNoErrors();
        Assert.Empty(listed.At("meeting.attachments")!.AsArray());

        using var longest = await UploadAsync(
            meeting,
            "%PDF-1.7"u8.ToArray(),
            "application/pdf",
            title: new string('t', 200),
            fileName: new string('f', 196) + ".pdf");
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
    }

    /// <summary>
    /// Every allowed media type × a file of every kind: accepted exactly when the bytes are of the declared kind.
    /// </summary>
    [Fact]
    public async Task The_bytes_must_be_of_the_declared_media_type()
    {
        var meeting = await MeetingAsync();
        var samples = SampleFiles.All();
        var accepted = 0;
        foreach (var declared in SampleFiles.AllowedMediaTypes)
        {
            foreach (var (kind, bytes) in samples)
            {
                using var response = await UploadAsync(meeting, bytes, declared, fileName: "piece.bin");
                var expected = SampleFiles.Fits(kind, declared)
                    ? HttpStatusCode.Created
                    : HttpStatusCode.UnsupportedMediaType;
                Assert.True(
                    expected == response.StatusCode,
                    $"{kind} declared as {declared}: {(int)response.StatusCode} "
                    + $"{await response.Content.ReadAsStringAsync()}");
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted++;
                }
                else
                {
                    Assert.Equal(
                        "file",
                        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]![
                            "field"]!
                            .GetValue<string>());
                }
            }
        }

        var listed = (await Factory.GraphQL("coordinator")
            .QueryAsync("query($id: ID!) { meeting(id: $id) { attachments { id } } }", new { id = meeting }))
            .EnsureNoErrors();
        Assert.Equal(accepted, listed.At("meeting.attachments")!.AsArray().Count);
    }
}

/// <summary>Small files of every kind the host accepts, plus kinds it must refuse.</summary>
internal static class SampleFiles
{
    public static readonly string[] AllowedMediaTypes =
    [
        "application/pdf", "text/plain", "text/markdown", "text/csv", "image/png", "image/jpeg",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];

    public static IReadOnlyList<(string Kind, byte[] Bytes)> All() =>
    [
        ("application/pdf", [.. "%PDF-1.4\n%âãÏÓ\n"u8, .. RandomNumberGenerator.GetBytes(64)]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(64)]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, .. RandomNumberGenerator.GetBytes(64)]),
        ("text", System.Text.Encoding.UTF8.GetBytes(
            "Ordre du jour : élection du comité de pilotage ; 63 % pour une place tournante.\n")),
        ("application/vnd.oasis.opendocument.text", Zip(
            ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"))),
        ("application/vnd.oasis.opendocument.spreadsheet", Zip(
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<office:document-content/>"))),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip(
            ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip(
            ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"))),
        ("executable", [0x4D, 0x5A, 0x90, 0x00, .. RandomNumberGenerator.GetBytes(64)]),
        ("latin-1 text", [.. System.Text.Encoding.Latin1.GetBytes("Comité de pilotage, réunion du 14 décembre")]),
        ("zip", Zip(("notes.txt", "rien"))),
    ];

    public static bool Fits(string kind, string declared) =>
        kind == declared || (kind == "text" && declared.StartsWith("text/", StringComparison.Ordinal));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(
            buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

public sealed class DatabaseAttachmentTests(DatabaseAttachmentTests.SmallLimitFactory factory)
    : AttachmentTestsBase<DatabaseAttachmentTests.SmallLimitFactory>(factory), IClassFixture<DatabaseAttachmentTests.SmallLimitFactory>
{
    [Fact]
    public async Task A_file_over_the_configured_limit_gets_413_and_nothing_is_stored()
    {
        var meeting = await MeetingAsync();
        using var response = await UploadAsync(meeting, new byte[600_001], "application/pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var listed = (await Factory.GraphQL("coordinator")
            .QueryAsync("query($id: ID!) { meeting(id: $id) { attachments { id } } }", new { id = meeting }))
            .EnsureNoErrors();
        Assert.Empty(listed.At("meeting.attachments")!.AsArray());
    }

    public sealed class SmallLimitFactory : InterAssociatifFactory
    {
        public SmallLimitFactory() =>
            With("Meetings:Attachments:MaxBytes", "600000").With("Database:SeedDemoData", "false");
    }
}

public sealed class FolderAttachmentTests(FolderAttachmentTests.FolderFactory factory)
    : AttachmentTestsBase<FolderAttachmentTests.FolderFactory>(factory), IClassFixture<FolderAttachmentTests.FolderFactory>
{
    [Fact]
    public async Task With_a_folder_configured_the_bytes_live_in_the_folder_and_no_temporary_file_is_left()
    {
        var meeting = await MeetingAsync();
        byte[] content = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(1000)];
        var before = System.IO.Directory.GetFiles(Factory.Folder);
        using var upload = await UploadAsync(meeting, content, "image/png", fileName: "logo.png");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var files = System.IO.Directory.GetFiles(Factory.Folder).Except(before);
        Assert.Equal(content, await File.ReadAllBytesAsync(Assert.Single(files)));
    }

    [Fact]
    public async Task An_upload_cut_off_midway_leaves_no_attachment_and_no_file_behind()
    {
        var meeting = await MeetingAsync();
        var body = new StreamContent(new BrokenStream(bytesBeforeFailure: 200_000));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            Client("coordinator").PostAsync($"/meetings/{meeting}/attachments?title=Coupé&fileName=coupe.pdf", body));

        var listed = (await Factory.GraphQL("coordinator")
            .QueryAsync("query($id: ID!) { meeting(id: $id) { attachments { id } } }", new { id = meeting }))
            .EnsureNoErrors();
        Assert.Empty(listed.At("meeting.attachments")!.AsArray());
        Assert.Empty(
            System.IO.Directory.Exists(Factory.Folder) ? System.IO.Directory.GetFiles(Factory.Folder, ".upload-*") : []);
    }

    /// <summary>A request body that fails partway, as when the client or the process goes away mid-upload.</summary>
    private sealed class BrokenStream(int bytesBeforeFailure) : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= bytesBeforeFailure)
            {
                throw new IOException("Connection lost mid-upload.");
            }

            var n = Math.Min(count, bytesBeforeFailure - _sent);
            Array.Fill(buffer, (byte)7, offset, n);
            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    public sealed class FolderFactory : InterAssociatifFactory
    {
        public FolderFactory()
        {
            Folder = Path.Combine(DataDirectory, "attachments");
            With("Meetings:Attachments:Folder", Folder).With("Database:SeedDemoData", "false");
        }

        public string Folder { get; }
    }
}
