namespace InterAssociatif.Kernel.Authorization;

/// <summary>
/// Whether a partner credential (an API key, by the id its identity carries in
/// <see cref="Scopes.CredentialClaimType"/>) still works: neither revoked nor expired. The host provides it, for
/// work a module does later on a credential's behalf (a webhook delivery).
/// </summary>
public interface ICredentialStatus
{
    /// <summary>Null when the credential works; otherwise why not, as a code (<c>API_KEY_REVOKED</c>, …).</summary>
    Task<string?> RefusalAsync(Guid credentialId, CancellationToken cancellationToken);
}
