namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>
/// The first check of every document, for HTTP, SSE and WebSocket alike (it is the executer's
/// document builder): one pass over the text, before the parser, that stops as soon as a limit is
/// passed. It counts lexical tokens (repeated fields, long argument lists and fragment spreads all
/// cost tokens), aliases and selection nesting, so a hostile document is refused in time bounded by
/// the limits rather than by its length — and the parser and the validation rules, some of which
/// are quadratic in the number of fields, only ever see documents of bounded size. Refusals never
/// echo the document.
/// </summary>
internal sealed class DocumentSizeLimit(RequestLimitsOptions limits) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = Math.Max(64, (limits.MaxDepth * 2) + 8) };

    public GraphQLDocument Build(string body)
    {
        if (Measure(body, limits) is { } refusal)
        {
            throw refusal;
        }

        return _parser.Build(body);
    }

    /// <summary>Null when the document is within the limits; otherwise the request error to answer.</summary>
    public static ExecutionError? Measure(string body, RequestLimitsOptions limits)
    {
        var tokens = 0;
        var aliases = 0;
        var parentheses = 0;
        var braces = 0;
        var lastWasName = false;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < body.Length && body[i] is not '\n' and not '\r')
                {
                    i++;
                }

                continue;
            }

            if (++tokens > limits.MaxTokens)
            {
                return new ExecutionError(
                    $"The document has more than {limits.MaxTokens} tokens. Nothing was executed.")
                {
                    Code = "MAX_TOKENS_EXCEEDED"
                };
            }

            var wasName = lastWasName;
            lastWasName = false;
            switch (c)
            {
                case '"':
                    i = SkipString(body, i);
                    continue;
                case '(':
                    parentheses++;
                    break;
                case ')':
                    parentheses--;
                    break;
                case '{' when parentheses <= 0:
                    if (++braces > limits.MaxDepth + 2)
                    {
                        return new ExecutionError(
                            $"The document is nested more than {limits.MaxDepth} levels deep. Nothing was executed.")
                        {
                            Code = "MAX_DEPTH_EXCEEDED"
                        };
                    }

                    break;
                case '}' when parentheses <= 0:
                    braces--;
                    break;
                case ':' when parentheses <= 0 && wasName:
                    // `name:` outside arguments and variable definitions is an alias.
                    if (++aliases > limits.MaxAliases)
                    {
                        return new ExecutionError(
                            $"The document uses more than {limits.MaxAliases} aliases. Nothing was executed.")
                        {
                            Code = "MAX_ALIASES_EXCEEDED"
                        };
                    }

                    break;
                case '.' when i + 2 < body.Length && body[i + 1] == '.' && body[i + 2] == '.':
                    i += 3;
                    continue;
                default:
                    if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
                    {
                        while (i < body.Length
                            && (char.IsAsciiLetterOrDigit(body[i]) || body[i] is '_' or '-' or '.' or '+'))
                        {
                            i++;
                        }

                        lastWasName = char.IsAsciiLetter(c) || c == '_';
                        continue;
                    }

                    break;
            }

            i++;
        }

        return null;
    }

    /// <summary>The index after the string (or block string) starting at <paramref name="start"/>.</summary>
    private static int SkipString(string body, int start)
    {
        if (string.CompareOrdinal(body, start, "\"\"\"", 0, 3) == 0)
        {
            var i = start + 3;
            while (i < body.Length)
            {
                if (body[i] == '\\' && string.CompareOrdinal(body, i + 1, "\"\"\"", 0, 3) == 0)
                {
                    i += 4;
                }
                else if (string.CompareOrdinal(body, i, "\"\"\"", 0, 3) == 0)
                {
                    return i + 3;
                }
                else
                {
                    i++;
                }
            }

            return i;
        }

        for (var i = start + 1; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    return i + 1;
                case '\n' or '\r':
                    return i;
            }
        }

        return body.Length;
    }
}
