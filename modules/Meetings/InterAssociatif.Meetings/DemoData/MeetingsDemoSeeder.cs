namespace InterAssociatif.Meetings.DemoData;

/// <summary>
/// Loads the meeting of 18 September 2017 through the module's own services, after the Directory.
/// Idempotent: each part (meeting, invitations, attendance, agenda, minutes, attachments,
/// milestones) is written only if the meeting does not have it yet.
/// </summary>
internal sealed class MeetingsDemoSeeder(
    IDbContextFactory<MeetingsDbContext> factory,
    IDirectoryReader directory,
    MeetingService meetings,
    AttendanceService attendance,
    AgendaService agenda,
    MinutesService minutes,
    AttachmentStore attachments,
    MilestoneService milestones) : IDemoDataSeeder
{
    public int Order => 200;

    public string Module => "Meetings";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var organizer = await directory.FindOrganizationIdByNameAsync(MeetingsDemoData.Organizer, cancellationToken);
        if (organizer is null)
        {
            return; // the Directory's demo data is not there (module disabled or not seeded)
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var meetingId = await db.Meetings.Where(m => m.Title == MeetingsDemoData.Title)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? Expect(
                await meetings.ScheduleAsync(
                    new ScheduleMeetingInput(
                        MeetingsDemoData.Title,
                        MeetingsDemoData.Description,
                        MeetingsDemoData.StartsAt,
                        MeetingsDemoData.EndsAt,
                        new MeetingPlaceInput(null, null, null),
                        organizer),
                    new ErrorList(),
                    cancellationToken)).Id;

        var organizations = new Dictionary<string, Guid>();
        foreach (var name in MeetingsDemoData.CandidateAssociations.Concat(MeetingsDemoData.InvitedInstitutions))
        {
            organizations[name] = await directory.FindOrganizationIdByNameAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Demo organisation not found: {name}");
        }

        Expect(
            await attendance.InviteAsync(
                new(meetingId, organizations.Values.ToList(), []), new ErrorList(), cancellationToken));

        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting.Status != MeetingStatus.Held)
        {
            Expect(
                await meetings.ChangeAsync(
                    new UpdateMeetingInput(
                        meetingId,
                        null,
                        default,
                        default,
                        default,
                        default,
                        default,
                        default,
                        new(true, MeetingStatus.Held)),
                    new ErrorList(),
                    cancellationToken));
        }

        var recorded = (await db.Attendance.Where(a => a.MeetingId == meetingId)
            .Select(a => a.PersonId)
            .ToListAsync(cancellationToken))
            .ToHashSet();
        foreach (var attendee in MeetingsDemoData.Attendance)
        {
            var personId = await directory.FindPersonIdByEmailAsync(attendee.Email, cancellationToken)
                ?? throw new InvalidOperationException($"Demo person not found: {attendee.Email}");
            if (!recorded.Contains(personId))
            {
                Expect(
                    await attendance.RecordAsync(
                        new RecordAttendanceInput(
                            meetingId, personId, organizations[attendee.Organization], attendee.Status),
                        new ErrorList(),
                        cancellationToken));
            }
        }

        if (!await db.AgendaItems.AnyAsync(a => a.MeetingId == meetingId, cancellationToken))
        {
            foreach (var item in MeetingsDemoData.Agenda)
            {
                var parent = Expect(
                    await agenda.AddAsync(
                        new AddAgendaItemInput(meetingId, null, null, item.Title, Unindent(item.Notes)),
                        new ErrorList(),
                        cancellationToken));
                foreach (var child in item.Children ?? [])
                {
                    Expect(
                        await agenda.AddAsync(
                            new AddAgendaItemInput(meetingId, parent.Id, null, child.Title, Unindent(child.Notes)),
                            new ErrorList(),
                            cancellationToken));
                }
            }
        }

        if (!await db.Minutes.AnyAsync(m => m.MeetingId == meetingId, cancellationToken))
        {
            var author = await directory.FindPersonIdByEmailAsync(
                MeetingsDemoData.MinutesAuthorEmail, cancellationToken);
            Expect(
                await minutes.DraftAsync(
                    new(meetingId, author, MeetingsDemoData.MinutesWrittenOn, MeetingsDemoData.MinutesText),
                    new ErrorList(),
                    cancellationToken));
        }

        if (!await db.Attachments.AnyAsync(a => a.MeetingId == meetingId, cancellationToken))
        {
            foreach (var file in MeetingsDemoData.Attachments)
            {
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(file.Content));
                var (_, refusal) = await attachments.StoreAsync(
                    meetingId, file.Title, file.FileName, file.MediaType, content, cancellationToken);
                if (refusal is not null)
                {
                    throw new InvalidOperationException($"Demo attachment refused: {refusal.Error.Message}");
                }
            }
        }

        if (!await db.Milestones.AnyAsync(m => m.MeetingId == meetingId, cancellationToken))
        {
            foreach (var step in MeetingsDemoData.Milestones)
            {
                Expect(
                    await milestones.AnnounceAsync(
                        new AnnounceMilestoneInput(
                            meetingId,
                            step.Title,
                            step.Date,
                            step.EndDate,
                            step.Precision,
                            step.FulfilledByThisMeeting ? meetingId : null),
                        new ErrorList(),
                        cancellationToken));
            }
        }
    }

    private static string? Unindent(string? text) => text?.Trim();

    private static T Expect<T>(MutationResult<T> result)
        where T : class =>
        result.Value
        ?? throw new InvalidOperationException(
            "Demo data broke a rule: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
