using GraphQL.Validation;

namespace InterAssociatif.Kernel.Authorization;

/// <summary>
/// Enforces the roles declared on types, fields and arguments (GraphQL.NET's
/// <c>AuthorizeWithRoles</c> metadata) before execution: a document that selects a forbidden
/// field, returns a forbidden type or passes a forbidden argument fails validation, so nothing is
/// resolved and no SQL command is sent. Only the executed operation and the fragments it uses are
/// checked, and fields skipped by <c>@skip</c>/<c>@include</c> are ignored.
/// </summary>
public sealed class AuthorizationValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor());

    /// <summary>
    /// Metadata key: anonymous callers pass as well as the roles listed (see
    /// <see cref="AuthorizationMetadata.AuthorizeWithRolesOrAnonymous"/>).
    /// </summary>
    public const string AnonymousAllowedKey = "InterAssociatif.AnonymousAllowed";

    /// <summary>
    /// Whether <paramref name="user"/> satisfies the authorization metadata of a type, field or argument.
    /// </summary>
    public static bool IsAllowed(IMetadataReader metadata, ClaimsPrincipal? user)
    {
        if (!metadata.IsAuthorizationRequired())
        {
            return true;
        }

        if (user?.Identity?.IsAuthenticated != true)
        {
            return metadata.GetMetadata(AnonymousAllowedKey, false);
        }

        var roles = metadata.GetRoles();
        return roles is null || roles.Count == 0 || roles.Any(user.IsInRole);
    }

    internal static string Describe(IMetadataReader metadata)
    {
        var roles = metadata.GetRoles();
        var who = roles is { Count: > 0 } ? $"one of the roles {string.Join(", ", roles)}" : "an authenticated caller";
        return metadata.GetMetadata(AnonymousAllowedKey, false) ? $"an anonymous caller or {who}" : who;
    }

    private sealed class Visitor : INodeVisitor
    {
        private readonly List<object> _path = [];
        private bool _active;
        private bool _inFragment;
        private HashSet<GraphQLFragmentDefinition>? _usedFragments;

        /// <summary>
        /// The response path of the field being checked (<c>people.nodes.email</c>), so a client sees
        /// which field was refused; none inside a fragment definition, whose place is known only where it is spread.
        /// </summary>
        private IEnumerable<object>? Path => _inFragment || _path.Count == 0 ? null : [.. _path];

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLField entered)
            {
                _path.Add((entered.Alias?.Name ?? entered.Name).StringValue);
            }
            else if (node is GraphQLOperationDefinition or GraphQLFragmentDefinition)
            {
                _path.Clear();
                _inFragment = node is GraphQLFragmentDefinition;
            }

            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _active = ReferenceEquals(operation, context.Operation);
                    if (_active)
                    {
                        var root = operation.Operation switch
                        {
                            OperationType.Mutation => context.Schema.Mutation,
                            OperationType.Subscription => context.Schema.Subscription,
                            _ => context.Schema.Query,
                        };
                        if (root is not null)
                        {
                            Check(context, root, $"the {root.Name} type", operation);
                        }
                    }

                    break;
                case GraphQLFragmentDefinition fragment:
                    _usedFragments ??= context.Operation is null
                        ? []
                        : [.. context.GetRecursivelyReferencedFragments(context.Operation) ?? []];
                    _active = _usedFragments.Contains(fragment);
                    break;
                case GraphQLField field when _active && context.ShouldIncludeNode(field):
                    var fieldDef = context.TypeInfo.GetFieldDef();
                    var parent = context.TypeInfo.GetParentType()?.GetNamedType();
                    if (fieldDef is not null && parent is not null)
                    {
                        if (Check(context, fieldDef, $"the field {parent.Name}.{fieldDef.Name}", field) &&
                            fieldDef.ResolvedType?.GetNamedType() is { } returned)
                        {
                            Check(context, returned, $"the type {returned.Name}", field);
                        }
                    }

                    break;
                case GraphQLArgument argument when _active:
                    var argumentDef = context.TypeInfo.GetArgument();
                    if (argumentDef is not null)
                    {
                        Check(context, argumentDef, $"the argument {argumentDef.Name}", argument);
                    }

                    break;
            }

            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLField && _path.Count > 0)
            {
                _path.RemoveAt(_path.Count - 1);
            }

            return default;
        }

        private bool Check(ValidationContext context, IMetadataReader metadata, string what, ASTNode node)
        {
            if (IsAllowed(metadata, context.User))
            {
                if (Scopes.MissingScope(metadata, context.User) is not { } scope)
                {
                    return true;
                }

                context.ReportError(
                    new AccessDeniedError(
                        context,
                        true,
                        $"Access denied to {what}: the API key lacks the scope {Scopes.ApiName(scope)}.",
                        node)
                    { Path = Path });
                return false;
            }

            var authenticated = context.User?.Identity?.IsAuthenticated == true;
            context.ReportError(
                new AccessDeniedError(
                    context, authenticated, $"Access denied to {what}: it requires {Describe(metadata)}.", node)
                {
                    Path = Path
                });
            return false;
        }
    }
}

/// <summary>Authorization declarations beyond GraphQL.NET's own.</summary>
public static class AuthorizationMetadata
{
    /// <summary>
    /// Allows anonymous callers and the given roles, and no other authenticated role (e.g. public
    /// results that partner tools may not read). Finer, data-dependent rules stay in the resolver.
    /// </summary>
    public static TMetadataWriter AuthorizeWithRolesOrAnonymous<TMetadataWriter>(
        this TMetadataWriter provider, params string[] roles)
        where TMetadataWriter : IMetadataWriter
    {
        provider.AuthorizeWithRoles(roles);
        provider.Metadata[AuthorizationValidationRule.AnonymousAllowedKey] = true;
        return provider;
    }
}

/// <summary>
/// A validation error for a forbidden field, type or argument (<c>extensions.code = ACCESS_DENIED</c>).
/// </summary>
public sealed class AccessDeniedError : ValidationError
{
    public const string ErrorCode = "ACCESS_DENIED";

    public AccessDeniedError(ValidationContext context, bool authenticated, string message, ASTNode node)
        : base(context.Document.Source, null, message, node)
    {
        Code = ErrorCode;
        Authenticated = authenticated;
    }

    /// <summary>Whether the caller was authenticated (403) or anonymous (401).</summary>
    public bool Authenticated { get; }
}
