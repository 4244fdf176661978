using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace InterAssociatif.Meetings.Calendar;

/// <summary>
/// iCalendar (RFC 5545) feeds of the meetings, so people subscribe from their calendar application:
/// <c>/calendar.ics</c> (every meeting) and <c>/calendar/{organizationId}.ics</c> (meetings an
/// organisation convenes or is invited to). Titles, times, places and status are public.
/// </summary>
internal sealed class CalendarEndpoints(IDbContextFactory<MeetingsDbContext> factory, IDirectoryReader directory)
    : IEndpointContributor
{
    /// <summary>
    /// The feed holds the most recent meetings (and every planned one within that count); older ones stay in the API.
    /// </summary>
    private const int MaxEvents = 2000;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // As a route handler (not a bare RequestDelegate): its result is written, the group's filter applies.
        endpoints.MapGet("/calendar.ics", (Func<HttpContext, Task<IResult>>)AllAsync).OpenToAnyone();
        endpoints.MapGet("/calendar/{organizationId}.ics", ForOrganizationAsync).OpenToAnyone();
    }

    private Task<IResult> AllAsync(HttpContext http) => FeedAsync(http, null);

    private Task<IResult> ForOrganizationAsync(HttpContext http, string organizationId) =>
        FeedAsync(http, organizationId);

    private async Task<IResult> FeedAsync(HttpContext http, string? organizationId)
    {
        Guid? organization = null;
        if (organizationId is not null)
        {
            if (!GlobalId.TryDecode(organizationId, DirectoryTypeNames.Organization, out var decoded)
                || (await directory.GetOrganizationsAsync([decoded], http.RequestAborted)).Count == 0)
            {
                return EndpointResults.NotFound("organizationId", "organisation", organizationId);
            }

            organization = decoded;
        }

        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        IQueryable<Meeting> meetings = db.Meetings;
        if (organization is { } id)
        {
            meetings = meetings.Where(m =>
                m.OrganizerId == id || db.Invitations.Any(i => i.MeetingId == m.Id && i.OrganizationId == id));
        }

        var newest = await meetings
            .OrderByDescending(m => m.StartsAt)
            .ThenByDescending(m => m.Id)
            .Take(MaxEvents)
            .ToListAsync(http.RequestAborted);
        newest.Reverse();
        return TypedResults.Text(Serialize(newest), "text/calendar; charset=utf-8");
    }

    internal string Serialize(IEnumerable<Meeting> meetings)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//InterAssociatif//Meetings//FR" };
        calendar.AddProperty("X-WR-CALNAME", "InterAssociatif");
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{meeting.Id:N}@interassociatif",
                DtStamp = new CalDateTime(meeting.UpdatedAt.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(meeting.StartsAt.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(meeting.EndsAt.UtcDateTime, "UTC"),
                Summary = meeting.Title,
                Description = meeting.Description,
                Location = string.Join(
                    ", ",
                    new[] { meeting.PlaceName, meeting.PlaceAddress, meeting.PlaceNeighbourhood }.Where(p =>
                        !string.IsNullOrWhiteSpace(p))),
                Status = meeting.Status switch
                {
                    MeetingStatus.Cancelled => EventStatus.Cancelled,
                    _ => EventStatus.Confirmed,
                },
                Sequence = meeting.Version,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
