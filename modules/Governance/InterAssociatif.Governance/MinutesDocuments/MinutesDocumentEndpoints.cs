using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace InterAssociatif.Governance.MinutesDocuments;

/// <summary>
/// <c>GET /meetings/{meetingId}/minutes.docx|.html|.md</c> (<c>?revision=n</c>): the compte rendu rendered from
/// the record, with the minutes' own authorization (a draft for coordinators only), an ETag and a French file name.
/// </summary>
internal sealed class MinutesDocumentEndpoints(MinutesDocumentReader reader) : IEndpointContributor
{
    public static readonly IReadOnlyDictionary<string, MinutesFormat> Formats = Enum.GetValues<MinutesFormat>()
        .ToDictionary(MinutesFormats.Extension, StringComparer.OrdinalIgnoreCase);

    /// <summary>The path of a format's download, as <c>Minutes.downloads</c> gives it.</summary>
    public static string PathOf(Guid meetingId, MinutesFormat format) =>
        $"/meetings/{GlobalId.Encode(MeetingsTypeNames.Meeting, meetingId)}/minutes.{MinutesFormats.Extension(format)}";

    /// <summary>Every download, refused or not, is in the audit trail, as attachment downloads are.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/meetings/{meetingId}/minutes.{extension}", DownloadAsync)
            .OpenTo(GovernanceRoles.Readers)
            .Audited("downloadMinutes", "meetingId");

    private async Task<IResult> DownloadAsync(HttpContext http, string meetingId, string extension, string? revision)
    {
        if (!Formats.TryGetValue(extension, out var format))
        {
            return EndpointResults.Problem(
                StatusCodes.Status404NotFound,
                new NotFoundError(
                    "format",
                    $"The minutes are served as {string.Join(", ", Formats.Keys.Select(k => "." + k))}.",
                    null
                )
            );
        }

        int? number = null;
        if (revision is not null)
        {
            if (!int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return EndpointResults.Problem(
                    StatusCodes.Status400BadRequest,
                    new InputValidationError("revision", "A revision is a number from 1.")
                );
            }

            number = n;
        }

        if (!GlobalId.TryDecode(meetingId, MeetingsTypeNames.Meeting, out var id))
        {
            return EndpointResults.NotFound("meetingId", "meeting", meetingId);
        }

        MinutesDocument? document;
        UserError? missing;
        string? hash;
        try
        {
            (document, missing, hash) = await reader.ReadAsync(id, number, http.User, http.RequestAborted);
        }
        catch (GraphQLRunException refused) when (refused.Message.Contains("ACCESS_DENIED", StringComparison.Ordinal))
        {
            return EndpointResults.Problem(
                StatusCodes.Status403Forbidden, new InputValidationError("meetingId", refused.Message));
        }

        if (document is null)
        {
            return EndpointResults.Problem(StatusCodes.Status404NotFound, missing!);
        }

        var etag = new EntityTagHeaderValue($"\"{hash}-{MinutesFormats.Extension(format)}\"");
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (format == MinutesFormat.Html)
        {
            // The page is self-contained: no script, no request anywhere.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        }

        var disposition = new ContentDispositionHeaderValue(format == MinutesFormat.Html ? "inline" : "attachment");
        disposition.SetHttpFileName(document.FileName(MinutesFormats.Extension(format)));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(MinutesFormats.Write(document, format), MinutesFormats.MediaType(format), entityTag: etag);
    }
}
