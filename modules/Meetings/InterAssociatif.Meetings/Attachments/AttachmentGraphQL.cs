namespace InterAssociatif.Meetings.Attachments;

internal sealed class AttachmentType : NodeType<Attachment>
{
    public AttachmentType()
        : base(
            MeetingsTypeNames.Attachment,
            "A file attached to a meeting (pièce jointe). Download it from `downloadUrl` with the same credentials.")
    {
        this.AuthorizeWithRoles(MeetingRoles.Participants);
        Field(a => a.Title).Description("Its title, e.g. « Présentation de la séance ».");
        Field(a => a.FileName).Description("Its file name.");
        Field(a => a.MediaType).Description("Its media type, e.g. application/pdf.");
        Field(a => a.Size).Description("Its size in bytes.");
        Field(a => a.Sha256).Description("SHA-256 of the content (hex): check a download against it.");
        Field<NonNullGraphType<StringGraphType>>("downloadUrl")
            .Description("Where to download it (GET, same authorization as the minutes).")
            .Resolve(ctx => $"/attachments/{GlobalId.Encode(MeetingsTypeNames.Attachment, ctx.Source.Id)}");
        Field(a => a.CreatedAt).Description("When it was uploaded.");
    }
}
