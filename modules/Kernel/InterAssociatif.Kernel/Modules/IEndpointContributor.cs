using Microsoft.AspNetCore.Routing;

namespace InterAssociatif.Kernel.Modules;

/// <summary>
/// Plain HTTP endpoints a module serves beside GraphQL, where GraphQL is the wrong tool: file
/// upload and download, a calendar feed. The host maps every registered contributor.
/// </summary>
public interface IEndpointContributor
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
