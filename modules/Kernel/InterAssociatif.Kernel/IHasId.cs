namespace InterAssociatif.Kernel;

/// <summary>
/// A record with a GUID key (version 7). Every Relay node's source object implements it, which is
/// all another module needs to resolve a field it adds to that node's type.
/// </summary>
public interface IHasId
{
    Guid Id { get; }
}

/// <summary>
/// A record clients change optimistically: a change may name the version it read, which must still be the
/// record's (<c>Change.FindAsync</c> with an expected version); each change increments it, and it is the row's
/// concurrency token, so two changes of one version cannot both be written.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
