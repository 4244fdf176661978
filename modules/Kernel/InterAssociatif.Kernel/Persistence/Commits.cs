namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// A mutation's database work: one context, one transaction, the errors collected so far. It ends in
/// <see cref="CommitAsync{T}"/>, which writes nothing when there is any error; disposing an uncommitted
/// change rolls it back.
/// </summary>
public sealed class Change<TDb>(
    TDb db, IDbContextTransaction transaction, ErrorList errors, CancellationToken cancellationToken)
    : IAsyncDisposable
    where TDb : DbContext
{
    public TDb Db => db;

    public ErrorList Errors => errors;

    public CancellationToken CancellationToken => cancellationToken;

    public bool Failed => errors.Any;

    public MutationResult<T> Fail<T>()
        where T : class => MutationResult<T>.Fail(errors.Items);

    /// <summary>
    /// Loads a record to change; when none has <paramref name="id"/>, reports NOT_FOUND on <paramref name="field"/>.
    /// </summary>
    public async Task<T?> FindAsync<T>(IQueryable<T> records, Guid id, string field, string typeName, string noun)
        where T : class, IHasId
    {
        var found = await records.AsTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (found is null)
        {
            errors.Add(new NotFoundError(field, $"No {noun} has this id.", GlobalId.Encode(typeName, id)));
        }

        return found;
    }

    /// <summary>
    /// Loads a record to change as <see cref="FindAsync{T}(IQueryable{T}, Guid, string, string, string)"/> does; when
    /// the caller names the version it read (<paramref name="expectedVersion"/>) and the record is at another one,
    /// reports a CONFLICT on <c>version</c>.
    /// </summary>
    public async Task<T?> FindAsync<T>(
        IQueryable<T> records, Guid id, string field, string typeName, string noun, int? expectedVersion)
        where T : class, IHasId, IVersioned
    {
        var found = await FindAsync(records, id, field, typeName, noun);
        if (found is not null)
        {
            errors.VersionMatches(expectedVersion, found.Version);
        }

        return found;
    }

    /// <summary>
    /// Saves and commits unless an error was reported. A concurrent edit (the concurrency token changed)
    /// becomes a CONFLICT on <c>version</c>; a unique index refusing the row becomes a CONFLICT on
    /// <paramref name="uniqueField"/>. Either way nothing is written.
    /// </summary>
    public async Task<MutationResult<T>> CommitAsync<T>(
        T? value, string record, string uniqueField = "", string? uniqueMessage = null)
        where T : class
    {
        if (errors.Any)
        {
            return Fail<T>();
        }

        ArgumentNullException.ThrowIfNull(value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return MutationResult<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MutationResult<T>.Fail(
                new ConflictError(
                    "version", $"The {record} was changed by someone else meanwhile; reload it and try again."));
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return MutationResult<T>.Fail(
                new ConflictError(uniqueField, uniqueMessage ?? $"Another {record} already has this value."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await db.DisposeAsync();
    }
}

/// <summary>Starts a <see cref="Change{TDb}"/>.</summary>
public static class Changes
{
    public static async Task<Change<TDb>> BeginChangeAsync<TDb>(
        this IDbContextFactory<TDb> factory,
        ErrorList errors,
        CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.Unspecified)
        where TDb : DbContext
    {
        var db = factory is IModuleDbContextFactory<TDb> module
            ? module.CreateWithOwnConnection()
            : await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(isolation, cancellationToken);
            return new Change<TDb>(db, transaction, errors, cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reports a CONFLICT on <c>version</c> when the client's expected version is not the record's.</summary>
    public static void VersionMatches(this ErrorList errors, int? expected, int actual, string field = "version")
    {
        if (expected is { } version && version != actual)
        {
            errors.Add(
                new ConflictError(
                    field,
                    $"The record is at version {actual}, not {version}: someone changed it meanwhile. Reload it and "
                    + $"try again."));
        }
    }
}
