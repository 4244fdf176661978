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

/// <summary>Input types of the Meetings mutations, declared once from a compact description.</summary>
internal abstract class MeetingsInputType : InputObjectGraphType
{
    protected MeetingsInputType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>An id of a <paramref name="references"/> record, checked to exist before the mutation runs.</summary>
    protected void Id(string references, string name, string description, bool required = true)
    {
        if (required)
        {
            Field<NonNullGraphType<IdGraphType>>(name).Description(description).References(references);
        }
        else
        {
            Field<IdGraphType>(name).Description(description).References(references);
        }
    }

    protected void Ids(string references, string name, string description) =>
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>(name).Description(description).References(references);
}

internal sealed class MeetingPlaceInputType : InputObjectGraphType
{
    public MeetingPlaceInputType()
    {
        Name = "MeetingPlaceInput";
        Description = "Where a meeting takes place.";
        Field<StringGraphType>("name").Description($"The venue, at most {Meeting.PlaceMaxLength} characters.");
        Field<StringGraphType>("address").Description("Its address.");
        Field<StringGraphType>("neighbourhood").Description("The neighbourhood (QPV) it is in.");
    }
}

internal sealed class ScheduleMeetingInputType : MeetingsInputType
{
    public ScheduleMeetingInputType()
        : base("ScheduleMeetingInput", "A new meeting.")
    {
        Field<NonNullGraphType<StringGraphType>>("title").Description($"1 to {Meeting.TitleMaxLength} characters.");
        Field<StringGraphType>("description").Description("What it is about.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When it starts.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When it ends: after it starts, within 7 days.");
        Field<MeetingPlaceInputType>("place").Description("Where it takes place.");
        Id(DirectoryTypeNames.Organization, "organizerId", "The organisation that convenes it.", required: false);
    }
}

internal sealed class UpdateMeetingInputType : MeetingsInputType
{
    public UpdateMeetingInputType()
        : base("UpdateMeetingInput", "Changes to a meeting; omitted fields stay as they are.")
    {
        Id(MeetingsTypeNames.Meeting, "id", "The meeting.");
        Field<IntGraphType>("version").Description("The `version` you read, to detect a concurrent change.");
        Field<StringGraphType>("title").Description("The title.");
        Field<StringGraphType>("description").Description("What it is about.");
        Field<DateTimeOffsetGraphType>("startsAt").Description("When it starts.");
        Field<DateTimeOffsetGraphType>("endsAt").Description("When it ends.");
        Field<MeetingPlaceInputType>("place").Description("Where it takes place (replaces the place; null clears it).");
        Id(DirectoryTypeNames.Organization, "organizerId", "The organisation that convenes it.", required: false);
        Field<MeetingStatusType>("status").Description("HELD once it has started; CANCELLED unless it was held.");
    }
}

internal sealed class InviteToMeetingInputType : MeetingsInputType
{
    public InviteToMeetingInputType()
        : base("InviteToMeetingInput", "Organisations and people to invite; those already invited are kept once.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Ids(DirectoryTypeNames.Organization, "organizationIds", "Organisations to invite.");
        Ids(DirectoryTypeNames.Person, "personIds", "People to invite.");
    }
}

internal sealed class RecordAttendanceInputType : MeetingsInputType
{
    public RecordAttendanceInputType()
        : base("RecordAttendanceInput", "A person's attendance at a meeting that has started, on behalf of an organisation.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Id(DirectoryTypeNames.Person, "personId", "The person.");
        Id(DirectoryTypeNames.Organization, "organizationId", "The organisation they represent.");
        Field<NonNullGraphType<AttendanceStatusType>>("status").Description("Present, excused or absent.");
    }
}

internal sealed class ChangeAttendanceInputType : MeetingsInputType
{
    public ChangeAttendanceInputType()
        : base("ChangeAttendanceInput", "Corrects a recorded attendance.")
    {
        Id(AttendanceType.GraphQLName, "id", "The attendance.");
        Field<IntGraphType>("version").Description("The `version` you read.");
        Field<NonNullGraphType<AttendanceStatusType>>("status").Description("The corrected status.");
    }
}

internal sealed class SetDistributionListInputType : MeetingsInputType
{
    public SetDistributionListInputType()
        : base("SetDistributionListInput", "Who receives the minutes; empty lists bring back the default (participants and excused).")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Ids(DirectoryTypeNames.Organization, "organizationIds", "Organisations that receive the minutes.");
        Ids(DirectoryTypeNames.Person, "personIds", "People who receive the minutes.");
    }
}

internal sealed class AddAgendaItemInputType : MeetingsInputType
{
    public AddAgendaItemInputType()
        : base("AddAgendaItemInput", "A new agenda item, at the top level or under another item.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Id(MeetingsTypeNames.AgendaItem, "parentId", "The item it goes under; omit for the top level.", required: false);
        Field<IntGraphType>("position").Description("Its rank among its siblings, from 1; default last. Later siblings move down.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"1 to {AgendaItem.TitleMaxLength} characters.");
        Field<StringGraphType>("notes").Description("Notes in Markdown.");
    }
}

internal sealed class UpdateAgendaItemInputType : MeetingsInputType
{
    public UpdateAgendaItemInputType()
        : base("UpdateAgendaItemInput", "Changes an agenda item's title or notes.")
    {
        Id(MeetingsTypeNames.AgendaItem, "id", "The item.");
        Field<IntGraphType>("version").Description("The `version` you read.");
        Field<StringGraphType>("title").Description("The title.");
        Field<StringGraphType>("notes").Description("Notes in Markdown; null clears them.");
    }
}

internal sealed class MoveAgendaItemInputType : MeetingsInputType
{
    public MoveAgendaItemInputType()
        : base("MoveAgendaItemInput", "Moves an agenda item (with its sub-items) to another place.")
    {
        Id(MeetingsTypeNames.AgendaItem, "id", "The item.");
        Id(MeetingsTypeNames.AgendaItem, "parentId", "Its new parent; omit or null for the top level. Never the item itself or one of its sub-items.", required: false);
        Field<IntGraphType>("position").Description("Its new rank among its new siblings; default last.");
    }
}

internal sealed class DraftMinutesInputType : MeetingsInputType
{
    public DraftMinutesInputType()
        : base("DraftMinutesInput", "Starts the minutes of a meeting as a draft (projet de compte rendu).")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Id(DirectoryTypeNames.Person, "authorId", "The person who writes them.", required: false);
        Field<DateOnlyGraphType>("writtenOn").Description("The day of writing; default today; not before the meeting.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The text, in Markdown.");
    }
}

internal sealed class EditMinutesDraftInputType : MeetingsInputType
{
    public EditMinutesDraftInputType()
        : base("EditMinutesDraftInput", "Changes the draft; published minutes cannot be edited.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Field<IntGraphType>("version").Description("The `version` you read.");
        Field<StringGraphType>("text").Description("The new text.");
        Field<DateOnlyGraphType>("writtenOn").Description("The day of writing.");
        Id(DirectoryTypeNames.Person, "authorId", "The author.", required: false);
    }
}

internal sealed class PublishMinutesInputType : MeetingsInputType
{
    public PublishMinutesInputType()
        : base("PublishMinutesInput", "Publishes the draft as the first revision.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
    }
}

internal sealed class CorrectMinutesInputType : MeetingsInputType
{
    public CorrectMinutesInputType()
        : base("CorrectMinutesInput", "Publishes a corrected text as a new revision; earlier revisions stay readable.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The corrected text.");
        Field<NonNullGraphType<StringGraphType>>("note").Description("What the correction changes.");
    }
}

internal sealed class AnnounceMilestoneInputType : MeetingsInputType
{
    public AnnounceMilestoneInputType()
        : base("AnnounceMilestoneInput", "A step a meeting announces.")
    {
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting that announces it.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("What the step is.");
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Description("Its day; with MONTH precision, the day that places it in the timeline (the 1st for « début », the 15th for « courant »).");
        Field<DateOnlyGraphType>("endDate").Description("Its last day, for a step over several days.");
        Field<DatePrecisionType>("precision").Description("DAY (default) or MONTH.");
        Id(MeetingsTypeNames.Meeting, "fulfilledByMeetingId", "The meeting that fulfilled it, if already known.", required: false);
    }
}

internal sealed class FulfilMilestoneInputType : MeetingsInputType
{
    public FulfilMilestoneInputType()
        : base("FulfilMilestoneInput", "Links a step to the meeting that fulfilled it.")
    {
        Id(MilestoneType.GraphQLName, "id", "The milestone.");
        Id(MeetingsTypeNames.Meeting, "meetingId", "The meeting that fulfilled it; null to unlink.", required: false);
    }
}

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
        type.AddMutation<ScheduleMeetingInputType, Meeting>("scheduleMeeting", "Schedules a meeting. Coordinators only.", "meeting", Meeting, ctx =>
        {
            var input = InputReader.From(ctx);
            var errors = new ErrorList();
            var command = new ScheduleMeeting(input.Get<string>("title"), input.Get<string>("description"), input.Get<DateTimeOffset>("startsAt"), input.Get<DateTimeOffset>("endsAt"),
                Place(input) ?? new MeetingPlace(null, null, null), input.Id("organizerId", DirectoryTypeNames.Organization, errors));
            return meetings.ScheduleAsync(command, errors, ctx.CancellationToken);
        }, Roles.Coordinator);

        type.AddMutation<UpdateMeetingInputType, Meeting>("updateMeeting", "Changes a meeting: title, times, place, organiser, status. Coordinators only.", "meeting", Meeting,
            ctx => RecordMutation.RunAsync<Meeting>(ctx, "id", Meeting, (id, input, errors) => meetings.ChangeAsync(
                new ChangeMeeting(
                    id,
                    input.Get<int?>("version"),
                    input.Optional<string>("title"),
                    input.Optional<string>("description"),
                    input.Has("startsAt") ? new Optional<DateTimeOffset>(true, input.Get<DateTimeOffset>("startsAt")) : default,
                    input.Has("endsAt") ? new Optional<DateTimeOffset>(true, input.Get<DateTimeOffset>("endsAt")) : default,
                    input.Has("place") ? new Optional<MeetingPlace?>(true, Place(input)) : default,
                    input.Has("organizerId") ? new Optional<Guid?>(true, input.Id("organizerId", DirectoryTypeNames.Organization, errors)) : default,
                    input.Get<object>("status") is MeetingStatus status ? new Optional<MeetingStatus>(true, status) : default),
                errors,
                ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<InviteToMeetingInputType, Meeting>("inviteToMeeting", "Invites organisations and people to a meeting. Coordinators only.", "meeting", Meeting,
            ctx => RecordMutation.RunAsync<Meeting>(ctx, "meetingId", Meeting, (id, input, errors) => attendance.InviteAsync(
                id, input.Ids("organizationIds", DirectoryTypeNames.Organization, errors), input.Ids("personIds", DirectoryTypeNames.Person, errors), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<RecordAttendanceInputType, AttendanceRecord>("recordAttendance", "Records whether a person attended a meeting that has started. Once per person and meeting. Coordinators only.", "attendance", AttendanceType.GraphQLName,
            ctx => RecordMutation.RunAsync<AttendanceRecord>(ctx, "meetingId", Meeting, async (id, input, errors) =>
            {
                var personId = input.Id("personId", DirectoryTypeNames.Person, errors);
                var organizationId = input.Id("organizationId", DirectoryTypeNames.Organization, errors);
                return personId is null || organizationId is null
                    ? MutationResult<AttendanceRecord>.Fail(errors.Items)
                    : await attendance.RecordAsync(new RecordAttendance(id, personId.Value, organizationId.Value, input.Get<AttendanceStatus>("status")), errors, ctx.CancellationToken);
            }), Roles.Coordinator);

        type.AddMutation<ChangeAttendanceInputType, AttendanceRecord>("changeAttendance", "Corrects a recorded attendance. Coordinators only.", "attendance", AttendanceType.GraphQLName,
            ctx => RecordMutation.RunAsync<AttendanceRecord>(ctx, "id", AttendanceType.GraphQLName, (id, input, errors) =>
                attendance.ChangeAsync(id, input.Get<AttendanceStatus>("status"), input.Get<int?>("version"), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<SetDistributionListInputType, Meeting>("setDistributionList", "Sets who receives the minutes. Coordinators only.", "meeting", Meeting,
            ctx => RecordMutation.RunAsync<Meeting>(ctx, "meetingId", Meeting, (id, input, errors) => attendance.SetDistributionAsync(
                id, input.Ids("organizationIds", DirectoryTypeNames.Organization, errors), input.Ids("personIds", DirectoryTypeNames.Person, errors), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<AddAgendaItemInputType, AgendaItem>("addAgendaItem", "Inserts an agenda item. Coordinators only.", "agendaItem", MeetingsTypeNames.AgendaItem,
            ctx => RecordMutation.RunAsync<AgendaItem>(ctx, "meetingId", Meeting, (id, input, errors) => agenda.AddAsync(
                new AddAgendaItem(id, input.Id("parentId", MeetingsTypeNames.AgendaItem, errors), input.Get<int?>("position"), input.Get<string>("title"), input.Get<string>("notes")), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<UpdateAgendaItemInputType, AgendaItem>("updateAgendaItem", "Changes an agenda item's title or notes. Coordinators only.", "agendaItem", MeetingsTypeNames.AgendaItem,
            ctx => RecordMutation.RunAsync<AgendaItem>(ctx, "id", MeetingsTypeNames.AgendaItem, (id, input, errors) => agenda.UpdateAsync(
                id, input.Get<int?>("version"), input.Optional<string>("title"), input.Optional<string>("notes"), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<MoveAgendaItemInputType, AgendaItem>("moveAgendaItem", "Reorders an agenda item or moves it under another item. Coordinators only.", "agendaItem", MeetingsTypeNames.AgendaItem,
            ctx => RecordMutation.RunAsync<AgendaItem>(ctx, "id", MeetingsTypeNames.AgendaItem, (id, input, errors) => agenda.MoveAsync(
                id, input.Id("parentId", MeetingsTypeNames.AgendaItem, errors), input.Get<int?>("position"), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<DraftMinutesInputType, MinutesRecord>("draftMinutes", "Starts a meeting's minutes as a draft. Coordinators only.", "minutes", "Minutes",
            ctx => RecordMutation.RunAsync<MinutesRecord>(ctx, "meetingId", Meeting, (id, input, errors) => minutes.DraftAsync(
                id, input.Id("authorId", DirectoryTypeNames.Person, errors), input.Get<DateOnly?>("writtenOn") ?? Kernel.Text.Clock.Today(time), input.Get<string>("text"), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<EditMinutesDraftInputType, MinutesRecord>("editMinutesDraft", "Edits the draft minutes; published minutes are never edited in place. Coordinators only.", "minutes", "Minutes",
            ctx => RecordMutation.RunAsync<MinutesRecord>(ctx, "meetingId", Meeting, (id, input, errors) => minutes.EditDraftAsync(
                id,
                input.Get<int?>("version"),
                input.Optional<string>("text"),
                input.Has("writtenOn") && input.Get<DateOnly?>("writtenOn") is { } day ? new Optional<DateOnly>(true, day) : default,
                input.Has("authorId") ? new Optional<Guid?>(true, input.Id("authorId", DirectoryTypeNames.Person, errors)) : default,
                errors,
                ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<PublishMinutesInputType, MinutesRecord>("publishMinutes", "Publishes the draft: its text becomes revision 1 and never changes. Coordinators only.", "minutes", "Minutes",
            ctx => RecordMutation.RunAsync<MinutesRecord>(ctx, "meetingId", Meeting, (id, _, errors) => minutes.PublishAsync(id, errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<CorrectMinutesInputType, MinutesRecord>("correctMinutes", "Publishes a correction as a new revision. Coordinators only.", "minutes", "Minutes",
            ctx => RecordMutation.RunAsync<MinutesRecord>(ctx, "meetingId", Meeting, (id, input, errors) => minutes.CorrectAsync(
                id, input.Get<string>("text"), input.Get<string>("note"), errors, ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<AnnounceMilestoneInputType, Milestone>("announceMilestone", "Records a step a meeting announces. Coordinators only.", "milestone", MilestoneType.GraphQLName,
            ctx => RecordMutation.RunAsync<Milestone>(ctx, "meetingId", Meeting, (id, input, errors) => milestones.AnnounceAsync(
                new AnnounceMilestone(id, input.Get<string>("title"), input.Get<DateOnly>("date"), input.Get<DateOnly?>("endDate"), input.Get<object>("precision") is DatePrecision precision ? precision : DatePrecision.Day, input.Id("fulfilledByMeetingId", Meeting, errors)),
                errors,
                ctx.CancellationToken)), Roles.Coordinator);

        type.AddMutation<FulfilMilestoneInputType, Milestone>("fulfilMilestone", "Links a step to the meeting that fulfilled it. Coordinators only.", "milestone", MilestoneType.GraphQLName,
            ctx => RecordMutation.RunAsync<Milestone>(ctx, "id", MilestoneType.GraphQLName, (id, input, errors) =>
                milestones.FulfilAsync(id, input.Id("meetingId", Meeting, errors), errors, ctx.CancellationToken)), Roles.Coordinator);
    }

    private static MeetingPlace? Place(InputReader input) =>
        input.Get<Dictionary<string, object?>>("place") is { } place
            ? new MeetingPlace(place.GetValueOrDefault("name") as string, place.GetValueOrDefault("address") as string, place.GetValueOrDefault("neighbourhood") as string)
            : null;
}
