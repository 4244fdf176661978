using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace InterAssociatif.Kernel.Modules;

/// <summary>
/// Plain HTTP endpoints a module serves beside GraphQL, where GraphQL is the wrong tool: file
/// upload and download, a calendar feed. The host maps every registered contributor.
/// </summary>
public interface IEndpointContributor
{
    /// <summary>Maps the module's endpoints, each declaring who may call it (<see cref="EndpointAccess"/>).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>
/// Who may call a module endpoint, declared where it is mapped (<see cref="ModuleEndpointMapping.OpenTo"/>,
/// <see cref="ModuleEndpointMapping.OpenToAnyone"/>) and checked by <see cref="EndpointResults.DenyAsync"/> in the
/// handler, so that a refusal is audited like any other answer. No roles: anyone, signed in or not.
/// </summary>
public sealed record EndpointAccess(IReadOnlyList<string> Roles);

/// <summary>How the modules' endpoints are mapped: in one group, each saying who may call it.</summary>
public static class ModuleEndpointMapping
{
    /// <summary>Only callers holding one of <paramref name="roles"/>.</summary>
    public static RouteHandlerBuilder OpenTo(this RouteHandlerBuilder endpoint, params string[] roles) =>
        endpoint.WithMetadata(new EndpointAccess(roles));

    /// <summary>Anonymous callers too (credentials sent must still be valid).</summary>
    public static RouteHandlerBuilder OpenToAnyone(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new EndpointAccess([]));

    /// <summary>
    /// Maps every module's endpoints in one group, which refuses a query parameter given more than once (a 400
    /// <c>VALIDATION</c> naming it) rather than let the handler read the values joined by commas.
    /// </summary>
    public static void MapModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).AddEndpointFilter(RefuseRepeatedQueryParameters);
        foreach (var contributor in app.ServiceProvider.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(group);
        }
    }

    private static async ValueTask<object?> RefuseRepeatedQueryParameters(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (name, values) in context.HttpContext.Request.Query)
        {
            if (values.Count > 1)
            {
                return EndpointResults.Problem(
                    StatusCodes.Status400BadRequest,
                    new InputValidationError(name, $"`{name}` is given more than once: give it once."));
            }
        }

        return await next(context);
    }
}

/// <summary>
/// The answers every module endpoint gives the same way: a role check and a GraphQL-shaped error body.
/// </summary>
public static class EndpointResults
{
    /// <summary>
    /// Null when the caller holds one of the roles the endpoint is open to (<see cref="EndpointAccess"/>; or, open to
    /// anyone, when the credentials sent, if any, are valid: such an endpoint still refuses a forged or expired token,
    /// as GraphQL does); else a GraphQL-shaped error: a 401 saying why the credentials sent were refused
    /// (<see cref="ICredentialRefusals"/>) or that there were none (<c>ACCESS_DENIED</c>, with a
    /// <c>WWW-Authenticate</c> challenge), a 403 <c>ACCESS_DENIED</c> naming the roles for a caller without them.
    /// </summary>
    public static async Task<IResult?> DenyAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var roles = endpoint?.Metadata.GetMetadata<EndpointAccess>()?.Roles
            ?? throw new InvalidOperationException(
                $"{endpoint?.DisplayName ?? http.Request.Path} does not say who may call it: map it with "
                + $"{nameof(ModuleEndpointMapping.OpenTo)} or {nameof(ModuleEndpointMapping.OpenToAnyone)}.");
        var needs = $"one of the roles {string.Join(", ", roles)}";
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return roles.Count == 0 || roles.Any(http.User.IsInRole)
                ? null
                : Problem(
                    StatusCodes.Status403Forbidden, "ACCESS_DENIED", $"This needs {needs}; the caller holds none.");
        }

        var refusal = http.RequestServices.GetService(typeof(ICredentialRefusals)) is ICredentialRefusals refusals
            ? await refusals.RefusalAsync(http)
            : null;
        if (refusal is null && roles.Count == 0)
        {
            return null;
        }

        http.Response.Headers.WWWAuthenticate = refusal?.Challenge ?? "Bearer";
        return refusal is null
            ? Problem(StatusCodes.Status401Unauthorized, "ACCESS_DENIED", $"Sign in: this needs a caller with {needs}.")
            : Problem(StatusCodes.Status401Unauthorized, refusal.Code, refusal.Message);
    }

    /// <summary>
    /// <c>ACCESS_DENIED</c> for a reason of the record's (e.g. unpublished results): a 403 for a signed-in caller,
    /// a 401 with a challenge for an anonymous one.
    /// </summary>
    public static IResult AccessDenied(HttpContext http, string message)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return Problem(StatusCodes.Status403Forbidden, "ACCESS_DENIED", message);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "ACCESS_DENIED", message);
    }

    /// <summary>A 404 <c>NOT_FOUND</c> naming a route parameter whose id designates nothing the caller sees.</summary>
    public static IResult NotFound(string field, string what, string value) =>
        Problem(StatusCodes.Status404NotFound, new NotFoundError(field, $"No {what} has this id.", value));

    /// <summary>
    /// Reads an optional query parameter holding an instant (ISO 8601, e.g. <c>2017-09-18T10:00:00Z</c>); false when it
    /// is given and malformed (answer with <see cref="InvalidInstant"/>).
    /// </summary>
    public static bool TryInstant(string? value, out DateTimeOffset? instant)
    {
        instant = null;
        if (value is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(
                value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None,
                out var parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }

    /// <summary>A 400 <c>VALIDATION</c> naming a query parameter that is not an instant.</summary>
    public static IResult InvalidInstant(string field) =>
        Problem(
            StatusCodes.Status400BadRequest,
            new InputValidationError(field, $"`{field}` must be an instant in ISO 8601, e.g. 2017-09-18T10:00:00Z."));

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

    /// <summary>An error without a field (access, credentials) as GraphQL writes it.</summary>
    public static IResult Problem(int status, string code, string message) =>
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
