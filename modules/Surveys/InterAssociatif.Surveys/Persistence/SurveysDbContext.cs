namespace InterAssociatif.Surveys.Persistence;

/// <summary>The Surveys module's own DbContext (SQL Server schema <c>surveys</c>).</summary>
internal abstract class SurveysDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Schema = "surveys";

    public override string SchemaName => Schema;

    protected override string TablePrefix => "Surveys";

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyAudience> Audience => Set<SurveyAudience>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<QuestionOption> Options => Set<QuestionOption>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<ResponseAttribute> ResponseAttributes => Set<ResponseAttribute>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Survey>(e =>
        {
            e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Audience).WithOne().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.OpensOn, s.Id }).IsDescending(true, false); // the list's order, newest first
            e.HasIndex(s => new { s.Status, s.OpensOn, s.Id }).IsDescending(false, true, false); // the published ones
        });

        modelBuilder.Entity<SurveyAudience>(e =>
        {
            e.HasKey(a => new { a.SurveyId, a.OrganizationId });
        });

        modelBuilder.Entity<Question>(e =>
        {
            e.HasIndex(q => new { q.SurveyId, q.Position });
            e.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<QuestionOption>(e =>
        {
            e.HasIndex(o => new { o.QuestionId, o.Position });
        });

        modelBuilder.Entity<Response>(e =>
        {
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.SurveyId, r.OrganizationId }).IsUnique();
            e.HasIndex(r => new { r.SurveyId, r.SubmittedAt });
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Attributes).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Answer>(e =>
        {
            e.Property(a => a.Level).HasConversion<int?>();
            e.HasIndex(a => new { a.QuestionId, a.OptionId });

            // Every aggregate is a range scan of this covering index: a survey's answers submitted by an instant.
            e.HasIndex(a => new { a.SurveyId, a.SubmittedAt, a.QuestionId, a.OptionId, a.Level, a.Rank, a.ResponseId });
            e.HasIndex(a => new { a.ResponseId, a.QuestionId, a.OptionId }).IsUnique();
            e.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<QuestionOption>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ResponseAttribute>(e =>
        {
            e.HasKey(a => new { a.ResponseId, a.Name, a.Value });
        });
    }
}

internal sealed class SurveysSqliteDbContext(DbContextOptions options) : SurveysDbContext(options);

internal sealed class SurveysSqlServerDbContext(DbContextOptions options) : SurveysDbContext(options);

internal sealed class SurveysSqliteDesignFactory()
    : DesignTimeFactory<SurveysSqliteDbContext>(DatabaseProvider.Sqlite, SurveysDbContext.Schema);

internal sealed class SurveysSqlServerDesignFactory()
    : DesignTimeFactory<SurveysSqlServerDbContext>(DatabaseProvider.SqlServer, SurveysDbContext.Schema);
