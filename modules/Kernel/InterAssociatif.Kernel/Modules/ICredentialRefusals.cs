namespace InterAssociatif.Kernel.Modules;

/// <summary>Why the credentials of a request were refused: the error's code and message, and the challenge.</summary>
public sealed record CredentialRefusal(string Code, string Message, string Challenge);

/// <summary>
/// Tells why the credentials a request carries are refused (the host knows its schemes: bearer tokens, API keys);
/// null when it carries none or they hold. The GraphQL endpoint and <see cref="EndpointResults.DenyAsync"/> answer
/// with it, so a download says « token expired » as a query does.
/// </summary>
public interface ICredentialRefusals
{
    Task<CredentialRefusal?> RefusalAsync(HttpContext http);
}
