namespace InterAssociatif.Meetings.Persistence;

/// <summary>The Meetings module's own DbContext (SQL Server schema <c>meetings</c>).</summary>
internal abstract class MeetingsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Schema = "meetings";

    public override string SchemaName => Schema;

    protected override string TablePrefix => "Meetings";

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();

    public DbSet<DistributionRecipient> DistributionRecipients => Set<DistributionRecipient>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<MinutesRecord> Minutes => Set<MinutesRecord>();

    public DbSet<MinutesRevision> MinutesRevisions => Set<MinutesRevision>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Meeting>(e =>
        {
            e.HasIndex(m => new { m.StartsAt, m.Id }); // the calendar's order: a page walks it
            e.HasIndex(m => m.OrganizerId);
            e.HasIndex(m => m.PlaceNeighbourhoodKey);
        });

        modelBuilder.Entity<Invitation>(e =>
        {
            e.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.MeetingId, i.OrganizationId }).IsUnique();
            e.HasIndex(i => new { i.MeetingId, i.PersonId }).IsUnique();
            e.HasIndex(i => i.OrganizationId);
        });

        modelBuilder.Entity<AttendanceRecord>(e =>
        {
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
        });

        modelBuilder.Entity<DistributionRecipient>(e =>
        {
            e.ToTable("MeetingsDistribution");
            e.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => d.MeetingId);
        });

        modelBuilder.Entity<AgendaItem>(e =>
        {
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.MeetingId, a.ParentId, a.Position });
        });

        modelBuilder.Entity<MinutesRecord>(e =>
        {
            e.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => m.MeetingId).IsUnique();
            e.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MinutesId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(m => m.CurrentCard);
            e.Ignore(m => m.CurrentCardRead);
        });

        modelBuilder.Entity<MinutesRevision>(e =>
        {
            e.HasIndex(r => new { r.MinutesId, r.Number }).IsUnique();
        });

        modelBuilder.Entity<Attachment>(e =>
        {
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.MeetingId);
        });

        modelBuilder.Entity<AttachmentContent>(e =>
        {
            e.HasKey(c => c.AttachmentId);
            e.Property(c => c.Content);
            e.HasOne<Attachment>()
                .WithOne()
                .HasForeignKey<AttachmentContent>(c => c.AttachmentId)
                .OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Milestone>(e =>
        {
            e.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Meeting>().WithMany().HasForeignKey(m => m.FulfilledByMeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.Date, m.Id }); // the timeline's order
        });
    }
}

/// <summary>Meetings on SQLite; carries the SQLite migrations.</summary>
internal sealed class MeetingsSqliteDbContext(DbContextOptions options) : MeetingsDbContext(options);

/// <summary>Meetings on SQL Server; carries the SQL Server migrations.</summary>
internal sealed class MeetingsSqlServerDbContext(DbContextOptions options) : MeetingsDbContext(options);

internal sealed class MeetingsSqliteDesignFactory()
    : DesignTimeFactory<MeetingsSqliteDbContext>(DatabaseProvider.Sqlite, MeetingsDbContext.Schema);

internal sealed class MeetingsSqlServerDesignFactory()
    : DesignTimeFactory<MeetingsSqlServerDbContext>(DatabaseProvider.SqlServer, MeetingsDbContext.Schema);
