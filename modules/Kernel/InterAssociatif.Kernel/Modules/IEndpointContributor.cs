using Microsoft.AspNetCore.Http;
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

/// <summary>
/// The answers every module endpoint gives the same way: a role check and a GraphQL-shaped error body.
/// </summary>
public static class EndpointResults
{
    /// <summary>
    /// A 401 for an anonymous caller, a 403 when the caller holds none of <paramref name="roles"/>; null when one is
    /// held.
    /// </summary>
    public static IResult? Deny(HttpContext http, params string[] roles)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Challenge();
        }

        return roles.Any(http.User.IsInRole) ? null : Results.Forbid();
    }

    /// <summary>An error as GraphQL writes it: <c>{ errors: [{ message, extensions: { code, field } }] }</c>.</summary>
    public static IResult Problem(int status, UserError error) =>
        Results.Json(
            new
            {
                errors = new[]
                {
                    new { message = error.Message, extensions = new { code = error.Code, field = error.Field } },
                },
            },
            statusCode: status);
}
