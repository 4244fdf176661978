using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace InterAssociatif.Governance.Webhooks;

/// <summary>
/// An endpoint with its signing secret, shown once: when it is registered and when the secret is rotated.
/// </summary>
internal sealed record IssuedWebhookSecret(WebhookEndpoint Endpoint, string Secret);

/// <summary>
/// Published when an endpoint changes in a way the delivery worker must see at once (every instance's).
/// </summary>
internal sealed record WebhookEndpointChanged(Guid EndpointId);

/// <summary>
/// Registers and manages webhook endpoints. A partner tool (its API key) or a person manages only the endpoints
/// it registered; coordinators manage all. Secrets are kept protected (Data Protection) and shown once.
/// </summary>
internal sealed class WebhookService(
    IDbContextFactory<GovernanceDbContext> factory,
    WebhookAddresses addresses,
    IDataProtectionProvider protection,
    IOptions<WebhookOptions> options,
    IEventBus events,
    TimeProvider time
)
{
    private readonly IDataProtector _secrets = protection.CreateProtector("InterAssociatif.Governance.Webhooks.Secret");

    /// <summary>Whether <paramref name="user"/> may see and manage <paramref name="endpoint"/>.</summary>
    public static bool CanManage(WebhookEndpoint endpoint, ClaimsPrincipal? user) =>
        user.IsCoordinator() || endpoint.Owner == user.Owner();

    /// <summary>The secrets that sign a delivery now: the current one, and the previous during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(WebhookEndpoint endpoint)
    {
        var secrets = new List<string> { _secrets.Unprotect(endpoint.Secret) };
        if (endpoint is { PreviousSecret: { } previous, PreviousSecretUntil: { } until } && until > time.GetUtcNow())
        {
            secrets.Add(_secrets.Unprotect(previous));
        }

        return secrets;
    }

    public async Task<MutationResult<IssuedWebhookSecret>> RegisterAsync(
        RegisterWebhookEndpointInput command, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var url = errors.Line("url", command.Url, WebhookEndpoint.UrlMaxLength, required: true);
        var description = errors.Text(
            "description", command.Description, WebhookEndpoint.DescriptionMaxLength, required: false);
        if (command.Events.Count == 0)
        {
            errors.Add(new InputValidationError("events", "Give at least one kind of event."));
        }
        else if (!Scopes.Allows(user, Scopes.ReadDecisions))
        {
            // Deliveries carry decisions: what the key could not read, its webhook may not receive.
            const string Needed = "Events carry decisions: the API key needs READ_DECISIONS too.";
            errors.Add(new InputValidationError("events", Needed));
        }

        if (url is not null)
        {
            // Before the transaction: resolving a name may take a while, and holds no lock.
            await addresses.CheckAsync(errors, "url", url, cancellationToken);
        }

        var secret = NewSecret();
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var now = time.GetUtcNow();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            Url = url ?? "",
            Description = description,
            Events = string.Join(' ', command.Events.Distinct().Order().Select(WebhookEvents.Type)),
            BodyId = command.BodyId,
            ThemeId = command.ThemeId,
            Owner = user.Owner(),
            Secret = _secrets.Protect(secret),
            Status = WebhookEndpointStatus.Active,
            // From now on: what was recorded before is in the register, or replayed on request.
            Position = await change.Db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0,
            CreatedAt = now,
            Version = 1,
        };
        change.Db.WebhookEndpoints.Add(endpoint);
        return await Issued(await change.CommitAsync(endpoint, "webhook endpoint"), secret, cancellationToken);
    }

    public Task<MutationResult<WebhookEndpoint>> PauseAsync(
        PauseWebhookEndpointInput command, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, user, cancellationToken, (endpoint, _, errors) =>
        {
            if (endpoint.Status != WebhookEndpointStatus.Active)
            {
                errors.Add(
                    new ConflictError(
                        "id", $"Only an active endpoint can be paused; this one is {endpoint.Status.GraphQLName()}.")
                );
            }

            endpoint.Status = WebhookEndpointStatus.Paused;
            return Task.CompletedTask;
        });

    public Task<MutationResult<WebhookEndpoint>> ResumeAsync(
        ResumeWebhookEndpointInput command, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, user, cancellationToken, (endpoint, _, _) =>
        {
            (endpoint.Status, endpoint.DisabledReason) = (WebhookEndpointStatus.Active, null);
            (endpoint.Failures, endpoint.NextAttemptAt) = (0, null);
            return Task.CompletedTask;
        });

    public async Task<MutationResult<WebhookEndpoint>> DeleteAsync(
        DeleteWebhookEndpointInput command, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var endpoint = await FindAsync(change, command.Id, user);
        if (endpoint is null)
        {
            return change.Fail<WebhookEndpoint>();
        }

        await change.Db.WebhookAttempts.Where(a => a.EndpointId == endpoint.Id).ExecuteDeleteAsync(cancellationToken);
        await change
            .Db.WebhookRedeliveries.Where(r => r.EndpointId == endpoint.Id)
            .ExecuteDeleteAsync(cancellationToken);
        change.Db.WebhookEndpoints.Remove(endpoint);
        return await change.CommitAsync(endpoint, "webhook endpoint");
    }

    public async Task<MutationResult<IssuedWebhookSecret>> RotateSecretAsync(
        RotateWebhookSecretInput command, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        var changed = await ChangeAsync(command.Id, user, cancellationToken, (endpoint, _, _) =>
        {
            (endpoint.PreviousSecret, endpoint.Secret) = (endpoint.Secret, _secrets.Protect(secret));
            endpoint.PreviousSecretUntil = time.GetUtcNow() + options.Value.SecretOverlap;
            return Task.CompletedTask;
        });
        return await Issued(changed, secret, cancellationToken);
    }

    public Task<MutationResult<WebhookEndpoint>> ReplayAsync(
        ReplayWebhookEventsInput command, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, user, cancellationToken, async (endpoint, db, errors) =>
        {
            if (await PositionAsync(db, errors, "after", command.After, cancellationToken) is { } after)
            {
                (endpoint.Position, endpoint.Failures, endpoint.NextAttemptAt) = (after, 0, null);
            }
        });

    public Task<MutationResult<WebhookEndpoint>> RedeliverAsync(
        RedeliverWebhookEventInput command, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, user, cancellationToken, async (endpoint, db, errors) =>
        {
            if (
                await PositionAsync(db, errors, "position", command.Position, cancellationToken) is not { } sequence
            )
            {
                return;
            }

            var logged = await db
                .Events.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken);
            if (
                logged is null
                || WebhookEvents.FromLog(logged.Kind) is not { } kind
                || !endpoint.EventKinds.Contains(kind)
            )
            {
                errors.Add(
                    new InputValidationError(
                        "position", "`position` is not an event of a kind this endpoint receives.")
                );
                return;
            }

            db.WebhookRedeliveries.Add(
                new WebhookRedelivery
                {
                    Id = Guid.CreateVersion7(time.GetUtcNow()),
                    EndpointId = endpoint.Id,
                    Sequence = sequence,
                }
            );
            (endpoint.Failures, endpoint.NextAttemptAt) = (0, null);
        });

    private static string NewSecret() => $"whsec_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>
    /// A log position given as a feed cursor, from 0 to the newest event; errors name <paramref name="field"/>.
    /// </summary>
    private static async Task<long?> PositionAsync(
        GovernanceDbContext db, ErrorList errors, string field, string cursor, CancellationToken cancellationToken)
    {
        long? position;
        try
        {
            position = GovernanceFeedItem.Position(cursor);
        }
        catch (ExecutionError)
        {
            position = null;
        }

        var head = await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (position is not { } value || value < 0 || value > head)
        {
            errors.Add(
                new InputValidationError(
                    field,
                    $"`{field}` is not a position of the event log "
                        + "(a `position` of a delivery, or `decisionFeedPosition`)."
                )
            );
            return null;
        }

        return value;
    }

    private async Task<MutationResult<WebhookEndpoint>> ChangeAsync(
        Guid id,
        ClaimsPrincipal? user,
        CancellationToken cancellationToken,
        Func<WebhookEndpoint, GovernanceDbContext, ErrorList, Task> apply
    )
    {
        var errors = new ErrorList();
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var endpoint = await FindAsync(change, id, user);
        if (endpoint is null)
        {
            return change.Fail<WebhookEndpoint>();
        }

        await apply(endpoint, change.Db, errors);
        endpoint.Version++;
        var result = await change.CommitAsync(endpoint, "webhook endpoint");
        if (result.Value is not null)
        {
            await events.PublishAsync(new WebhookEndpointChanged(endpoint.Id), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The endpoint to change; one the caller may not manage is as unknown as one that does not exist.
    /// </summary>
    private static async Task<WebhookEndpoint?> FindAsync(
        Change<GovernanceDbContext> change, Guid id, ClaimsPrincipal? user)
    {
        var endpoint = await change.FindAsync(
            change.Db.WebhookEndpoints, id, "id", GovernanceTypeNames.WebhookEndpoint, "webhook endpoint");
        if (endpoint is not null && !CanManage(endpoint, user))
        {
            change.Errors.Add(
                new NotFoundError(
                    "id", "No webhook endpoint has this id.", GlobalId.Encode(GovernanceTypeNames.WebhookEndpoint, id))
            );
            return null;
        }

        return endpoint;
    }

    private async Task<MutationResult<IssuedWebhookSecret>> Issued(
        MutationResult<WebhookEndpoint> result, string secret, CancellationToken cancellationToken)
    {
        if (result.Value is not { } endpoint)
        {
            return MutationResult<IssuedWebhookSecret>.Fail(result.Errors);
        }

        await events.PublishAsync(new WebhookEndpointChanged(endpoint.Id), cancellationToken);
        return MutationResult<IssuedWebhookSecret>.Ok(new IssuedWebhookSecret(endpoint, secret));
    }
}
