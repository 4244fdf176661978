using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace InterAssociatif.Meetings.Attachments;

/// <summary>
/// Upload (<c>POST /meetings/{meetingId}/attachments?title=…&amp;fileName=…</c>, the body being the
/// file and <c>Content-Type</c> its media type; coordinators) and download
/// (<c>GET /attachments/{attachmentId}</c>, with the same authorization as the minutes).
/// </summary>
internal sealed class AttachmentEndpoints(AttachmentStore store) : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Roles are declared here and checked by the handlers rather than by an endpoint policy, so that a denied
        // attempt is in the audit trail like any other.
        endpoints.MapPost("/meetings/{meetingId}/attachments", UploadAsync)
            .DisableAntiforgery()
            .OpenTo(Roles.Coordinator);
        endpoints.MapGet("/attachments/{attachmentId}", DownloadAsync).OpenTo(MeetingRoles.Participants);
    }

    private async Task<IResult> UploadAsync(HttpContext http, string meetingId, string? title, string? fileName)
    {
        var result = await StoreAsync(http, meetingId, title, fileName);
        await AuditAsync(http, "uploadAttachment", result, meetingId);
        return result.Result;
    }

    private async Task<IResult> DownloadAsync(HttpContext http, string attachmentId)
    {
        var result = await OpenAsync(http, attachmentId);
        await AuditAsync(http, "downloadAttachment", result, attachmentId);
        return result.Result;
    }

    private static async Task AuditAsync(HttpContext http, string operation, Outcome result, string named)
    {
        if (http.RequestServices.GetService(typeof(IAuditTrail)) is IAuditTrail audit)
        {
            List<string> objects = [.. result.ObjectIds, named];
            await audit.RecordAsync(new AuditRecord(operation, http.User, objects.Distinct().ToList(), result.Audit), CancellationToken.None);
        }
    }

    /// <summary>A 401 or 403 when the caller may not call the endpoint; null when it may.</summary>
    private static async Task<Outcome?> DenyAsync(HttpContext http) =>
        await EndpointResults.DenyAsync(http) is { } denied ? new(denied, AuditOutcome.Denied, []) : null;

    private async Task<Outcome> StoreAsync(HttpContext http, string meetingId, string? title, string? fileName)
    {
        if (await DenyAsync(http) is { } denied)
        {
            return denied;
        }

        if (!GlobalId.TryDecode(meetingId, MeetingsTypeNames.Meeting, out var id))
        {
            return new(EndpointResults.NotFound("meetingId", "meeting", meetingId), AuditOutcome.Refused, []);
        }

        if (http.Request.ContentLength > store.Options.MaxBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, new InputValidationError("file", $"The file exceeds the limit of {store.Options.MaxBytes} bytes."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = store.Options.MaxBytes + 1;
        }

        var (attachment, refusal) = await store.StoreAsync(id, title, fileName, http.Request.ContentType, http.Request.Body, http.RequestAborted);
        if (refusal is not null)
        {
            return Problem(refusal.Status, refusal.Error);
        }

        var globalId = GlobalId.Encode(MeetingsTypeNames.Attachment, attachment!.Id);
        var created = Results.Created($"/attachments/{globalId}", new
        {
            id = globalId,
            title = attachment.Title,
            fileName = attachment.FileName,
            mediaType = attachment.MediaType,
            size = attachment.Size,
            sha256 = attachment.Sha256,
        });
        return new(created, AuditOutcome.Accepted, [globalId]);
    }

    private async Task<Outcome> OpenAsync(HttpContext http, string attachmentId)
    {
        if (await DenyAsync(http) is { } denied)
        {
            return denied;
        }

        if (!GlobalId.TryDecode(attachmentId, MeetingsTypeNames.Attachment, out var id) || await store.OpenAsync(id, http.RequestAborted) is not { } opened)
        {
            return new(EndpointResults.NotFound("attachmentId", "attachment", attachmentId), AuditOutcome.Refused, []);
        }

        var etag = new EntityTagHeaderValue($"\"{opened.Attachment.Sha256}\"");
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var stream = Results.Stream(opened.Content, opened.Attachment.MediaType, opened.Attachment.FileName, entityTag: etag, enableRangeProcessing: true);
        return new(stream, AuditOutcome.Accepted, []);
    }

    private static Outcome Problem(int status, UserError error) => new(EndpointResults.Problem(status, error), AuditOutcome.Refused, []);

    /// <summary>The response and what the audit trail records of it.</summary>
    private sealed record Outcome(IResult Result, AuditOutcome Audit, IReadOnlyList<string> ObjectIds);
}
