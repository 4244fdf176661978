namespace InterAssociatif.Governance.Persistence;

/// <summary>The Governance module's own DbContext (SQL Server schema <c>governance</c>).</summary>
internal abstract class GovernanceDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Schema = "governance";

    public override string SchemaName => Schema;

    protected override string TablePrefix => "Governance";

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<BodyMeeting> BodyMeetings => Set<BodyMeeting>();

    public DbSet<Participation> Participations => Set<Participation>();

    public DbSet<Seat> Seats => Set<Seat>();

    public DbSet<RotationSession> RotationSessions => Set<RotationSession>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionTheme> DecisionThemes => Set<DecisionTheme>();

    public DbSet<DecisionStatusChange> DecisionHistory => Set<DecisionStatusChange>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<GovernanceEvent> Events => Set<GovernanceEvent>();

    public DbSet<EscalatedRequest> Requests => Set<EscalatedRequest>();

    public DbSet<MinutesMailing> MinutesMailings => Set<MinutesMailing>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<WebhookRedelivery> WebhookRedeliveries => Set<WebhookRedelivery>();

    /// <summary>
    /// Appends an event to the durable log so that sequence order is commit order. SQLite runs one
    /// writer at a time already; on SQL Server, identity values of concurrent transactions can commit
    /// out of order, so appending takes an exclusive application lock held until the transaction ends —
    /// a subscriber that has read sequence n can never later see a smaller one appear.
    /// </summary>
    public async Task AppendEventAsync(GovernanceEvent logged, CancellationToken cancellationToken)
    {
        if (Database.IsSqlServer())
        {
            await Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = N'governance-events', @LockMode = N'Exclusive', @LockOwner = "
                + "N'Transaction', @LockTimeout = 30000",
                cancellationToken);
        }

        Events.Add(logged);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Body>(e =>
        {
            e.HasIndex(b => b.NameKey).IsUnique();
            e.HasIndex(b => new { b.Kind, b.NameKey, b.Id }); // the list's order
        });

        modelBuilder.Entity<BodyMeeting>(e =>
        {
            e.HasKey(m => m.MeetingId);
            e.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => m.BodyId);
        });

        modelBuilder.Entity<Participation>(e =>
        {
            e.HasKey(p => new { p.BodyId, p.OrganizationId, p.Since });
            e.HasOne<Body>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.OrganizationId);
        });

        modelBuilder.Entity<Seat>(e =>
        {
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.MeetingId, x.OrganizationId }).IsUnique();
            e.HasIndex(x => x.OrganizationId);
            e.HasIndex(x => x.BodyId);
        });

        modelBuilder.Entity<RotationSession>(e =>
        {
            e.HasKey(x => new { x.BodyId, x.Number });
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Entries)
                .WithOne()
                .HasForeignKey(x => new { x.BodyId, x.Number })
                .OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RotationEntry>(e =>
        {
            e.ToTable("GovernanceRotationEntries");
            e.HasKey(x => new { x.BodyId, x.Number, x.OrganizationId });
        });

        modelBuilder.Entity<Decision>(e =>
        {
            e.HasOne<Body>().WithMany().HasForeignKey(d => d.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.BodyId, d.DecidedOn });
            e.HasIndex(d => d.MeetingId);
            e.HasIndex(d => d.DecidedOn);
            e.HasMany(d => d.Themes).WithOne().HasForeignKey(t => t.DecisionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.History).WithOne().HasForeignKey(h => h.DecisionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.FollowUps).WithOne().HasForeignKey(f => f.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DecisionTheme>(e =>
        {
            e.HasKey(t => new { t.DecisionId, t.ThemeId });
            e.HasIndex(t => t.ThemeId);
        });

        modelBuilder.Entity<FollowUp>(e =>
        {
            e.HasIndex(f => new { f.Status, f.DueOn, f.Id }); // the board by status, by due date
            e.HasIndex(f => f.OwnerOrganizationId);
        });

        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.Ignore(w => w.EventKinds);
            e.HasIndex(w => w.Owner);
            e.HasIndex(w => new { w.Status, w.Position });
        });

        modelBuilder.Entity<WebhookAttempt>(e =>
        {
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(a => a.EndpointId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.EndpointId, a.Id });
            e.HasIndex(a => a.At); // for retention: the oldest attempts first
        });

        modelBuilder.Entity<WebhookRedelivery>(e =>
        {
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(r => r.EndpointId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.EndpointId, r.Id });
        });

        modelBuilder.Entity<EscalatedRequest>(e =>
        {
            e.HasOne<Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.Status, r.RaisedOn });
            e.HasIndex(r => r.MeetingId);
            e.HasMany(r => r.Recipients).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MinutesMailing>(e =>
        {
            e.HasIndex(m => new { m.MeetingId, m.Revision, m.Address }).IsUnique();
        });

        modelBuilder.Entity<RequestRecipient>(e =>
        {
            e.ToTable("GovernanceRequestRecipients");
            e.HasIndex(x => x.RequestId);
        });

        modelBuilder.Entity<GovernanceEvent>(e =>
        {
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.Kind, x.Sequence });
        });
    }
}

internal sealed class GovernanceSqliteDbContext(DbContextOptions options) : GovernanceDbContext(options);

internal sealed class GovernanceSqlServerDbContext(DbContextOptions options) : GovernanceDbContext(options);

internal sealed class GovernanceSqliteDesignFactory()
    : DesignTimeFactory<GovernanceSqliteDbContext>(DatabaseProvider.Sqlite, GovernanceDbContext.Schema);

internal sealed class GovernanceSqlServerDesignFactory()
    : DesignTimeFactory<GovernanceSqlServerDbContext>(DatabaseProvider.SqlServer, GovernanceDbContext.Schema);
