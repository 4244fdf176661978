using System.Security.Claims;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>One mutation as the audit trail keeps it: who, which operation, which objects, and whether it took effect.</summary>
/// <param name="Operation">The mutation field, e.g. <c>recordDecision</c>.</param>
/// <param name="User">The caller.</param>
/// <param name="ObjectIds">Global ids of the object changed and of the objects the input names.</param>
/// <param name="Succeeded">False when the payload carried errors (nothing was written).</param>
public sealed record AuditRecord(string Operation, ClaimsPrincipal? User, IReadOnlyList<string> ObjectIds, bool Succeeded);

/// <summary>Where every mutation is recorded (implemented by the host).</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}
