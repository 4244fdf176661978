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
    /// Null when the caller holds one of <paramref name="roles"/>; else a GraphQL-shaped error: a 401 saying why the
    /// credentials sent were refused (<see cref="ICredentialRefusals"/>) or that there were none (<c>ACCESS_DENIED</c>,
    /// with a <c>WWW-Authenticate</c> challenge), a 403 <c>ACCESS_DENIED</c> naming the roles for a caller without
    /// them.
    /// </summary>
    public static async Task<IResult?> DenyAsync(HttpContext http, params string[] roles)
    {
        var needs = $"one of the roles {string.Join(", ", roles)}";
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return roles.Any(http.User.IsInRole)
                ? null
                : Error(StatusCodes.Status403Forbidden, "ACCESS_DENIED", $"This needs {needs}; the caller holds none.");
        }

        var refusal = http.RequestServices.GetService(typeof(ICredentialRefusals)) is ICredentialRefusals refusals
            ? await refusals.RefusalAsync(http)
            : null;
        http.Response.Headers.WWWAuthenticate = refusal?.Challenge ?? "Bearer";
        return refusal is null
            ? Error(StatusCodes.Status401Unauthorized, "ACCESS_DENIED", $"Sign in: this needs a caller with {needs}.")
            : Error(StatusCodes.Status401Unauthorized, refusal.Code, refusal.Message);
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

    private static IResult Error(int status, string code, string message) =>
        Results.Json(
            new
            {
                errors = new[]
                {
                    new { message, extensions = new { code } },
                },
            },
            statusCode: status);
}
