using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.Modules;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Meetings.Contracts;
using InterAssociatif.Meetings.Meetings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
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
        endpoints.MapPost("/meetings/{meetingId}/attachments", UploadAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Coordinator)).DisableAntiforgery();
        endpoints.MapGet("/attachments/{attachmentId}", DownloadAsync).RequireAuthorization(policy => policy.RequireRole(MeetingRoles.Participants));
    }

    private async Task<IResult> UploadAsync(HttpContext http, string meetingId, string? title, string? fileName)
    {
        if (!GlobalId.TryDecode(meetingId, MeetingsTypeNames.Meeting, out var id))
        {
            return Problem(StatusCodes.Status404NotFound, new NotFoundError("meetingId", "No meeting has this id.", meetingId));
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

        var globalId = GlobalId.Encode(AttachmentType.GraphQLName, attachment!.Id);
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
        if (!GlobalId.TryDecode(attachmentId, AttachmentType.GraphQLName, out var id) || await store.OpenAsync(id, http.RequestAborted) is not { } opened)
        {
            return Problem(StatusCodes.Status404NotFound, new NotFoundError("attachmentId", "No attachment has this id.", attachmentId));
        }

        var etag = new EntityTagHeaderValue($"\"{opened.Attachment.Sha256}\"");
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(opened.Content, opened.Attachment.MediaType, opened.Attachment.FileName, entityTag: etag, enableRangeProcessing: true);
    }

    private static IResult Problem(int status, UserError error) =>
        Results.Json(new { errors = new[] { new { message = error.Message, extensions = new { code = error.Code, field = error.Field } } } }, statusCode: status);
}
