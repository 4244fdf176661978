using InterAssociatif.Kernel;

namespace InterAssociatif.Host.Access;

/// <summary>A partner tool's API key: only the hash of its secret is stored.</summary>
internal sealed class ApiKey : IHasId
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; }

    [MaxLength(NameMaxLength)] public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret part, hex.</summary>
    [MaxLength(64)] public string SecretHash { get; set; } = "";

    /// <summary>Space-separated scopes.</summary>
    [MaxLength(400)] public string Scopes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    [MaxLength(200)] public string? CreatedBy { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One mutation in the audit trail.</summary>
internal sealed class AuditEntry : IHasId
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(100)] public string Operation { get; set; } = "";

    [MaxLength(200)] public string? Subject { get; set; }

    [MaxLength(40)] public string? Role { get; set; }

    public Guid? CredentialId { get; set; }

    public bool Succeeded { get; set; }

    public InterAssociatif.Kernel.GraphQL.AuditOutcome Outcome { get; set; }

    public List<AuditObject> Objects { get; set; } = [];
}

/// <summary>
/// An object a mutation changed or named (its global id), indexed so the trail filters by object in SQL.
/// </summary>
internal sealed class AuditObject
{
    public Guid EntryId { get; set; }

    [MaxLength(200)] public string ObjectId { get; set; } = "";
}

/// <summary>The host's own tables (SQL Server schema <c>access</c>): partner API keys and the audit trail.</summary>
internal abstract class AccessDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Schema = "access";

    public override string SchemaName => Schema;

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditObject> AuditObjects => Set<AuditObject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Subject, a.At });
            e.HasMany(a => a.Objects).WithOne().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditObject>(e =>
        {
            e.HasKey(o => new { o.EntryId, o.ObjectId });
            e.HasIndex(o => o.ObjectId);
        });
    }
}

internal sealed class AccessSqliteDbContext(DbContextOptions options) : AccessDbContext(options);

internal sealed class AccessSqlServerDbContext(DbContextOptions options) : AccessDbContext(options);

internal sealed class AccessSqliteDesignFactory()
    : DesignTimeFactory<AccessSqliteDbContext>(DatabaseProvider.Sqlite, AccessDbContext.Schema);

internal sealed class AccessSqlServerDesignFactory()
    : DesignTimeFactory<AccessSqlServerDbContext>(DatabaseProvider.SqlServer, AccessDbContext.Schema);
