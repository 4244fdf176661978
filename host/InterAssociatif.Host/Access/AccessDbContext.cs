using InterAssociatif.Kernel;

namespace InterAssociatif.Host.Access;

/// <summary>A partner tool's API key: only the hash of its secret is stored.</summary>
internal sealed class ApiKey : IHasId
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret part, hex.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>Space-separated scopes.</summary>
    public string Scopes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

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

    public string Operation { get; set; } = "";

    public string? Subject { get; set; }

    public string? Role { get; set; }

    public Guid? CredentialId { get; set; }

    public bool Succeeded { get; set; }

    public InterAssociatif.Kernel.GraphQL.AuditOutcome Outcome { get; set; }

    public List<AuditObject> Objects { get; set; } = [];
}

/// <summary>An object a mutation changed or named (its global id), indexed so the trail filters by object in SQL.</summary>
internal sealed class AuditObject
{
    public Guid EntryId { get; set; }

    public string ObjectId { get; set; } = "";
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
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
            e.Property(k => k.SecretHash).HasMaxLength(64);
            e.Property(k => k.Scopes).HasMaxLength(400);
            e.Property(k => k.CreatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Operation).HasMaxLength(100);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.Role).HasMaxLength(40);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Subject, a.At });
            e.HasMany(a => a.Objects).WithOne().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditObject>(e =>
        {
            e.HasKey(o => new { o.EntryId, o.ObjectId });
            e.Property(o => o.ObjectId).HasMaxLength(200);
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
