using GraphQL.Types;

namespace InterAssociatif.Host.Access;

internal sealed class ApiKeyType : NodeType<ApiKey>
{
    public ApiKeyType()
        : base(
            ApiKeyService.TypeName,
            "A partner tool's API key (clé d'API). Only a hash of its secret is kept. Coordinators only.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field(k => k.Name).Description("Who it is for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<ApiKeyScope>>>>>("scopes")
            .Description("What it may reach.")
            .Resolve(ctx => ctx.Source.ScopeList.Select(ApiKeyScopes.FromClaim).ToList());
        Field(k => k.CreatedAt).Description("When it was issued.");
        Field(k => k.CreatedBy, nullable: true).Description("Who issued it (subject).");
        Field(k => k.ExpiresAt, nullable: true).Description("When it stops working; null: no expiry.");
        Field(k => k.RevokedAt, nullable: true).Description("When it was revoked.");
        Field(k => k.Version).Description("Changes with every edit.");
    }
}

internal sealed class IssuedApiKeyType : ObjectType<IssuedApiKey>
{
    public IssuedApiKeyType()
        : base(
            "IssuedApiKey",
            "A key just issued. The secret is shown this once: hand it to the partner, it cannot be read again.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field<NonNullGraphType<ApiKeyType>>("apiKey").Description("The key's record.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("secret")
            .Description("The key to send in the `X-Api-Key` header or as `apiKey` in `connection_init`.")
            .Resolve(ctx => ctx.Source.Secret);
    }
}

internal sealed class AuditEntryType : ObjectType<AuditEntry>
{
    public AuditEntryType()
        : base(
            "AuditEntry",
            "One write attempt in the audit trail (journal des modifications): a mutation or an attachment upload or "
            + "download, accepted, refused or denied: who, when, which operation, which objects. Coordinators only.")
    {
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field(a => a.At).Description("When.");
        Field(a => a.Operation).Description("The mutation, e.g. `recordDecision`.");
        Field(a => a.Subject, nullable: true).Description("Who: the subject of the token or key.");
        Field(a => a.Role, nullable: true).Description("The role it acted in.");
        Field<IdGraphType>("credential")
            .Description("The API key it used, when it was a partner tool.")
            .Resolve(ctx => ctx.Source.CredentialId is { } id ? GlobalId.Encode(ApiKeyService.TypeName, id) : null);
        Field(a => a.Succeeded).Description("False when the attempt was refused or denied (nothing written).");
        Field<NonNullGraphType<EnumerationGraphType<AuditOutcome>>>("outcome")
            .Description("ACCEPTED, REFUSED with errors, or DENIED to the caller before anything ran.")
            .Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("objectIds")
            .Description("The object changed and the objects the input named.")
            .Resolve(ctx => ctx.Source.Objects.Select(o => o.ObjectId).ToList());
    }
}

internal sealed class AccessQueries(IDbContextFactory<AccessDbContext> factory) : QueryFields
{
    protected override void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<ApiKeyType>>>("apiKeys")
            .Description("Partner API keys, newest first. Coordinators only.")
            .AuthorizeWithRoles(Roles.Coordinator)
            .ResolvePage(factory, (ctx, db) => db.ApiKeys.OrderByDescending(k => k.Id));

        query.Field<NonNullGraphType<ConnectionGraphType<AuditEntryType>>>("auditTrail")
            .Description(
                "Every write attempt, newest first, filtered in the database by object, subject and period; entries "
                + "older than the host's retention window (a year unless its operator says otherwise) are deleted. "
                + "Coordinators only.")
            .Argument<InputType<AuditFilter>>("filter", "Conditions the entries must meet.")
            .AuthorizeWithRoles(Roles.Coordinator)
            .ResolvePage(factory, (ctx, db) =>
            {
                var filter = InputRecord.Argument<AuditFilter>(ctx, "filter") ?? new(null, null, null, null);
                IQueryable<AuditEntry> entries = db.AuditEntries.Include(a => a.Objects);
                entries = filter.ObjectId is { } objectId
                    ? entries.Where(a => a.Objects.Any(o => o.ObjectId == objectId))
                    : entries;
                entries = filter.Subject is { } subject ? entries.Where(a => a.Subject == subject) : entries;
                entries = filter.From is { } from ? entries.Where(a => a.At >= from) : entries;
                entries = filter.To is { } to ? entries.Where(a => a.At < to) : entries;

                return entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
            });
    }
}

internal sealed class AccessMutations(ApiKeyService keys) : MutationFields
{
    protected override void Add(ObjectGraphType type)
    {
        type.AddMutation<IssueApiKeyInput, IssuedApiKey>(
            "issueApiKey",
            "Issues an API key for a partner tool; its secret is in the payload, this once. Coordinators only.",
            "issued", "IssuedApiKey",
            (input, ctx) => keys.IssueAsync(
                input.Name,
                input.Scopes.Select(ApiKeyScopes.Claim).ToList(),
                input.ExpiresAt,
                ctx.User?.FindFirst(InterAssociatifClaims.Subject)?.Value,
                new ErrorList(),
                ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<RevokeApiKeyInput, ApiKey>(
            "revokeApiKey",
            "Revokes an API key: refused from the next request, its subscriptions closed. Coordinators only.",
            "apiKey", ApiKeyService.TypeName, keys.RevokeAsync, Roles.Coordinator);
    }
}
