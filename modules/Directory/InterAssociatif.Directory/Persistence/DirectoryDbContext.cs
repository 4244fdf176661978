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
            e.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
            e.Property(o => o.NameKey).HasMaxLength(Organization.NameMaxLength);
            e.Property(o => o.SearchKey).HasMaxLength(Organization.NameMaxLength + Organization.AcronymMaxLength);
            e.Property(o => o.Acronym).HasMaxLength(Organization.AcronymMaxLength);
            e.Property(o => o.Description).HasMaxLength(Organization.DescriptionMaxLength);
            e.Property(o => o.Website).HasMaxLength(Organization.WebsiteMaxLength);
            e.HasIndex(o => o.NameKey).IsUnique();
            e.HasIndex(o => o.ParentId);
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Neighbourhoods).WithOne().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Themes).WithOne().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Memberships).WithOne().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Affiliations).WithOne(a => a.Organization).HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OrganizationNeighbourhood>(e =>
        {
            e.HasKey(n => new { n.OrganizationId, n.NameKey });
            e.Property(n => n.Name).HasMaxLength(OrganizationNeighbourhood.NameMaxLength);
            e.Property(n => n.NameKey).HasMaxLength(OrganizationNeighbourhood.NameMaxLength);
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
            e.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength);
            e.Property(t => t.NameKey).HasMaxLength(Theme.NameMaxLength);
            e.Property(t => t.Description).HasMaxLength(Theme.DescriptionMaxLength);
            e.HasIndex(t => t.NameKey).IsUnique();
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.Property(p => p.GivenName).HasMaxLength(Person.NameMaxLength);
            e.Property(p => p.FamilyName).HasMaxLength(Person.NameMaxLength);
            e.Property(p => p.SearchKey).HasMaxLength(2 * Person.NameMaxLength);
            e.Property(p => p.Title).HasMaxLength(Person.TitleMaxLength);
            e.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
            e.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength);
            e.HasIndex(p => p.Email).IsUnique();
            e.HasIndex(p => p.SearchKey);
            e.HasMany(p => p.Affiliations).WithOne(a => a.Person).HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Affiliation>(e =>
        {
            e.Property(a => a.Role).HasMaxLength(30);
            e.Property(a => a.Title).HasMaxLength(Person.TitleMaxLength);
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.OrganizationId);
        });

        modelBuilder.Entity<Membership>(e =>
        {
            e.Property(m => m.WithdrawalReason).HasMaxLength(Membership.ReasonMaxLength);
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
