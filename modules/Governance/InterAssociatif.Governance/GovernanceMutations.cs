using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Decisions;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Meetings.Contracts;

namespace InterAssociatif.Governance;

internal sealed class GovernanceMutations(BodyService bodies, DecisionService decisions, IDirectoryReader directory) : IGraphTypeExtension
{
    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<CreateBodyInput, Body>(
            "createBody", "Creates a body. Coordinators only.", "body", GovernanceTypeNames.Body,
            (input, ctx) => bodies.CreateAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<AddBodySessionInput, Body>(
            "addBodySession", "Records that a meeting is a session of a body. Coordinators only.", "body", GovernanceTypeNames.Body,
            (input, ctx) => bodies.HoldMeetingAsync(input.BodyId, input.MeetingId, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<JoinBodyInput, Body>(
            "joinBody", "An organisation joins a body (e.g. a thematic group). Coordinators only.", "body", GovernanceTypeNames.Body,
            (input, ctx) => bodies.JoinAsync(input.BodyId, input.OrganizationId, input.Since, new ErrorList(), directory, ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<RecordDecisionInput, Decision>(
            "recordDecision",
            "Records a decision and its follow-ups; partner tools subscribed to decisions receive it. Coordinators only.",
            "decision", GovernanceTypeNames.Decision,
            (input, ctx) => decisions.RecordAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<ChangeDecisionStatusInput, Decision>(
            "changeDecisionStatus", "Amends or revokes a decision. Coordinators only.", "decision", GovernanceTypeNames.Decision,
            (input, ctx) => decisions.ChangeStatusAsync(input.Id, input.Status, input.On, input.Note, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<SetFollowUpStatusInput, FollowUp>(
            "setFollowUpStatus", "Marks a follow-up done or cancelled. Coordinators only.", "followUp", GovernanceTypeNames.FollowUp,
            (input, ctx) => decisions.SetFollowUpStatusAsync(input.Id, input.Status, input.DoneOn, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);
    }
}
