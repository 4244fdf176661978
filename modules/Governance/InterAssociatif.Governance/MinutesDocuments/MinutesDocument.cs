namespace InterAssociatif.Governance.MinutesDocuments;

/// <summary>
/// The compte rendu of a meeting as the network circulates it, built from the structured record (never from a
/// revision's free text): header, participants by organisation, the absent or excused, the distribution, then
/// the « Relevé de décision » | « Suivi/échéance » table through the agenda, and the steps announced.
/// </summary>
internal sealed record MinutesDocument(
    string Place,
    DateOnly WrittenOn,
    int? Revision,
    string Object,
    DateOnly MeetingDay,
    IReadOnlyList<string> Attachments,
    IReadOnlyList<PeopleOfOrganization> Participants,
    IReadOnlyList<string> AbsentOrganizations,
    IReadOnlyList<PeopleOfOrganization> Excused,
    string Distribution,
    IReadOnlyList<DocumentRow> Rows,
    IReadOnlyList<string> Milestones
)
{
    /// <summary>A draft reads « Projet de compte rendu »; a published revision « Compte rendu ».</summary>
    public bool IsDraft => Revision is null;

    public string Heading => IsDraft ? "Projet de compte rendu" : "Compte rendu";

    public string PlaceAndDate => $"{Place}, le {FrenchDates.Long(WrittenOn)}";

    /// <summary>
    /// A French file name: « Compte-rendu-r1_2017-09-18_inter-associatif-poursuite-de-la-reflexion.docx ».
    /// </summary>
    public string FileName(string extension)
    {
        var title = string.Join('-', SearchText.Tokens(Object));
        var kind = IsDraft ? "Projet-de-compte-rendu" : $"Compte-rendu-r{Revision}";
        return $"{kind}_{MeetingDay:yyyy-MM-dd}_{title[..Math.Min(title.Length, 60)]}.{extension}";
    }
}

/// <summary>An organisation and the lines of its people (« Camille MORVAN », « Aurélie KERJÉAN, Mission … »).</summary>
internal sealed record PeopleOfOrganization(string Organization, bool IsInstitution, IReadOnlyList<string> People);

/// <summary>
/// One agenda item's row: on the left its notes and decisions, on the right the follow-ups and requests.
/// </summary>
internal sealed record DocumentRow(
    string Number,
    string Title,
    int Depth,
    string? Notes,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> FollowUps,
    IReadOnlyList<string> Requests
);

/// <summary>
/// Reads a meeting's record through the GraphQL API as the caller (so the document shows exactly what the API
/// shows them: a partner gets organisations without people) and lays it out as a <see cref="MinutesDocument"/>.
/// </summary>
internal sealed class MinutesDocumentReader(IGraphQLRunner graphQL, IOptions<MinutesDocumentOptions> options)
{
    /// <summary>
    /// Roles that read people (the Directory's rule for <c>Person</c>); others get organisations only.
    /// </summary>
    public static readonly string[] PeopleReaders = [Roles.Coordinator, Roles.Member, Roles.Analyst];

    public const string Query = """
        query MinutesDocument($id: ID!, $people: Boolean!) {
          meeting(id: $id) {
            title startsAt
            attendance { status organization { ...Org } person @include(if: $people) { givenName familyName } }
            attendanceSummary { organizationsNotRepresented { ...Org } }
            agenda { ...Item items { ...Item items { ...Item } } }
            attachments { title }
            minutes { status writtenOn revisions { number publishedAt } }
            distributionList { isDefault organizations { name } people @include(if: $people) { givenName familyName } }
            decisions {
              title text status agendaItem { id }
              followUps {
                description dueOn duePrecision status ownerOrganization { name }
                ownerPerson @include(if: $people) { givenName familyName }
              }
            }
            escalatedRequests { text status expectedAnswerOn answer agendaItem { id } recipientOrganizations { name } }
            milestones { title date endDate precision }
          }
        }
        fragment Org on Organization { id name kind parent { id name kind parent { id name kind } } }
        fragment Item on AgendaItem { id number title notes }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The document, or why there is none for this caller (no meeting, no readable minutes, no such revision).
    /// </summary>
    public async Task<(MinutesDocument? Document, UserError? Missing, string? DataHash)> ReadAsync(
        Guid meetingId, int? revision, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object?>
        {
            ["id"] = GlobalId.Encode(MeetingsTypeNames.Meeting, meetingId),
            ["people"] = PeopleReaders.Any(user.IsInRole),
        };
        var data = await graphQL.RunAsync(Query, variables, user, cancellationToken);
        var meeting = data.GetProperty("meeting").Deserialize<MeetingData>(Json);
        var meetingGlobalId = (string)variables["id"]!;
        if (meeting is null)
        {
            return (null, new NotFoundError("meetingId", "No meeting has this id.", meetingGlobalId), null);
        }

        if (meeting.Minutes is not { } minutes)
        {
            return (
                null,
                new NotFoundError(
                    "meetingId",
                    "This meeting has no minutes you may read (a draft is for coordinators).",
                    meetingGlobalId
                ),
                null
            );
        }

        var chosen = revision is { } n
            ? minutes.Revisions.FirstOrDefault(r => r.Number == n)
            : minutes.Revisions.LastOrDefault();
        if (revision is not null && chosen is null)
        {
            return (
                null,
                new NotFoundError("revision", $"These minutes have no published revision {revision}.", null),
                null
            );
        }

        var hash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(data.GetRawText() + "|" + chosen?.Number))
        )[..32];
        return (Build(meeting, minutes, chosen), null, hash);
    }

    private MinutesDocument Build(MeetingData meeting, MinutesData minutes, RevisionData? revision)
    {
        var present = meeting.Attendance.Where(a => a.Status == "PRESENT").ToList();
        var excused = meeting.Attendance.Where(a => a.Status == "EXCUSED").ToList();
        var excusedOrganizations = excused.Select(a => a.Organization.Id).ToHashSet();
        var absent = meeting
            .AttendanceSummary.OrganizationsNotRepresented.Where(o => !excusedOrganizations.Contains(o.Id))
            .OrderBy(o => o.Kind == "INSTITUTION")
            .ThenBy(o => o.Name, StringComparer.Create(FrenchDates.Culture, true))
            .Select(o => o.Name)
            .ToList();
        var distribution = meeting.DistributionList.IsDefault
            ? "Participants et excusés"
            : string.Join(
                ", ",
                meeting
                    .DistributionList.Organizations.Select(o => o.Name)
                    .Concat((meeting.DistributionList.People ?? []).Select(p => p.Line))
            );
        return new MinutesDocument(
            options.Value.Place,
            revision is null ? minutes.WrittenOn : Clock.DayOf(revision.PublishedAt),
            revision?.Number,
            meeting.Title,
            Clock.DayOf(meeting.StartsAt),
            meeting.Attachments.Select(a => a.Title).ToList(),
            Group(present),
            absent,
            Group(excused),
            distribution,
            Rows(meeting),
            meeting.Milestones.Select(m => $"{FrenchDates.Span(m.Date, m.EndDate, m.Precision)} : {m.Title}").ToList()
        );
    }

    /// <summary>
    /// Associations first, then institutions; a unit's people sit under its institution, the unit named after them.
    /// </summary>
    private static List<PeopleOfOrganization> Group(IEnumerable<AttendanceData> attendance) =>
        attendance
            .GroupBy(a => a.Organization.Root)
            .Select(g => new PeopleOfOrganization(
                g.Key.Name,
                g.Key.Kind == "INSTITUTION",
                g.Select(a => (a.Person?.Line, Unit: a.Organization.Id == g.Key.Id ? null : a.Organization.Name))
                    .Select(p =>
                        p.Line is null ? p.Unit
                        : p.Unit is null ? p.Line
                        : $"{p.Line}, {p.Unit}"
                    )
                    .OfType<string>()
                    .Distinct()
                    .ToList()
            ))
            .OrderBy(g => g.IsInstitution)
            .ThenBy(g => g.Organization, StringComparer.Create(FrenchDates.Culture, true))
            .ToList();

    private static List<DocumentRow> Rows(MeetingData meeting)
    {
        var items = meeting.Agenda.SelectMany(i => Flatten(i, 0)).ToList();
        var known = items.Select(i => i.Item.Id).ToHashSet();
        string? Key(IdData? item) => item is not null && known.Contains(item.Id) ? item.Id : null;
        var rows = items
            .Select(i => Row(i.Item.Number, i.Item.Title, i.Depth, i.Item.Notes, meeting, i.Item.Id, Key))
            .ToList();
        var other = Row("", "Autres décisions", 0, null, meeting, null, Key);
        return other.Decisions.Count + other.Requests.Count > 0 ? [.. rows, other] : rows;
    }

    private static DocumentRow Row(
        string number,
        string title,
        int depth,
        string? notes,
        MeetingData meeting,
        string? itemId,
        Func<IdData?, string?> key
    )
    {
        var decisions = meeting.Decisions.Where(d => key(d.AgendaItem) == itemId).ToList();
        var requests = meeting.EscalatedRequests.Where(r => key(r.AgendaItem) == itemId).ToList();
        return new DocumentRow(
            number,
            title,
            depth,
            notes,
            decisions.Select(d => d.Line).ToList(),
            decisions.SelectMany(d => d.FollowUps).Select(f => f.Line).ToList(),
            requests.Select(r => r.Line).ToList()
        );
    }

    private static IEnumerable<(ItemData Item, int Depth)> Flatten(ItemData item, int depth) =>
        new[] { (item, depth) }.Concat((item.Items ?? []).SelectMany(child => Flatten(child, depth + 1)));

    private sealed record MeetingData(
        string Title,
        DateTimeOffset StartsAt,
        List<AttendanceData> Attendance,
        SummaryData AttendanceSummary,
        List<ItemData> Agenda,
        List<TitleData> Attachments,
        MinutesData? Minutes,
        DistributionData DistributionList,
        List<DecisionData> Decisions,
        List<RequestData> EscalatedRequests,
        List<MilestoneData> Milestones
    );

    private sealed record OrganizationData(string Id, string Name, string Kind, OrganizationData? Parent)
    {
        public OrganizationData Root => Parent?.Root ?? this;
    }

    private sealed record PersonData(string GivenName, string FamilyName)
    {
        public string Line => $"{GivenName} {FamilyName.ToUpper(FrenchDates.Culture)}";
    }

    private sealed record AttendanceData(string Status, OrganizationData Organization, PersonData? Person);

    private sealed record SummaryData(List<OrganizationData> OrganizationsNotRepresented);

    private sealed record ItemData(string Id, string Number, string Title, string? Notes, List<ItemData>? Items);

    private sealed record TitleData(string Title);

    private sealed record NameData(string Name);

    private sealed record IdData(string Id);

    private sealed record RevisionData(int Number, DateTimeOffset PublishedAt);

    private sealed record MinutesData(string Status, DateOnly WrittenOn, List<RevisionData> Revisions);

    private sealed record DistributionData(bool IsDefault, List<NameData> Organizations, List<PersonData>? People);

    private sealed record DecisionData(
        string Title, string? Text, string Status, IdData? AgendaItem, List<FollowUpData> FollowUps)
    {
        public string Line =>
            Status switch
            {
                "REVOKED" => $"{Title} (révoquée)",
                "AMENDED" => $"{Title} (amendée)",
                _ => Title,
            } + (string.IsNullOrWhiteSpace(Text) ? "" : $" — {Text}");
    }

    private sealed record FollowUpData(
        string Description,
        DateOnly DueOn,
        string DuePrecision,
        string Status,
        NameData? OwnerOrganization,
        PersonData? OwnerPerson
    )
    {
        public string Line
        {
            get
            {
                var owner = string.Join(", ", new[] { OwnerPerson?.Line, OwnerOrganization?.Name }.OfType<string>());
                var state = Status switch
                {
                    "DONE" => " (fait)",
                    "CANCELLED" => " (annulé)",
                    _ => "",
                };
                var due = FrenchDates.Due(DueOn, DuePrecision);
                return $"{Description} — {(owner.Length > 0 ? owner + ", " : "")}{due}{state}";
            }
        }
    }

    private sealed record RequestData(
        string Text,
        string Status,
        DateOnly? ExpectedAnswerOn,
        string? Answer,
        IdData? AgendaItem,
        List<NameData> RecipientOrganizations
    )
    {
        public string Line
        {
            get
            {
                var names = RecipientOrganizations
                    .Select(o => o.Name)
                    .Order(StringComparer.Create(FrenchDates.Culture, true));
                var to = RecipientOrganizations.Count > 0 ? $" (vers {string.Join(", ", names)})" : "";
                var state = Status switch
                {
                    "ACCEPTED" => "acceptée",
                    "REJECTED" => "refusée",
                    "ANSWERED" => "répondue",
                    _ => ExpectedAnswerOn is { } on
                        ? $"réponse attendue le {FrenchDates.Short(on)}"
                        : "en attente de réponse",
                };
                return $"Demande{to} : {Text} — {state}{(Answer is null ? "" : $" : {Answer}")}";
            }
        }
    }

    private sealed record MilestoneData(string Title, DateOnly Date, DateOnly? EndDate, string Precision);
}

/// <summary>Where the minutes are written (« Nantes, le … »): <c>Minutes:Place</c>.</summary>
internal sealed class MinutesDocumentOptions
{
    public string Place { get; set; } = "Nantes";
}

/// <summary>French dates as the minutes write them, the same on every machine (no dependency on ICU data).</summary>
internal static class FrenchDates
{
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.InvariantCulture;

    private static readonly string[] Months =
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];

    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    /// <summary>« 14 décembre 2017 » (« 1er » for the first).</summary>
    public static string Short(DateOnly day) =>
        $"{(day.Day == 1 ? "1er" : day.Day.ToString(Culture))} {Months[day.Month - 1]} {day.Year}";

    /// <summary>« vendredi 22 septembre 2017 ».</summary>
    public static string Long(DateOnly day) => $"{Days[(int)day.DayOfWeek]} {Short(day)}";

    /// <summary>A due date at its precision: « 14 décembre 2017 », or « courant octobre 2017 » for a month.</summary>
    public static string Due(DateOnly day, string precision) =>
        precision == "MONTH" ? $"courant {Months[day.Month - 1]} {day.Year}" : Short(day);

    /// <summary>A step's date: « 3 octobre 2017 », « du 2 mars au 28 avril 2017 », « courant novembre 2017 ».</summary>
    public static string Span(DateOnly start, DateOnly? end, string precision) =>
        end is { } last && precision != "MONTH"
            ? $"du {(start.Year == last.Year ? Short(start)[..^5] : Short(start))} au {Short(last)}"
            : Due(start, precision);
}
