using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
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
/// <see cref="ModuleEndpointMapping.OpenToAnyone"/>) and checked before its handler runs. No roles: anyone, signed in
/// or not.
/// </summary>
public sealed record EndpointAccess(IReadOnlyList<string> Roles);

/// <summary>
/// A module endpoint whose every call goes to the audit trail as <paramref name="Operation"/> (declared with
/// <see cref="ModuleEndpointMapping.Audited"/>), naming the route values <paramref name="Objects"/> and any object its
/// handler adds (<see cref="ModuleEndpointMapping.AuditNames"/>).
/// </summary>
public sealed record EndpointAudit(string Operation, IReadOnlyList<string> Objects);

/// <summary>
/// How the modules' endpoints are mapped: in one group, each saying who may call it and whether its calls are audited.
/// The group answers before the handler: credentials and roles first (a 401 or 403, as GraphQL answers), then a query
/// parameter given more than once (a 400 <c>VALIDATION</c> naming it, rather than the handler reading the values
/// joined by commas). An audited endpoint's every answer, those two included, is one entry of the audit trail: 2xx
/// and 3xx accepted, 401 and 403 denied, any other refused.
/// </summary>
public static class ModuleEndpointMapping
{
    private const string NamedKey = "InterAssociatif.Kernel.Modules.AuditNames";

    /// <summary>Only callers holding one of <paramref name="roles"/>.</summary>
    public static RouteHandlerBuilder OpenTo(this RouteHandlerBuilder endpoint, params string[] roles) =>
        endpoint.WithMetadata(new EndpointAccess(roles));

    /// <summary>Anonymous callers too (credentials sent must still be valid).</summary>
    public static RouteHandlerBuilder OpenToAnyone(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new EndpointAccess([]));

    /// <summary>Every call in the audit trail as <paramref name="operation"/>, naming the route values given.</summary>
    public static RouteHandlerBuilder Audited(
        this RouteHandlerBuilder endpoint, string operation, params string[] routeValues) =>
        endpoint.WithMetadata(new EndpointAudit(operation, routeValues));

    /// <summary>Adds an object the handler found or made (a new record's global id) to the call's audit entry.
    /// </summary>
    public static void AuditNames(this HttpContext http, string objectId)
    {
        if (http.Items[NamedKey] is not List<string> named)
        {
            http.Items[NamedKey] = named = [];
        }

        named.Add(objectId);
    }

    /// <summary>Maps every module's endpoints in one group that checks access, input and audits as above.</summary>
    public static void MapModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).AddEndpointFilter(AnswerAsync);
        foreach (var contributor in app.ServiceProvider.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(group);
        }
    }

    private static async ValueTask<object?> AnswerAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        object? answer;
        try
        {
            answer = await EndpointResults.DenyAsync(http) ?? RepeatedQueryParameter(http) ?? await next(context);
        }
        catch (Exception)
        {
            // A fault (or a client gone) is an answer too: the attempt stays in the trail, refused.
            await AuditAsync(http, StatusCodes.Status500InternalServerError);
            throw;
        }

        // A handler that wrote its response itself leaves its status there.
        await AuditAsync(
            http,
            answer is IStatusCodeHttpResult { StatusCode: { } code } ? code
                : answer is null or EmptyHttpResult ? http.Response.StatusCode
                : StatusCodes.Status200OK);
        return answer;
    }

    private static async Task AuditAsync(HttpContext http, int status)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<EndpointAudit>() is not { } audit
            || http.RequestServices.GetService(typeof(IAuditTrail)) is not IAuditTrail trail)
        {
            return;
        }

        var outcome = status switch
        {
            < 400 => AuditOutcome.Accepted,
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuditOutcome.Denied,
            _ => AuditOutcome.Refused,
        };
        List<string> objects =
        [
            .. audit.Objects.Select(name => http.Request.RouteValues[name]?.ToString()).OfType<string>(),
            .. http.Items[NamedKey] as List<string> ?? [],
        ];
        var record = new AuditRecord(audit.Operation, http.User, objects.Distinct().ToList(), outcome);
        await trail.RecordAsync(record, CancellationToken.None);
    }

    private static IResult? RepeatedQueryParameter(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            if (values.Count > 1)
            {
                return EndpointResults.Problem(
                    StatusCodes.Status400BadRequest,
                    new InputValidationError(name, $"`{name}` is given more than once: give it once."));
            }
        }

        return null;
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
    internal static async Task<IResult?> DenyAsync(HttpContext http)
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
