using GraphQL;
using GraphQL.DataLoader;
using InterAssociatif.Kernel.DataLoading;
using InterAssociatif.Meetings.Agenda;
using InterAssociatif.Meetings.Attachments;
using InterAssociatif.Meetings.Attendance;
using InterAssociatif.Meetings.Milestones;
using InterAssociatif.Meetings.Minutes;
using InterAssociatif.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Meetings;

/// <summary>The module's batched loads: one SQL command per kind and depth, whatever the number of meetings.</summary>
internal static class MeetingLoaders
{
    public static IDataLoaderResult<IReadOnlyList<AttendanceRecord>> Attendance(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, AttendanceRecord>("attendanceByMeeting", meetingId,
            (db, ids) => db.Attendance.Where(a => ids.Contains(a.MeetingId)).OrderBy(a => a.RecordedAt).ThenBy(a => a.Id), a => a.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<Invitation>> Invitations(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, Invitation>("invitationsByMeeting", meetingId,
            (db, ids) => db.Invitations.Where(i => ids.Contains(i.MeetingId)).OrderBy(i => i.Id), i => i.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<DistributionRecipient>> Distribution(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, DistributionRecipient>("distributionByMeeting", meetingId,
            (db, ids) => db.DistributionRecipients.Where(d => ids.Contains(d.MeetingId)).OrderBy(d => d.Id), d => d.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<AgendaItem>> Agenda(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, AgendaItem>("agendaByMeeting", meetingId,
            (db, ids) => db.AgendaItems.Where(a => ids.Contains(a.MeetingId)).OrderBy(a => a.Position).ThenBy(a => a.Id), a => a.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<Attachment>> Attachments(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, Attachment>("attachmentsByMeeting", meetingId,
            (db, ids) => db.Attachments.Where(a => ids.Contains(a.MeetingId)).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id), a => a.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<MinutesRecord>> Minutes(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, MinutesRecord>("minutesByMeeting", meetingId,
            (db, ids) => db.Minutes.Where(m => ids.Contains(m.MeetingId)), m => m.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<MinutesRevision>> Revisions(IResolveFieldContext context, Guid minutesId) =>
        context.LoadChildren<MeetingsDbContext, MinutesRevision>("revisionsByMinutes", minutesId,
            (db, ids) => db.MinutesRevisions.Where(r => ids.Contains(r.MinutesId)).OrderBy(r => r.Number), r => r.MinutesId);

    public static IDataLoaderResult<IReadOnlyList<Milestone>> AnnouncedMilestones(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, Milestone>("milestonesByMeeting", meetingId,
            (db, ids) => db.Milestones.Where(m => ids.Contains(m.MeetingId)).OrderBy(m => m.Date).ThenBy(m => m.Id), m => m.MeetingId);

    public static IDataLoaderResult<IReadOnlyList<Milestone>> FulfilledMilestones(IResolveFieldContext context, Guid meetingId) =>
        context.LoadChildren<MeetingsDbContext, Milestone>("milestonesFulfilledByMeeting", meetingId,
            (db, ids) => db.Milestones.Where(m => m.FulfilledByMeetingId != null && ids.Contains(m.FulfilledByMeetingId.Value)).OrderBy(m => m.Date), m => m.FulfilledByMeetingId!.Value);
}
