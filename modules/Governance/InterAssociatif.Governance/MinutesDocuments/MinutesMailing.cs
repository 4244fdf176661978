namespace InterAssociatif.Governance.MinutesDocuments;

[Description("Where the sending of the minutes to one recipient stands.")]
internal enum MinutesMailingStatus
{
    [Description("Being sent now (a sending in progress holds the recipient).")]
    Sending,

    [Description("Accepted by the SMTP server.")]
    Sent,

    [Description("Refused or not delivered to the SMTP server; `sendMinutes` again retries it.")]
    Failed,
}

/// <summary>
/// The minutes of a meeting sent to one address: which text (a published revision, or the draft « pour relecture »
/// as revision 0), when, how many attempts and the last outcome. One row per meeting, revision and address.
/// </summary>
internal sealed class MinutesMailing : IHasId
{
    public const int AddressMaxLength = 320;
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    /// <summary>The revision number sent; 0 for the draft sent « pour relecture ».</summary>
    public int Revision { get; set; }

    [MaxLength(AddressMaxLength)] public string Address { get; set; } = "";

    /// <summary>The Directory person the address is theirs.</summary>
    public Guid? PersonId { get; set; }

    public MinutesMailingStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset LastAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The SMTP server's answer to the last failed attempt.</summary>
    [MaxLength(ErrorMaxLength)] public string? Error { get; set; }
}

/// <summary>
/// The SMTP server the minutes are sent through (<c>Smtp:*</c>); without a host, sending answers NOT_CONFIGURED.
/// </summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender: « Mission Politique de la Ville &lt;politique.ville@example.org&gt; ».</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// <c>Auto</c> (STARTTLS when offered, TLS on 465), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.
    /// </summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.Auto;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
