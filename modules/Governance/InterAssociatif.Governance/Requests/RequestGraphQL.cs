using GraphQL;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Governance.Requests;

internal sealed class RequestStatusType : EnumerationGraphType<RequestStatus>
{
    public RequestStatusType()
    {
        Name = "RequestStatus";
        Description = "Where an escalated request stands: SUBMITTED, ACCEPTED, REJECTED or ANSWERED.";
    }
}

internal sealed class EscalatedRequestType : ObjectGraphType<EscalatedRequest>
{
    public EscalatedRequestType(NodeRegistry nodes)
    {
        Name = RequestService.TypeName;
        this.RequireScope(Scopes.ReadDecisions);
        Description = "A request a body escalates to institutions or people (demande remontée), e.g. the three requests of 18 September 2017 about the cuts of summer 2017. Partners, members, analysts and coordinators.";
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        this.AsNode();
        Field(r => r.Text).Description("What is asked.");
        Field(r => r.RaisedOn).Description("The day it was raised.");
        Field(r => r.ExpectedAnswerOn, nullable: true).Description("When an answer is expected.");
        Field<NonNullGraphType<RequestStatusType>>("status").Description("Where it stands.").Resolve(ctx => ctx.Source.Status);
        Field(r => r.Answer, nullable: true).Description("The answer, or why it was rejected.");
        Field(r => r.AnsweredOn, nullable: true).Description("When it was answered or rejected.");
        Field<NonNullGraphType<BodyType>>("raisedBy").Description("The body that raised it.")
            .Resolve(ctx => ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, ctx.Source.BodyId));
        Field("recipientOrganizations", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))))
            .Description("The organisations it is addressed to.")
            .Resolve(ctx => Recipients(ctx).Then(list => nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, list.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value))));
        Field("recipientPeople", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Person)))))
            .Description("The people it is addressed to.")
            .Resolve(ctx => Recipients(ctx).Then(list => nodes.LoadReferences(ctx, DirectoryTypeNames.Person, list.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value))));
        Field(r => r.Version).Description("Changes with every status change.");
    }

    private static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<RequestRecipient>> Recipients(IResolveFieldContext<EscalatedRequest> ctx) =>
        ctx.LoadChildren<GovernanceDbContext, RequestRecipient>("recipientsByRequest", ctx.Source.Id, (db, ids) => db.Set<RequestRecipient>().Where(r => ids.Contains(r.RequestId)).OrderBy(r => r.Id), r => r.RequestId);
}

internal sealed class RequestQueries(IDbContextFactory<GovernanceDbContext> factory) : IGraphTypeExtension
{
    public string TypeName => "Query";

    public void Extend(IComplexGraphType type) =>
        ((ObjectGraphType)type).Field<NonNullGraphType<ConnectionGraphType<EscalatedRequestType>>>("escalatedRequests")
            .Description("Requests escalated to institutions, newest first. Partners, members, analysts and coordinators.")
            .Argument<ListGraphType<NonNullGraphType<RequestStatusType>>>("statuses", "Only these statuses.")
            .PageArguments()
            .AuthorizeWithRoles(GovernanceRoles.Readers)
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                Paging.Validate(page);
                await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
                IQueryable<EscalatedRequest> requests = db.Requests;
                if (ctx.GetArgument<List<RequestStatus>?>("statuses") is { Count: > 0 } statuses)
                {
                    requests = requests.Where(r => statuses.Contains(r.Status));
                }

                var sorted = requests.OrderByDescending(r => r.RaisedOn).ThenBy(r => r.Id);
                return (await Paging.ToConnectionAsync(sorted, page, ctx.CancellationToken)).AsGraph();
            });
}

internal sealed class EscalateRequestInputType : InputObjectGraphType
{
    public EscalateRequestInputType()
    {
        Name = "EscalateRequestInput";
        Description = "A request a body escalates to organisations or people.";
        Field<NonNullGraphType<IdGraphType>>("bodyId").Description("The body that raises it.").References(BodyService.TypeName);
        Field<NonNullGraphType<StringGraphType>>("text").Description("What is asked.");
        Field<NonNullGraphType<DateOnlyGraphType>>("raisedOn").Description("The day it is raised.");
        Field<DateOnlyGraphType>("expectedAnswerOn").Description("When an answer is expected; not before it is raised.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("recipientOrganizationIds").Description("The organisations it is addressed to.").References(DirectoryTypeNames.Organization);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("recipientPersonIds").Description("The people it is addressed to.").References(DirectoryTypeNames.Person);
    }
}

internal sealed class SetRequestStatusInputType : InputObjectGraphType
{
    public SetRequestStatusInputType()
    {
        Name = "SetRequestStatusInput";
        Description = "Records the institution's response to a request.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The request.").References(RequestService.TypeName);
        Field<NonNullGraphType<RequestStatusType>>("status").Description("ACCEPTED, REJECTED or ANSWERED.");
        Field<StringGraphType>("answer").Description("The answer (required for ANSWERED) or the reason of a rejection.");
        Field<NonNullGraphType<DateOnlyGraphType>>("on").Description("The day of the response.");
    }
}

internal sealed class RequestMutations(RequestService requests) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<EscalateRequestInputType, EscalatedRequest>("escalateRequest", "Records a request escalated to institutions. Coordinators only.", "request", RequestService.TypeName,
            ctx => RecordMutation.RunAsync<EscalatedRequest>(ctx, "bodyId", BodyService.TypeName, (id, input, errors) => requests.EscalateAsync(
                new EscalateRequest(id, input.Get<string>("text"), input.Get<DateOnly>("raisedOn"), input.Get<DateOnly?>("expectedAnswerOn"),
                    input.Ids("recipientOrganizationIds", DirectoryTypeNames.Organization, errors), input.Ids("recipientPersonIds", DirectoryTypeNames.Person, errors)),
                errors,
                ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<SetRequestStatusInputType, EscalatedRequest>("setRequestStatus", "Records the response to an escalated request. Coordinators only.", "request", RequestService.TypeName,
            ctx => RecordMutation.RunAsync<EscalatedRequest>(ctx, "id", RequestService.TypeName, (id, input, errors) =>
                requests.SetStatusAsync(id, input.Get<RequestStatus>("status"), input.Get<string>("answer"), input.Get<DateOnly>("on"), errors, ctx.CancellationToken)), Roles.Coordinator);
    }
}
