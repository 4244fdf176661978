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
        endpoints.MapPost("/meetings/{meetingId}/attachments", UploadAsync)
            .DisableAntiforgery()
            .OpenTo(Roles.Coordinator)
            .Audited("uploadAttachment", "meetingId");
        endpoints.MapGet("/attachments/{attachmentId}", DownloadAsync)
            .OpenTo(MeetingRoles.Participants)
            .Audited("downloadAttachment", "attachmentId");
    }

    private async Task<IResult> UploadAsync(HttpContext http, string meetingId, string? title, string? fileName)
    {
        if (!GlobalId.TryDecode(meetingId, MeetingsTypeNames.Meeting, out var id))
        {
            return EndpointResults.NotFound("meetingId", "meeting", meetingId);
        }

        if (http.Request.ContentLength > store.Options.MaxBytes)
        {
            return EndpointResults.Problem(
                StatusCodes.Status413PayloadTooLarge,
                new InputValidationError("file", $"The file exceeds the limit of {store.Options.MaxBytes} bytes."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = store.Options.MaxBytes + 1;
        }

        var (attachment, refusal) = await store.StoreAsync(
            id, title, fileName, http.Request.ContentType, http.Request.Body, http.RequestAborted);
        if (refusal is not null)
        {
            return EndpointResults.Problem(refusal.Status, refusal.Error);
        }

        var globalId = GlobalId.Encode(MeetingsTypeNames.Attachment, attachment!.Id);
        http.AuditNames(globalId);
        return Results.Created($"/attachments/{globalId}", new
        {
            id = globalId,
            title = attachment.Title,
            fileName = attachment.FileName,
            mediaType = attachment.MediaType,
            size = attachment.Size,
            sha256 = attachment.Sha256,
        });
    }

    private async Task<IResult> DownloadAsync(HttpContext http, string attachmentId)
    {
        if (!GlobalId.TryDecode(attachmentId, MeetingsTypeNames.Attachment, out var id)
            || await store.OpenAsync(id, http.RequestAborted) is not { } opened)
        {
            return EndpointResults.NotFound("attachmentId", "attachment", attachmentId);
        }

        var etag = new EntityTagHeaderValue($"\"{opened.Attachment.Sha256}\"");
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var (content, file) = (opened.Content, opened.Attachment);
        return Results.Stream(content, file.MediaType, file.FileName, entityTag: etag, enableRangeProcessing: true);
    }
}
