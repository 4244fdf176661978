using System.Buffers;

namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// Reads a GraphQL request from HTTP as graphql-over-http defines it: the query string of a GET, or
/// a JSON body (other media types only with the preflight header, against cross-site requests),
/// within the body limit; batches and members given twice are refused. A request that cannot be read is a
/// typed failure.
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLHttpOptions> options)
{
    public const string PreflightHeader = "GraphQL-Require-Preflight";

    /// <summary>What the JSON reader throws for a body or message that is not a well-formed request.</summary>
    public static bool IsMalformed(Exception exception) =>
        exception is JsonException or FormatException or InvalidOperationException or NotSupportedException;

    /// <summary>Why a request could not be read: the status and the error to answer.</summary>
    public readonly record struct Failure(int Status, string Code, string Message);

    public async Task<(GraphQLRequest? Request, Failure? Failure)> ReadAsync(HttpContext http, bool isGet) =>
        isGet ? ReadQueryString(http.Request) : await ReadBodyAsync(http);

    private (GraphQLRequest? Request, Failure? Failure) ReadQueryString(HttpRequest request)
    {
        var query = request.Query;
        string[] parameters = ["query", "documentId", "operationName", "variables", "extensions"];
        if ((Repeated(name => query[name], parameters) ?? RepeatedInside(name => query[name])) is { } twice)
        {
            return (null, twice);
        }

        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"].ToString(),
                DocumentId = NullIfEmpty(query["documentId"].ToString()),
                OperationName = NullIfEmpty(query["operationName"].ToString()),
                Variables = NullIfEmpty(query["variables"].ToString()) is { } variables
                    ? serializer.Deserialize<Inputs>(variables)
                    : null,
                Extensions = NullIfEmpty(query["extensions"].ToString()) is { } extensions
                    ? serializer.Deserialize<Inputs>(extensions)
                    : null,
            }, null);
        }
        catch (Exception exception) when (IsMalformed(exception))
        {
            return (null, new Failure(
                StatusCodes.Status400BadRequest,
                "INVALID_REQUEST",
                "`variables` and `extensions` must be JSON objects."));
        }
    }

    /// <summary>
    /// A parameter given twice (<c>?query=…&amp;query=…</c>) is refused: read together, the values would be joined by
    /// a comma, which GraphQL reads as a space, and run as a document nobody wrote.
    /// </summary>
    private static Failure? Repeated(
        Func<string, Microsoft.Extensions.Primitives.StringValues> values, params string[] names) =>
        names.FirstOrDefault(name => values(name).Count > 1) is { } name
            ? new Failure(
                StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"`{name}` is given more than once: give it once.")
            : null;

    /// <summary>A member written twice in the JSON of <c>variables</c> or <c>extensions</c>.</summary>
    private static Failure? RepeatedInside(Func<string, Microsoft.Extensions.Primitives.StringValues> values) =>
        new[] { "variables", "extensions" }
            .Select(name => (name, path: RepeatedMembers.Find(values(name).ToString())))
            .FirstOrDefault(found => found.path is not null) is (var name, { } path)
            ? new Failure(
                StatusCodes.Status400BadRequest,
                "INVALID_REQUEST",
                $"`{name}.{path}` is given more than once: give each member once."
            )
            : null;

    private async Task<(GraphQLRequest? Request, Failure? Failure)> ReadBodyAsync(HttpContext http)
    {
        var request = http.Request;
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (string.IsNullOrEmpty(request.ContentType)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return (null, new Failure(
                StatusCodes.Status415UnsupportedMediaType,
                "UNSUPPORTED_MEDIA_TYPE",
                $"Send the request as {MediaTypes.Json}."));
        }

        var type = contentType.MediaType.Value?.ToLowerInvariant();
        var isSimple = type is "application/x-www-form-urlencoded" or "multipart/form-data" or "text/plain";
        if (isSimple && !request.Headers.ContainsKey(PreflightHeader))
        {
            return (null, new Failure(
                StatusCodes.Status400BadRequest,
                "PREFLIGHT_REQUIRED",
                $"A {type} request must carry the `{PreflightHeader}` header (protection against cross-site requests). "
                + $"Prefer {MediaTypes.Json}."));
        }

        if (type is "application/x-www-form-urlencoded" or "multipart/form-data")
        {
            var formOptions = new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                ValueLengthLimit = (int)Math.Min(limit, int.MaxValue),
                MultipartBodyLengthLimit = limit,
            };
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(formOptions, http.RequestAborted);
            }
            catch (InvalidDataException malformed)
            {
                // A form the reader cannot take apart (no boundary, a broken section, too many values): the client's.
                var message = $"The form body cannot be read: {malformed.Message}";
                return (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message));
            }

            var twice = Repeated(name => form[name], "query", "operationName", "variables")
                ?? RepeatedInside(name => form[name]);
            if (twice is not null)
            {
                return (null, twice);
            }

            try
            {
                return (new GraphQLRequest
                {
                    Query = form["query"].ToString(),
                    OperationName = NullIfEmpty(form["operationName"].ToString()),
                    Variables = NullIfEmpty(form["variables"].ToString()) is { } variables
                        ? serializer.Deserialize<Inputs>(variables)
                        : null,
                }, null);
            }
            catch (Exception exception)
                when (exception is JsonException or FormatException or InvalidOperationException)
            {
                return (null, new Failure(
                    StatusCodes.Status400BadRequest, "INVALID_REQUEST", "`variables` must be a JSON object."));
            }
        }

        if (type != MediaTypes.Json
            || (contentType.Charset.HasValue
                && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new Failure(
                StatusCodes.Status415UnsupportedMediaType,
                "UNSUPPORTED_MEDIA_TYPE",
                $"Send the request as {MediaTypes.Json} (UTF-8)."));
        }

        // Sized by Content-Length up to 64 KiB (a client announcing more must send it before the stream
        // grows), read through a pooled buffer: a page's request costs one allocation of its own size.
        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, 64 * 1024));
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return (null, TooLarge(limit));
                }

                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (body.Length == 0)
        {
            return (null, new Failure(
                StatusCodes.Status400BadRequest,
                "INVALID_REQUEST",
                "The request body is empty: send {\"query\": \"…\"}."));
        }

        body.Position = 0;
        if (FirstToken(body) == '[')
        {
            return (null, new Failure(
                StatusCodes.Status400BadRequest,
                "BATCHING_NOT_SUPPORTED",
                "Batched requests (a JSON array) are not supported: send one operation per request."));
        }

        if (RepeatedMembers.Find(body.GetBuffer().AsMemory(0, (int)body.Length)) is { } repeated)
        {
            var message = $"`{repeated}` is given more than once in the request body: give each member once.";
            return (null, new Failure(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message));
        }

        try
        {
            body.Position = 0;
            var parsed = await serializer.ReadAsync<GraphQLRequest>(body, http.RequestAborted);
            return parsed is null
                ? (null, new Failure(
                    StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body must be a JSON object."))
                : (parsed, null);
        }
        catch (Exception exception) when (IsMalformed(exception))
        {
            return (null, new Failure(
                StatusCodes.Status400BadRequest,
                "INVALID_REQUEST",
                "The request body is not a valid GraphQL request: a JSON object with a string `query`, optional "
                + "`operationName` (string) and `variables` (object)."));
        }
    }

    private static char? FirstToken(Stream body)
    {
        int b;
        while ((b = body.ReadByte()) >= 0)
        {
            if (!char.IsWhiteSpace((char)b))
            {
                return (char)b;
            }
        }

        return null;
    }

    private static Failure TooLarge(long limit) =>
        new(
            StatusCodes.Status413PayloadTooLarge,
            "REQUEST_TOO_LARGE",
            $"The request body exceeds the limit of {limit} bytes.");

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
