namespace InterAssociatif.Governance.Webhooks;

/// <summary>
/// A partner tool's HTTP callback: one more reader of the durable log, whose cursor (<see cref="Position"/>) is
/// kept here. It receives, in log order and one at a time, the events of the kinds it asked for; the event at
/// the head of its queue is retried on the schedule until the receiver answers 2xx, holding back the later
/// ones. A lease (<see cref="LeaseHolder"/> until <see cref="LeaseUntil"/>) lets one host instance at a time
/// deliver to it.
/// </summary>
internal sealed class WebhookEndpoint : IHasId
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;

    public Guid Id { get; set; }

    [MaxLength(UrlMaxLength)] public string Url { get; set; } = "";

    [MaxLength(DescriptionMaxLength)] public string? Description { get; set; }

    /// <summary>The event kinds it receives, space-separated (<c>decision.recorded followUp.changed</c>).</summary>
    public string Events { get; set; } = "";

    public Guid? BodyId { get; set; }

    public Guid? ThemeId { get; set; }

    /// <summary>
    /// Who registered it and manages it: <c>key:{id}</c> for an API key, <c>user:{subject}</c> otherwise.
    /// </summary>
    public string Owner { get; set; } = "";

    /// <summary>The signing secret, protected at rest (ASP.NET Core Data Protection).</summary>
    [MaxLength(1000)] public string Secret { get; set; } = "";

    /// <summary>
    /// The secret it replaced at its last rotation, still signing until <see cref="PreviousSecretUntil"/>.
    /// </summary>
    [MaxLength(1000)] public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretUntil { get; set; }

    public WebhookEndpointStatus Status { get; set; }

    /// <summary>
    /// Why deliveries stopped, when <see cref="Status"/> is <see cref="WebhookEndpointStatus.Disabled"/>.
    /// </summary>
    [MaxLength(WebhookAttempt.ErrorMaxLength + 200)] public string? DisabledReason { get; set; }

    /// <summary>The last log sequence handled: delivered, or skipped as not matching.</summary>
    public long Position { get; set; }

    /// <summary>Failed attempts at the event at the head of its queue.</summary>
    public int Failures { get; set; }

    /// <summary>When the head of its queue is tried again after a failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    [MaxLength(200)] public string? LeaseHolder { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<WebhookEventKind> EventKinds =>
        Events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WebhookEvents.KindOf).ToList();
}

/// <summary>One attempt to deliver one event to one endpoint: the delivery log.</summary>
internal sealed class WebhookAttempt : IHasId
{
    public const int ErrorMaxLength = 400;

    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    public long Sequence { get; set; }

    [MaxLength(40)] public string EventType { get; set; } = "";

    /// <summary>1 for the first attempt at this event (a replay starts again at 1).</summary>
    public int Attempt { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    [MaxLength(ErrorMaxLength)] public string? Error { get; set; }

    public int DurationMs { get; set; }

    public bool Succeeded { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
}

/// <summary>An event asked to be delivered once more to an endpoint, ahead of its queue.</summary>
internal sealed class WebhookRedelivery : IHasId
{
    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    public long Sequence { get; set; }
}

[Description("Whether an endpoint receives events.")]
internal enum WebhookEndpointStatus
{
    [Description("Events are delivered.")]
    Active,

    [Description("Paused by its owner: events wait in the log, delivered in order once resumed.")]
    Paused,

    [Description(
        "Stopped by the server (retries exhausted, or its API key revoked): see `disabledReason`; resume it once fixed."
    )]
    Disabled,
}

[Description("A kind of governance event a webhook endpoint can receive.")]
internal enum WebhookEventKind
{
    [Description("`decision.recorded`: a decision entered the register.")]
    DecisionRecorded,

    [Description("`decision.statusChanged`: a decision was amended or revoked.")]
    DecisionStatusChanged,

    [Description("`followUp.changed`: a follow-up was marked done or cancelled.")]
    FollowUpChanged,
}

/// <summary>Event kinds as the durable log, the API and the webhook body name them.</summary>
internal static class WebhookEvents
{
    private static readonly (WebhookEventKind Kind, string LogKind, string Type)[] Names =
    [
        (WebhookEventKind.DecisionRecorded, GovernanceEvent.DecisionRecorded, "decision.recorded"),
        (WebhookEventKind.DecisionStatusChanged, GovernanceEvent.DecisionStatusChanged, "decision.statusChanged"),
        (WebhookEventKind.FollowUpChanged, GovernanceEvent.FollowUpChanged, "followUp.changed"),
    ];

    /// <summary>The body's <c>type</c>, e.g. <c>decision.recorded</c>.</summary>
    public static string Type(WebhookEventKind kind) => Names.Single(n => n.Kind == kind).Type;

    public static WebhookEventKind KindOf(string type) => Names.Single(n => n.Type == type).Kind;

    /// <summary>The kind as the durable log names it.</summary>
    public static string LogKind(WebhookEventKind kind) => Names.Single(n => n.Kind == kind).LogKind;

    /// <summary>The kind of a log event; null for a kind webhooks do not carry.</summary>
    public static WebhookEventKind? FromLog(string logKind) =>
        Names.FirstOrDefault(n => n.LogKind == logKind) is { Type: not null } name ? name.Kind : null;
}
