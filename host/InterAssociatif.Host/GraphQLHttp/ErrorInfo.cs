namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// Shapes every error as <c>{ message, locations, path, extensions: { code, … } }</c>: a stable
/// <c>code</c>, plus the error's own extensions (a trace id, the argument at fault). Exception
/// details and stack traces are never exposed.
/// Anonymous callers get no "Did you mean …?" suggestions: they would map the schema for a stranger.
/// </summary>
internal sealed partial class InterAssociatifErrorInfoProvider(IHttpContextAccessor http) : ErrorInfoProvider(
    new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeCodes = false })
{
    [System.Text.RegularExpressions.GeneratedRegex(
        @"\s*Did you mean .*$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Suggestion();

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (http.HttpContext?.User.Identity?.IsAuthenticated != true)
        {
            info.Message = Suggestion().Replace(info.Message, "");
        }

        var extensions = new Dictionary<string, object?>();
        if (executionError.Code is { Length: > 0 } code)
        {
            extensions["code"] = code;
        }

        if (executionError.Extensions is { } own)
        {
            foreach (var (key, value) in own)
            {
                extensions[key] = value;
            }
        }

        return new ErrorInfo { Message = info.Message, Extensions = extensions.Count > 0 ? extensions : null };
    }
}

/// <summary>What a caller sees of an unexpected server fault: a fixed message and a trace id to quote.</summary>
internal sealed class ServerFaultError : ExecutionError
{
    public const string ErrorCode = "INTERNAL_SERVER_ERROR";

    public ServerFaultError(string traceId)
        : base($"An unexpected error occurred on the server. Quote trace id {traceId} when reporting it.")
    {
        Code = ErrorCode;
        Extensions = new Dictionary<string, object?> { ["traceId"] = traceId };
    }
}
