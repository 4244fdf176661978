namespace InterAssociatif.Host.Execution;

/// <summary>
/// The trusted documents: the operations of <c>schema/operations/</c>, listed in its <c>manifest.json</c>
/// (<c>sha256:&lt;hex of the SHA-256 of the file's UTF-8 bytes&gt;</c> → the text; written by
/// <c>schema export</c>). A client may send <c>documentId</c> instead of <c>query</c> (GET, POST, SSE and
/// the WebSocket's <c>subscribe</c> alike). With <c>GraphQL:TrustedDocuments:Only</c>, a document that is
/// not in the manifest is refused before it is parsed, except for the roles of
/// <c>GraphQL:TrustedDocuments:AdHocRoles</c> (analysts and coordinators explore in the IDE).
/// </summary>
internal sealed class TrustedDocuments
{
    public const string ManifestFileName = "manifest.json";

    private readonly IReadOnlyDictionary<string, string> _documents;
    private readonly bool _only;
    private readonly string[] _adHocRoles;

    public TrustedDocuments(IConfiguration configuration)
        : this(
            Load(Path.Combine(AppContext.BaseDirectory, "operations", ManifestFileName)),
            configuration.GetValue("GraphQL:TrustedDocuments:Only", false),
            configuration.GetSection("GraphQL:TrustedDocuments:AdHocRoles").Get<string[]>()
                ?? [Roles.Analyst, Roles.Coordinator]
        )
    { }

    internal TrustedDocuments(IReadOnlyDictionary<string, string> documents, bool only, string[] adHocRoles) =>
        (_documents, _only, _adHocRoles) = (documents, only, adHocRoles);

    /// <summary>The id of a document: <c>sha256:</c> and the lowercase hex SHA-256 of its UTF-8 text.</summary>
    public static string Id(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The manifest of a folder of operations, ordered by id, as <c>schema export</c> writes it.</summary>
    public static string Manifest(string operationsFolder) =>
        JsonSerializer.Serialize(
            System
                .IO.Directory.EnumerateFiles(operationsFolder, "*.graphql")
                .Select(File.ReadAllText)
                .ToDictionary(Id, text => text)
                .OrderBy(d => d.Key, StringComparer.Ordinal)
                .ToDictionary(),
            new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }
        ) + "\n";

    /// <summary>
    /// Puts the text of a <c>documentId</c> in the request, and refuses what the configuration refuses
    /// (before anything is parsed); null when the request may go on.
    /// </summary>
    public ExecutionError? Resolve(GraphQLRequest request, ClaimsPrincipal user)
    {
        if (request.DocumentId is { } id)
        {
            if (!string.IsNullOrEmpty(request.Query))
            {
                return new ExecutionError("Send either `query` or `documentId`, not both. Nothing was executed.")
                {
                    Code = "INVALID_REQUEST",
                };
            }

            if (!_documents.TryGetValue(id, out var text))
            {
                return new ExecutionError(
                    $"`documentId`: no trusted document has the id `{Shorten(id)}` "
                        + "(ids are `sha256:` and 64 hex digits; see schema/operations/manifest.json). "
                        + "Nothing was executed."
                )
                {
                    Code = "DOCUMENT_NOT_FOUND",
                };
            }

            request.Query = text;
            return null;
        }

        if (
            _only
            && request.Query is { Length: > 0 } query
            && !_adHocRoles.Any(user.IsInRole)
            && !_documents.ContainsKey(Id(query))
        )
        {
            return new ExecutionError(
                "This API runs trusted documents only: send the `documentId` of an operation of "
                    + "schema/operations/manifest.json (or its exact text). Nothing was parsed or executed."
            )
            {
                Code = "TRUSTED_DOCUMENT_REQUIRED",
            };
        }

        return null;
    }

    private static string Shorten(string id) => id.Length > 80 ? id[..80] + "…" : id;

    private static IReadOnlyDictionary<string, string> Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : new Dictionary<string, string>();
}
