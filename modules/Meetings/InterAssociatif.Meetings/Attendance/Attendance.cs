namespace InterAssociatif.Meetings.Attendance;

[Description("Whether a person came to a meeting: present, excused, or absent.")]
internal enum AttendanceStatus
{
    [Description("Present (présent).")]
    Present,

    [Description("Excused (excusé).")]
    Excused,

    [Description("Absent without excuse (absent).")]
    Absent,
}

/// <summary>An organisation or a person invited to a meeting.</summary>
internal sealed class Invitation : IHasId
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    /// <summary>The organisation invited (Directory id), or null when a person is invited.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The person invited (Directory id), or null when an organisation is invited.</summary>
    public Guid? PersonId { get; set; }
}

/// <summary>Whether a person attended a meeting, on behalf of an organisation. Once per person and meeting.</summary>
internal sealed class AttendanceRecord : IHasId, IVersioned
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    public Guid OrganizationId { get; set; }

    public AttendanceStatus Status { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A recipient of the minutes (diffusion): a person or an organisation.</summary>
internal sealed class DistributionRecipient : IHasId
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? PersonId { get; set; }
}
