namespace InterAssociatif.Host.GraphQLHttp;

/// <summary>Content negotiation of the GraphQL over HTTP specification.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    /// <summary>
    /// The response media type for an <c>Accept</c> header: <c>application/graphql-response+json</c>
    /// when the client names it at least as highly as JSON; <c>application/json</c> when no header is
    /// sent or only wildcards match; null when neither is acceptable (406).
    /// </summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Json;
        }

        var (graphqlQuality, graphqlExplicit) = Quality(accept, GraphQLResponse);
        var (jsonQuality, _) = Quality(accept, Json);
        if (graphqlExplicit && graphqlQuality > 0 && graphqlQuality >= jsonQuality)
        {
            return GraphQLResponse;
        }

        if (jsonQuality > 0)
        {
            return Json;
        }

        return graphqlQuality > 0 ? GraphQLResponse : null;
    }

    /// <summary>Whether a browser asks for a page (explicit text/html at least as wanted as JSON).</summary>
    public static bool PrefersHtml(IList<MediaTypeHeaderValue> accept)
    {
        var (htmlQuality, htmlExplicit) = Quality(accept, Html);
        var (jsonQuality, jsonExplicit) = Quality(accept, Json);
        var (graphqlQuality, graphqlExplicit) = Quality(accept, GraphQLResponse);
        return htmlExplicit && htmlQuality > 0
            && (!jsonExplicit || htmlQuality >= jsonQuality)
            && (!graphqlExplicit || htmlQuality >= graphqlQuality);
    }

    /// <summary>
    /// The quality the most specific matching range gives a media type (RFC 9110 §12.5.1). Ranges
    /// are matched exactly: <c>application/json</c> does not cover
    /// <c>application/graphql-response+json</c>, whatever structured-suffix rules say.
    /// </summary>
    private static (double Quality, bool Explicit) Quality(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        var type = mediaType[..mediaType.IndexOf('/', StringComparison.Ordinal)];
        var bestSpecificity = -1;
        var quality = 0.0;
        foreach (var range in accept)
        {
            var specificity = range.MatchesAllTypes ? 0
                : range.MatchesAllSubTypes && range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? 1
                : range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1.0;
            }
        }

        return (quality, bestSpecificity == 2);
    }
}
