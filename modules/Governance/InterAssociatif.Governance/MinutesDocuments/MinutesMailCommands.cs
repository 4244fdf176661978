namespace InterAssociatif.Governance.MinutesDocuments;

[Description("Sends the minutes to the meeting's distribution list, one message per person with an email address.")]
internal sealed record SendMinutesInput(
    [Description("The meeting."), References(MeetingsTypeNames.Meeting)] Guid MeetingId,
    [Description("The published revision to send; the latest by default.")] int? Revision = null,
    [Description("Send the draft « pour relecture » (only while the minutes are a draft).")] bool? ForReview = null,
    [Description(
        "Send again to recipients who already received this text. Without it, only those who have not "
            + "received it yet (new on the list, or whose sending failed) get it."
    )]
        bool? Resend = null
);
