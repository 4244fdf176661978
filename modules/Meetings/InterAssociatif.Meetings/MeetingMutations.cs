using GraphQL.Types;
using InterAssociatif.Directory.Contracts;
using InterAssociatif.Kernel.Authorization;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.GraphQL;
using InterAssociatif.Meetings.Agenda;
using InterAssociatif.Meetings.Attendance;
using InterAssociatif.Meetings.Contracts;
using InterAssociatif.Meetings.Meetings;
using InterAssociatif.Meetings.Milestones;
using InterAssociatif.Meetings.Minutes;

namespace InterAssociatif.Meetings;

/// <summary>Adds the Meetings mutations to <c>Mutation</c> (coordinators only).</summary>
internal sealed class MeetingMutations(
    MeetingService meetings,
    AttendanceService attendance,
    AgendaService agenda,
    MinutesService minutes,
    MilestoneService milestones,
    TimeProvider time) : IGraphTypeExtension
{
    private const string Meeting = MeetingsTypeNames.Meeting;

    public string TypeName => "Mutation";

    public void Extend(IComplexGraphType type)
    {
        type.AddMutation<ScheduleMeetingInput, Meeting>(
            "scheduleMeeting", "Schedules a meeting. Coordinators only.", "meeting", Meeting,
            (input, ctx) => meetings.ScheduleAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<UpdateMeetingInput, Meeting>(
            "updateMeeting", "Changes a meeting: title, times, place, organiser, status. Coordinators only.", "meeting", Meeting,
            (input, ctx) => meetings.ChangeAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<InviteToMeetingInput, Meeting>(
            "inviteToMeeting", "Invites organisations and people to a meeting. Coordinators only.", "meeting", Meeting,
            (input, ctx) => attendance.InviteAsync(input.MeetingId, input.OrganizationIds, input.PersonIds, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<RecordAttendanceInput, AttendanceRecord>(
            "recordAttendance",
            "Records whether a person attended a meeting that has started. Once per person and meeting. Coordinators only.",
            "attendance", MeetingsTypeNames.Attendance,
            (input, ctx) => attendance.RecordAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<ChangeAttendanceInput, AttendanceRecord>(
            "changeAttendance", "Corrects a recorded attendance. Coordinators only.", "attendance", MeetingsTypeNames.Attendance,
            (input, ctx) => attendance.ChangeAsync(input.Id, input.Status, input.Version, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<SetDistributionListInput, Meeting>(
            "setDistributionList", "Sets who receives the minutes. Coordinators only.", "meeting", Meeting,
            (input, ctx) => attendance.SetDistributionAsync(
                input.MeetingId, input.OrganizationIds, input.PersonIds, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<AddAgendaItemInput, AgendaItem>(
            "addAgendaItem", "Inserts an agenda item. Coordinators only.", "agendaItem", MeetingsTypeNames.AgendaItem,
            (input, ctx) => agenda.AddAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<UpdateAgendaItemInput, AgendaItem>(
            "updateAgendaItem", "Changes an agenda item's title or notes. Coordinators only.", "agendaItem", MeetingsTypeNames.AgendaItem,
            (input, ctx) => agenda.UpdateAsync(input.Id, input.Version, input.Title, input.Notes, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<MoveAgendaItemInput, AgendaItem>(
            "moveAgendaItem", "Reorders an agenda item or moves it under another item. Coordinators only.", "agendaItem",
            MeetingsTypeNames.AgendaItem,
            (input, ctx) => agenda.MoveAsync(input.Id, input.ParentId, input.Position, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<DraftMinutesInput, MinutesRecord>(
            "draftMinutes", "Starts a meeting's minutes as a draft. Coordinators only.", "minutes", MeetingsTypeNames.Minutes,
            (input, ctx) => minutes.DraftAsync(
                input.MeetingId, input.AuthorId, input.WrittenOn ?? Kernel.Text.Clock.Today(time), input.Text, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<EditMinutesDraftInput, MinutesRecord>(
            "editMinutesDraft", "Edits the draft minutes; published minutes are never edited in place. Coordinators only.", "minutes",
            MeetingsTypeNames.Minutes,
            (input, ctx) => minutes.EditDraftAsync(
                input.MeetingId,
                input.Version,
                input.Text,
                input.WrittenOn is { IsSet: true, Value: { } day } ? new Optional<DateOnly>(true, day) : default,
                input.AuthorId,
                new ErrorList(),
                ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<PublishMinutesInput, MinutesRecord>(
            "publishMinutes", "Publishes the draft: its text becomes revision 1 and never changes. Coordinators only.", "minutes",
            MeetingsTypeNames.Minutes,
            (input, ctx) => minutes.PublishAsync(input.MeetingId, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<CorrectMinutesInput, MinutesRecord>(
            "correctMinutes", "Publishes a correction as a new revision. Coordinators only.", "minutes", MeetingsTypeNames.Minutes,
            (input, ctx) => minutes.CorrectAsync(input.MeetingId, input.Text, input.Note, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<AnnounceMilestoneInput, Milestone>(
            "announceMilestone", "Records a step a meeting announces. Coordinators only.", "milestone", MeetingsTypeNames.Milestone,
            (input, ctx) => milestones.AnnounceAsync(input, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);

        type.AddMutation<FulfilMilestoneInput, Milestone>(
            "fulfilMilestone", "Links a step to the meeting that fulfilled it. Coordinators only.", "milestone", MeetingsTypeNames.Milestone,
            (input, ctx) => milestones.FulfilAsync(input.Id, input.MeetingId, new ErrorList(), ctx.CancellationToken),
            Roles.Coordinator);
    }
}
