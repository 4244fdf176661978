namespace InterAssociatif.Host.Access;

/// <summary>Writes each mutation's audit entry (one SQL transaction per entry).</summary>
internal sealed class AuditTrail(IDbContextFactory<AccessDbContext> factory, TimeProvider time) : IAuditTrail
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            Operation = record.Operation,
            Subject = record.User?.FindFirst(InterAssociatifClaims.Subject)?.Value,
            Role = record.User?.FindFirst(InterAssociatifClaims.Role)?.Value,
            CredentialId = Guid.TryParse(record.User?.FindFirst(Scopes.CredentialClaimType)?.Value, out var credential)
                ? credential
                : null,
            Succeeded = record.Succeeded,
            Outcome = record.Outcome,
        };
        entry.Objects = record.ObjectIds.Where(id => id.Length <= 200)
            .Distinct()
            .Select(id => new AuditObject { EntryId = entry.Id, ObjectId = id })
            .ToList();
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        db.AuditEntries.Add(entry);

        // The mutation has already committed: its record is written even if the caller has gone.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
