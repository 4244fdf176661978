using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Decisions;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Meetings.Contracts;

namespace InterAssociatif.Governance;

internal sealed class CreateBodyInputType : InputObjectGraphType
{
    public CreateBodyInputType()
    {
        Name = "CreateBodyInput";
        Description = "A new body.";
        Field<NonNullGraphType<BodyKindType>>("kind").Description("What kind of body.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name, unique.");
        Field<StringGraphType>("description").Description("What it does.");
        Field<IdGraphType>("themeId").Description("For a thematic group: its theme.").References(DirectoryTypeNames.Theme);
        Field<IntGraphType>("meetingsPerYear").Description("How many times a year it meets.");
        Field<IntGraphType>("associationSeats").Description("Seats for associations at each session.");
    }
}

internal sealed class AddBodySessionInputType : InputObjectGraphType
{
    public AddBodySessionInputType()
    {
        Name = "AddBodySessionInput";
        Description = "Records that a meeting is a session of a body.";
        Field<NonNullGraphType<IdGraphType>>("bodyId").Description("The body.").References(BodyService.TypeName);
        Field<NonNullGraphType<IdGraphType>>("meetingId").Description("The meeting; a meeting is the session of one body.").References(MeetingsTypeNames.Meeting);
    }
}

internal sealed class FollowUpInputType : InputObjectGraphType
{
    public FollowUpInputType()
    {
        Name = "FollowUpInput";
        Description = "A follow-up action of a decision.";
        Field<NonNullGraphType<StringGraphType>>("description").Description("What is to be done.");
        Field<IdGraphType>("ownerOrganizationId").Description("The organisation in charge.").References(DirectoryTypeNames.Organization);
        Field<IdGraphType>("ownerPersonId").Description("The person in charge.").References(DirectoryTypeNames.Person);
        Field<NonNullGraphType<DateOnlyGraphType>>("dueOn").Description("When it is due; not before the decision.");
        Field<DuePrecisionType>("duePrecision").Description("DAY (default) or MONTH.");
    }
}

internal sealed class RecordDecisionInputType : InputObjectGraphType
{
    public RecordDecisionInputType()
    {
        Name = "RecordDecisionInput";
        Description = "A decision for the register, with its follow-ups.";
        Field<NonNullGraphType<IdGraphType>>("bodyId").Description("The body that took it.").References(BodyService.TypeName);
        Field<IdGraphType>("meetingId").Description("The meeting it was taken in.").References(MeetingsTypeNames.Meeting);
        Field<IdGraphType>("agendaItemId").Description("The agenda item it came from (of that meeting).").References(MeetingsTypeNames.AgendaItem);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The decision, in a sentence.");
        Field<StringGraphType>("text").Description("Its full text.");
        Field<NonNullGraphType<DateOnlyGraphType>>("decidedOn").Description("The day it was taken.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("The themes it concerns.").References(DirectoryTypeNames.Theme);
        Field<ListGraphType<NonNullGraphType<FollowUpInputType>>>("followUps").Description("Its follow-up actions.");
    }
}

internal sealed class ChangeDecisionStatusInputType : InputObjectGraphType
{
    public ChangeDecisionStatusInputType()
    {
        Name = "ChangeDecisionStatusInput";
        Description = "Amends or revokes a decision; the history keeps every step.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The decision.").References(DecisionService.TypeName);
        Field<NonNullGraphType<DecisionStatusType>>("status").Description("AMENDED or REVOKED.");
        Field<NonNullGraphType<DateOnlyGraphType>>("on").Description("The day of the change; not before the decision.");
        Field<StringGraphType>("note").Description("Why.");
    }
}

internal sealed class SetFollowUpStatusInputType : InputObjectGraphType
{
    public SetFollowUpStatusInputType()
    {
        Name = "SetFollowUpStatusInput";
        Description = "Marks an open follow-up done or cancelled.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The follow-up.").References(DecisionService.FollowUpTypeName);
        Field<NonNullGraphType<FollowUpStatusType>>("status").Description("DONE or CANCELLED.");
        Field<DateOnlyGraphType>("doneOn").Description("When it was done; default today.");
    }
}

internal sealed class JoinBodyInputType : InputObjectGraphType
{
    public JoinBodyInputType()
    {
        Name = "JoinBodyInput";
        Description = "An organisation joins a body (a thematic group).";
        Field<NonNullGraphType<IdGraphType>>("bodyId").Description("The body.").References(BodyService.TypeName);
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The organisation.").References(DirectoryTypeNames.Organization);
        Field<NonNullGraphType<DateOnlyGraphType>>("since").Description("The day it joins.");
    }
}

internal sealed class GovernanceMutations(BodyService bodies, DecisionService decisions, IDirectoryReader directory) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreateBodyInputType, Body>("createBody", "Creates a body. Coordinators only.", "body", BodyService.TypeName, ctx =>
        {
            var input = InputReader.From(ctx);
            var errors = new ErrorList();
            return bodies.CreateAsync(new CreateBody(input.Get<BodyKind>("kind"), input.Get<string>("name"), input.Get<string>("description"), input.Id("themeId", DirectoryTypeNames.Theme, errors), input.Get<int?>("meetingsPerYear"), input.Get<int?>("associationSeats")), errors, ctx.CancellationToken);
        }, Roles.Coordinator);

        type.AddMutation<AddBodySessionInputType, Body>("addBodySession", "Records that a meeting is a session of a body. Coordinators only.", "body", BodyService.TypeName,
            ctx => RecordMutation.RunAsync<Body>(ctx, "bodyId", BodyService.TypeName, async (id, input, errors) =>
                input.Id("meetingId", MeetingsTypeNames.Meeting, errors) is { } meeting
                    ? await bodies.HoldMeetingAsync(id, meeting, errors, ctx.CancellationToken)
                    : MutationResult<Body>.Fail(errors.Items)), Roles.Coordinator);

        type.AddMutation<JoinBodyInputType, Body>("joinBody", "An organisation joins a body (e.g. a thematic group). Coordinators only.", "body", BodyService.TypeName,
            ctx => RecordMutation.RunAsync<Body>(ctx, "bodyId", BodyService.TypeName, async (id, input, errors) =>
                input.Id("organizationId", DirectoryTypeNames.Organization, errors) is { } organization
                    ? await bodies.JoinAsync(id, organization, input.Get<DateOnly>("since"), errors, directory, ctx.CancellationToken)
                    : MutationResult<Body>.Fail(errors.Items)), Roles.Coordinator);

        type.AddMutation<RecordDecisionInputType, Decision>("recordDecision",
            "Records a decision and its follow-ups; partner tools subscribed to decisions receive it. Coordinators only.",
            "decision", DecisionService.TypeName,
            ctx => RecordMutation.RunAsync<Decision>(ctx, "bodyId", BodyService.TypeName, (id, input, errors) =>
            {
                var followUps = input.List<Dictionary<string, object?>>("followUps").Select((values, i) =>
                {
                    var f = new InputReader(values, input.Path($"followUps[{i}]"));
                    return new PlannedFollowUp(f.Get<string>("description"), f.Id("ownerOrganizationId", DirectoryTypeNames.Organization, errors), f.Id("ownerPersonId", DirectoryTypeNames.Person, errors), f.Get<DateOnly>("dueOn"), f.Get<object>("duePrecision") is DuePrecision p ? p : DuePrecision.Day);
                }).ToList();
                return decisions.RecordAsync(
                    new RecordDecision(id, input.Id("meetingId", MeetingsTypeNames.Meeting, errors), input.Id("agendaItemId", MeetingsTypeNames.AgendaItem, errors), input.Get<string>("title"), input.Get<string>("text"), input.Get<DateOnly>("decidedOn"), input.Ids("themeIds", DirectoryTypeNames.Theme, errors), followUps),
                    errors,
                    ctx.CancellationToken);
            }), Roles.Coordinator);

        type.AddMutation<ChangeDecisionStatusInputType, Decision>("changeDecisionStatus", "Amends or revokes a decision. Coordinators only.", "decision", DecisionService.TypeName,
            ctx => RecordMutation.RunAsync<Decision>(ctx, "id", DecisionService.TypeName, (id, input, errors) =>
                decisions.ChangeStatusAsync(id, input.Get<DecisionStatus>("status"), input.Get<DateOnly>("on"), input.Get<string>("note"), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<SetFollowUpStatusInputType, FollowUp>("setFollowUpStatus", "Marks a follow-up done or cancelled. Coordinators only.", "followUp", DecisionService.FollowUpTypeName,
            ctx => RecordMutation.RunAsync<FollowUp>(ctx, "id", DecisionService.FollowUpTypeName, (id, input, errors) =>
                decisions.SetFollowUpStatusAsync(id, input.Get<FollowUpStatus>("status"), input.Get<DateOnly?>("doneOn"), errors, ctx.CancellationToken)), Roles.Coordinator);
    }
}
