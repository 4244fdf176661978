using GraphQL;
using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Decisions;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Kernel.Relay;
using InterAssociatif.Meetings.Contracts;

namespace InterAssociatif.Governance;





/// <summary>Roles that read the decision register.</summary>
internal static class GovernanceRoles
{
    public static readonly string[] Readers = [Roles.Coordinator, Roles.Member, Roles.Analyst, Roles.Partner];
}

internal sealed class BodyType : ObjectGraphType<Body>
{
    public BodyType(GraphTypeExtensions extensions, NodeRegistry nodes)
    {
        Name = GovernanceTypeNames.Body;
        Description = "A body of the contrat de ville's governance: the network (inter-associatif), the steering committee (comité de pilotage, 3 meetings a year, 7 seats for associations), a thematic group…";
        this.AsNode();
        Field<NonNullGraphType<EnumerationGraphType<BodyKind>>>("kind").Description("What kind of body.").Resolve(ctx => ctx.Source.Kind);
        Field(b => b.Name).Description("Its name.");
        Field(b => b.Description, nullable: true).Description("What it does.");
        Field("theme", new GraphQLTypeReference(DirectoryTypeNames.Theme)).Description("The theme of a thematic group.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Theme, ctx.Source.ThemeId));
        Field(b => b.MeetingsPerYear, nullable: true).Description("How many times a year it meets.");
        Field(b => b.AssociationSeats, nullable: true).Description("Seats for associations at each session, held in rotation.");
        Field("meetings", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(MeetingsTypeNames.Meeting)))))
            .Description("The meetings it held (its sessions).")
            .Resolve(ctx => ctx.LoadChildren<GovernanceDbContext, BodyMeeting>("meetingsByBody", ctx.Source.Id, (db, ids) => db.BodyMeetings.Where(m => ids.Contains(m.BodyId)), m => m.BodyId)
                .Then(list => nodes.LoadReferences(ctx, MeetingsTypeNames.Meeting, list.Select(m => m.MeetingId))));
        Field("participants", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Organization)))))
            .Description("The organisations taking part in it now (for a thematic group: its members).")
            .Resolve(ctx => ctx.LoadChildren<GovernanceDbContext, Participation>("participantsByBody", ctx.Source.Id, (db, ids) => db.Participations.Where(p => ids.Contains(p.BodyId) && p.Until == null).OrderBy(p => p.Since), p => p.BodyId)
                .Then(list => nodes.LoadReferences(ctx, DirectoryTypeNames.Organization, list.Select(p => p.OrganizationId))));
        Field(b => b.Version).Description("Changes with every edit.");
        extensions.ApplyTo(this);
    }
}

internal sealed class DecisionStatusChangeType : ObjectGraphType<DecisionStatusChange>
{
    public DecisionStatusChangeType()
    {
        Name = "DecisionStatusChange";
        Description = "A step of a decision's life.";
        Field<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>("status").Description("The status it took.").Resolve(ctx => ctx.Source.Status);
        Field(h => h.On).Description("The day.");
        Field(h => h.Note, nullable: true).Description("Why.");
    }
}

internal sealed class DecisionType : ObjectGraphType<Decision>
{
    public DecisionType(NodeRegistry nodes)
    {
        Name = GovernanceTypeNames.Decision;
        this.RequireScope(Scopes.ReadDecisions);
        Description = "A decision of the register (relevé de décision): what was decided, by which body, in which meeting and agenda item, its follow-ups (suivi / échéance). Readable by partners, members, analysts and coordinators.";
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        this.AsNode();
        Field(d => d.Title).Description("The decision, in a sentence (e.g. « Acter l'intérêt de la mise en place de l'inter-associatif »).");
        Field(d => d.Text, nullable: true).Description("Its full text.");
        Field(d => d.DecidedOn).Description("The day it was taken.");
        Field<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>("status").Description("Adopted, amended or revoked.").Resolve(ctx => ctx.Source.Status);
        Field(d => d.RecordedAt).Description("When it was recorded.");
        Field<NonNullGraphType<BodyType>>("body").Description("The body that took it.")
            .Resolve(ctx => ctx.LoadById<GovernanceDbContext, Body>(db => db.Bodies, ctx.Source.BodyId));
        Field("meeting", new GraphQLTypeReference(MeetingsTypeNames.Meeting)).Description("The meeting it was taken in.")
            .Resolve(ctx => nodes.LoadReference(ctx, MeetingsTypeNames.Meeting, ctx.Source.MeetingId));
        Field("agendaItem", new GraphQLTypeReference(MeetingsTypeNames.AgendaItem)).Description("The agenda item it came from.")
            .Resolve(ctx => nodes.LoadReference(ctx, MeetingsTypeNames.AgendaItem, ctx.Source.AgendaItemId));
        Field("themes", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(DirectoryTypeNames.Theme)))))
            .Description("The themes it concerns.")
            .Resolve(ctx => ctx.LoadChildren<GovernanceDbContext, DecisionTheme>("themesByDecision", ctx.Source.Id, (db, ids) => db.DecisionThemes.Where(t => ids.Contains(t.DecisionId)), t => t.DecisionId)
                .Then(list => nodes.LoadReferences(ctx, DirectoryTypeNames.Theme, list.Select(t => t.ThemeId))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecisionStatusChangeType>>>>("history").Description("Its adoption, amendments and revocation, in order.")
            .Resolve(ctx => ctx.LoadChildren<GovernanceDbContext, DecisionStatusChange>("historyByDecision", ctx.Source.Id, (db, ids) => db.DecisionHistory.Where(h => ids.Contains(h.DecisionId)).OrderBy(h => h.On).ThenBy(h => h.Id), h => h.DecisionId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowUpType>>>>("followUps").Description("Its follow-up actions, by due date.")
            .Resolve(ctx => ctx.LoadChildren<GovernanceDbContext, FollowUp>("followUpsByDecision", ctx.Source.Id, (db, ids) => db.FollowUps.Where(f => ids.Contains(f.DecisionId)).OrderBy(f => f.DueOn).ThenBy(f => f.Id), f => f.DecisionId));
        Field(d => d.Version).Description("Changes with every status change.");
    }
}

internal sealed class FollowUpType : ObjectGraphType<FollowUp>
{
    public FollowUpType(NodeRegistry nodes)
    {
        Name = GovernanceTypeNames.FollowUp;
        this.RequireScope(Scopes.ReadDecisions);
        Description = "A follow-up action of a decision (suivi / échéance): an owner, a due date (a day, or a month: « novembre »), a status.";
        this.AuthorizeWithRoles(GovernanceRoles.Readers);
        this.AsNode();
        Field(f => f.Description).Description("What is to be done.");
        Field("ownerOrganization", new GraphQLTypeReference(DirectoryTypeNames.Organization)).Description("The organisation in charge.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Organization, ctx.Source.OwnerOrganizationId));
        Field("ownerPerson", new GraphQLTypeReference(DirectoryTypeNames.Person)).Description("The person in charge.")
            .Resolve(ctx => nodes.LoadReference(ctx, DirectoryTypeNames.Person, ctx.Source.OwnerPersonId));
        Field(f => f.DueOn).Description("When it is due (with MONTH precision, only the month counts).");
        Field<NonNullGraphType<EnumerationGraphType<DuePrecision>>>("duePrecision").Description("DAY or MONTH.").Resolve(ctx => ctx.Source.DuePrecision);
        Field<NonNullGraphType<EnumerationGraphType<FollowUpStatus>>>("status").Description("Open, done or cancelled.").Resolve(ctx => ctx.Source.Status);
        Field(f => f.DoneOn, nullable: true).Description("When it was done.");
        Field<NonNullGraphType<DecisionType>>("decision").Description("The decision it follows up.")
            .Resolve(ctx => ctx.LoadById<GovernanceDbContext, Decision>(db => db.Decisions, ctx.Source.DecisionId));
        Field(f => f.Version).Description("Changes with every edit.");
    }
}
