namespace InterAssociatif.Kernel;

/// <summary>
/// A record with a GUID key (version 7). Every Relay node's source object implements it, which is
/// all another module needs to resolve a field it adds to that node's type.
/// </summary>
public interface IHasId
{
    Guid Id { get; }
}
