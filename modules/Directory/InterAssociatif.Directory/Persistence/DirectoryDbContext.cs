namespace InterAssociatif.Directory.Persistence;

/// <summary>The Directory's own DbContext (SQL Server schema <c>directory</c>).</summary>
internal abstract class DirectoryDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Schema = "directory";

    public override string SchemaName => Schema;

    protected override string TablePrefix => "Directory";

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationNeighbourhood> OrganizationNeighbourhoods => Set<OrganizationNeighbourhood>();

    public DbSet<OrganizationTheme> OrganizationThemes => Set<OrganizationTheme>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Affiliation> Affiliations => Set<Affiliation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Organization>(e =>
        {
            e.HasIndex(o => o.NameKey).IsUnique();
            e.HasIndex(o => o.ParentId);
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Neighbourhoods)
                .WithOne()
                .HasForeignKey(n => n.OrganizationId)
                .OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Themes).WithOne().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Memberships)
                .WithOne()
                .HasForeignKey(m => m.OrganizationId)
                .OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Affiliations)
                .WithOne(a => a.Organization)
                .HasForeignKey(a => a.OrganizationId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrganizationNeighbourhood>(e =>
        {
            e.HasKey(n => new { n.OrganizationId, n.NameKey });
            e.HasIndex(n => n.NameKey);
        });

        modelBuilder.Entity<OrganizationTheme>(e =>
        {
            e.HasKey(t => new { t.OrganizationId, t.ThemeId });
            e.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => t.ThemeId);
        });

        modelBuilder.Entity<Theme>(e =>
        {
            e.HasIndex(t => t.NameKey).IsUnique();
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.HasIndex(p => p.Email).IsUnique();
            e.HasIndex(p => p.SearchKey);
            e.HasMany(p => p.Affiliations)
                .WithOne(a => a.Person)
                .HasForeignKey(a => a.PersonId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Affiliation>(e =>
        {
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.OrganizationId);
        });

        modelBuilder.Entity<Membership>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.AppliedOn });
        });
    }
}

/// <summary>The Directory on SQLite; carries the SQLite migrations.</summary>
internal sealed class DirectorySqliteDbContext(DbContextOptions options) : DirectoryDbContext(options);

/// <summary>The Directory on SQL Server; carries the SQL Server migrations.</summary>
internal sealed class DirectorySqlServerDbContext(DbContextOptions options) : DirectoryDbContext(options);

internal sealed class DirectorySqliteDesignFactory()
    : DesignTimeFactory<DirectorySqliteDbContext>(DatabaseProvider.Sqlite, DirectoryDbContext.Schema);

internal sealed class DirectorySqlServerDesignFactory()
    : DesignTimeFactory<DirectorySqlServerDbContext>(DatabaseProvider.SqlServer, DirectoryDbContext.Schema);
