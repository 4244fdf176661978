namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// Finds a member written twice in one JSON object (<c>{"query": …, "query": …}</c>, or an input field twice in
/// <c>variables</c>). A JSON reader keeps one of the two values (System.Text.Json, under GraphQL.NET, the last), so
/// the request would run with a value its sender may not have meant; the transports refuse it instead, naming the
/// member by its path.
/// </summary>
internal static class RepeatedMembers
{
    /// <summary>Options that refuse a member written twice (<see cref="Find(string)"/> then says where).</summary>
    public static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The path of the first member written twice (<c>variables.input.title</c>, <c>payload.query</c>), or null when
    /// there is none — or when the text is not JSON at all, which the request's own reader reports.
    /// </summary>
    public static string? Find(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var strict = JsonDocument.Parse(json, Strict);
            return null;
        }
        catch (JsonException)
        {
            // Either a member twice or no JSON: read again without the check to tell which, and where.
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Find(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Find(string json) =>
        string.IsNullOrWhiteSpace(json) ? null : Find(Encoding.UTF8.GetBytes(json));

    private static string? Find(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (Find(item, $"{path}[{index++}]") is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                var at = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                if (!names.Add(member.Name))
                {
                    return at;
                }

                if (Find(member.Value, at) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
