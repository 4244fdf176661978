using InterAssociatif.Kernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>Ends a mutation's transaction: commits, or turns a lost race into a CONFLICT error.</summary>
public static class Commits
{
    /// <summary>
    /// Saves and commits. A concurrent edit (the concurrency token changed) becomes a CONFLICT on
    /// <c>input.version</c>; a unique index refusing the row becomes a CONFLICT on
    /// <paramref name="uniqueField"/>. Either way nothing is written.
    /// </summary>
    public static async Task<MutationResult<T>> CommitAsync<T>(
        this DbContext db,
        IDbContextTransaction transaction,
        T value,
        string record,
        CancellationToken cancellationToken,
        string uniqueField = "input",
        string? uniqueMessage = null)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return MutationResult<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MutationResult<T>.Fail(new ConflictError("version", $"The {record} was changed by someone else meanwhile; reload it and try again."));
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return MutationResult<T>.Fail(new ConflictError(uniqueField, uniqueMessage ?? $"Another {record} already has this value."));
        }
    }
}
