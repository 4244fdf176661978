using GraphQL;
using GraphQL.Types;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Host.Access;

internal sealed class ApiKeyScopeType : EnumerationGraphType
{
    public ApiKeyScopeType()
    {
        Name = "ApiKeyScope";
        Description = "What a partner's API key may reach.";
        Add(Scopes.ApiName(Scopes.ReadDecisions), Scopes.ReadDecisions, "Read the decision register: decisions, follow-ups, escalated requests.");
        Add(Scopes.ApiName(Scopes.SubscribeDecisions), Scopes.SubscribeDecisions, "Subscribe to decisionRecorded and followUpChanged.");
        Add(Scopes.ApiName(Scopes.ReadDirectory), Scopes.ReadDirectory, "Read the directory's organisations, people (their public fields) and themes.");
    }
}

internal sealed class ApiKeyType : ObjectGraphType<ApiKey>
{
    public ApiKeyType()
    {
        Name = ApiKeyService.TypeName;
        Description = "A partner tool's API key (clé d'API). Only a hash of its secret is kept. Coordinators only.";
        this.AuthorizeWithRoles(Roles.Coordinator);
        this.AsNode();
        Field(k => k.Name).Description("Who it is for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyScopeType>>>>("scopes").Description("What it may reach.").Resolve(ctx => ctx.Source.ScopeList);
        Field(k => k.CreatedAt).Description("When it was issued.");
        Field(k => k.CreatedBy, nullable: true).Description("Who issued it (subject).");
        Field(k => k.ExpiresAt, nullable: true).Description("When it stops working; null: no expiry.");
        Field(k => k.RevokedAt, nullable: true).Description("When it was revoked.");
        Field(k => k.Version).Description("Changes with every edit.");
    }
}

internal sealed class IssuedApiKeyType : ObjectGraphType<IssuedApiKey>
{
    public IssuedApiKeyType()
    {
        Name = "IssuedApiKey";
        Description = "A key just issued. The secret is shown this once: hand it to the partner, it cannot be read again.";
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field<NonNullGraphType<ApiKeyType>>("apiKey").Description("The key's record.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("secret").Description("The key to send in the `X-Api-Key` header or as `apiKey` in `connection_init`.").Resolve(ctx => ctx.Source.Secret);
    }
}

internal sealed class AuditOutcomeType : EnumerationGraphType
{
    public AuditOutcomeType()
    {
        Name = "AuditOutcome";
        Description = "What became of a write attempt.";
        Add("ACCEPTED", AuditOutcome.Accepted, "It took effect.");
        Add("REFUSED", AuditOutcome.Refused, "It ran and was refused with errors (bad input, conflict): nothing was written.");
        Add("DENIED", AuditOutcome.Denied, "The caller may not make it: refused by authorization before anything ran.");
    }
}

internal sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One write attempt in the audit trail (journal des modifications): a mutation or an attachment upload or download, accepted, refused or denied: who, when, which operation, which objects. Coordinators only.";
        this.AuthorizeWithRoles(Roles.Coordinator);
        Field(a => a.At).Description("When.");
        Field(a => a.Operation).Description("The mutation, e.g. `recordDecision`.");
        Field(a => a.Subject, nullable: true).Description("Who: the subject of the token or key.");
        Field(a => a.Role, nullable: true).Description("The role it acted in.");
        Field<IdGraphType>("credential").Description("The API key it used, when it was a partner tool.").Resolve(ctx => ctx.Source.CredentialId is { } id ? GlobalId.Encode(ApiKeyService.TypeName, id) : null);
        Field(a => a.Succeeded).Description("False when the attempt was refused or denied (nothing written).");
        Field<NonNullGraphType<AuditOutcomeType>>("outcome").Description("ACCEPTED, REFUSED with errors, or DENIED to the caller before anything ran.").Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("objectIds").Description("The object changed and the objects the input named.").Resolve(ctx => ctx.Source.Objects.Select(o => o.ObjectId).ToList());
    }
}

internal sealed class AuditFilterInputType : InputObjectGraphType
{
    public AuditFilterInputType()
    {
        Name = "AuditFilter";
        Description = "Narrows the audit trail; all given conditions hold.";
        Field<IdGraphType>("objectId").Description("Mutations that changed or named this object.");
        Field<StringGraphType>("subject").Description("Mutations by this subject.");
        Field<DateTimeOffsetGraphType>("from").Description("At or after this instant.");
        Field<DateTimeOffsetGraphType>("to").Description("Before this instant.");
    }
}

internal sealed class IssueApiKeyInputType : InputObjectGraphType
{
    public IssueApiKeyInputType()
    {
        Name = "IssueApiKeyInput";
        Description = "A new key for a partner tool.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Who it is for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyScopeType>>>>("scopes").Description("What it may reach (at least one).");
        Field<DateTimeOffsetGraphType>("expiresAt").Description("When it stops working; default never.");
    }
}

internal sealed class RevokeApiKeyInputType : InputObjectGraphType
{
    public RevokeApiKeyInputType()
    {
        Name = "RevokeApiKeyInput";
        Description = "Revokes a key: refused from the next request on, its open subscriptions closed.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The key.").References(ApiKeyService.TypeName);
    }
}

internal sealed class AccessQueries(IDbContextFactory<AccessDbContext> factory) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type)
    {
        var query = (ObjectGraphType)type;
        query.Field<NonNullGraphType<ConnectionGraphType<ApiKeyType>>>("apiKeys")
            .Description("Partner API keys, newest first. Coordinators only.")
            .PageArguments()
            .AuthorizeWithRoles(Roles.Coordinator)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                return (await Paging.ToConnectionAsync(db.ApiKeys.OrderByDescending(k => k.Id), page, ctx.CancellationToken)).AsGraph();
            });

        query.Field<NonNullGraphType<ConnectionGraphType<AuditEntryType>>>("auditTrail")
            .Description("Every mutation, newest first, filtered in the database by object, subject and period. Coordinators only.")
            .Argument<AuditFilterInputType>("filter", "Conditions the entries must meet.")
            .PageArguments()
            .AuthorizeWithRoles(Roles.Coordinator)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                var filter = new InputReader(ctx.GetArgument<Dictionary<string, object?>>("filter") ?? [], "filter");
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<AuditEntry> entries = db.AuditEntries.Include(a => a.Objects);
                entries = filter.Get<string>("objectId") is { } objectId ? entries.Where(a => a.Objects.Any(o => o.ObjectId == objectId)) : entries;
                entries = filter.Get<string>("subject") is { } subject ? entries.Where(a => a.Subject == subject) : entries;
                entries = filter.Get<DateTimeOffset?>("from") is { } from ? entries.Where(a => a.At >= from) : entries;
                entries = filter.Get<DateTimeOffset?>("to") is { } to ? entries.Where(a => a.At < to) : entries;
                return (await Paging.ToConnectionAsync(entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id), page, ctx.CancellationToken)).AsGraph();
            });
    }
}

internal sealed class AccessMutations(ApiKeyService keys) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<IssueApiKeyInputType, IssuedApiKey>("issueApiKey", "Issues an API key for a partner tool; its secret is in the payload, this once. Coordinators only.", "issued", "IssuedApiKey", ctx =>
        {
            var input = InputReader.From(ctx);
            return keys.IssueAsync(input.Get<string>("name"), input.List<string>("scopes"), input.Get<DateTimeOffset?>("expiresAt"), ctx.User?.FindFirst(InterAssociatifClaims.Subject)?.Value, new ErrorList(), ctx.CancellationToken);
        }, Roles.Coordinator);

        type.AddMutation<RevokeApiKeyInputType, ApiKey>("revokeApiKey", "Revokes an API key: refused from the next request, its subscriptions closed. Coordinators only.", "apiKey", ApiKeyService.TypeName,
            ctx => RecordMutation.RunAsync<ApiKey>(ctx, "id", ApiKeyService.TypeName, (id, _, errors) => keys.RevokeAsync(id, errors, ctx.CancellationToken)), Roles.Coordinator);
    }
}
