namespace InterAssociatif.Governance.Webhooks;

[Description("A webhook endpoint to register: where to post, which events, which decisions.")]
internal sealed record RegisterWebhookEndpointInput(
    [Description("The receiver's URL: HTTPS, on a public address (names are resolved and checked).")]
    [Line(WebhookEndpoint.UrlMaxLength)]
    string Url,
    [Description("The kinds of events it receives; at least one.")] IReadOnlyList<WebhookEventKind> Events,
    [Description("Only events of decisions of this body."), References(GovernanceTypeNames.Body)] Guid? BodyId,
    [Description("Only events of decisions concerning this theme."), References(DirectoryTypeNames.Theme)]
        Guid? ThemeId,
    [Description("What it is for, for whoever manages it."), Text(WebhookEndpoint.DescriptionMaxLength)]
    string? Description
);

[Description("Stops deliveries to an endpoint; events wait in the log.")]
internal sealed record PauseWebhookEndpointInput(
    [Description("The endpoint."), References(GovernanceTypeNames.WebhookEndpoint)] Guid Id);

[Description("Starts deliveries again, from where they stopped, with a fresh retry schedule.")]
internal sealed record ResumeWebhookEndpointInput(
    [Description("The endpoint."), References(GovernanceTypeNames.WebhookEndpoint)] Guid Id);

[Description("Removes an endpoint and its delivery log.")]
internal sealed record DeleteWebhookEndpointInput(
    [Description("The endpoint."), References(GovernanceTypeNames.WebhookEndpoint)] Guid Id);

[Description("Issues a new signing secret; the old one keeps signing for the configured overlap.")]
internal sealed record RotateWebhookSecretInput(
    [Description("The endpoint."), References(GovernanceTypeNames.WebhookEndpoint)] Guid Id);

[Description("Delivers again, in order, every event of the endpoint's kinds after a position of the log.")]
internal sealed record ReplayWebhookEventsInput(
    [Description("The endpoint."), References(GovernanceTypeNames.WebhookEndpoint)] Guid Id,
    [Description("A position (`position` of a delivered body, or `decisionFeedPosition`); the events after it.")]
        string After
);

[Description("Delivers one event to an endpoint once more, ahead of its queue.")]
internal sealed record RedeliverWebhookEventInput(
    [Description("The endpoint."), References(GovernanceTypeNames.WebhookEndpoint)] Guid Id,
    [Description("The event's position (`position` of its body).")] string Position
);
