using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// Base of every module's DbContext. Each module owns its DbContext, its SQL Server schema and its
/// migrations-history table; on SQLite (no schemas) table names stay unique across modules.
/// A module derives one subclass per provider so that each provider has its own migration set.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module's SQL Server schema, e.g. <c>directory</c>.</summary>
    public abstract string SchemaName { get; }

    /// <summary>
    /// What the module's table names start with, e.g. <c>Directory</c>: a table is named after its <c>DbSet</c> with
    /// this prefix unless the model names it itself (SQLite has no schemas to keep modules apart).
    /// </summary>
    protected virtual string TablePrefix => "";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsSqlServer())
        {
            modelBuilder.HasDefaultSchema(SchemaName);
        }

        base.OnModelCreating(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }

        // Enumerations are stored by name (readable in the database, stable when members are reordered).
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        configurationBuilder.Conventions.Add(_ => new DefaultLengthConvention());
        configurationBuilder.Conventions.Add(_ => new IdAndVersionConvention());
        configurationBuilder.Conventions.Add(_ => new TablePrefixConvention(TablePrefix));
        base.ConfigureConventions(configurationBuilder);
    }

    /// <summary>Migrations-history table name for a module on a provider.</summary>
    public static string HistoryTable(string schema, DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? $"__{schema}_migrations" : "__migrations";
}

/// <summary>
/// The module entities' shared conventions: a <see cref="Guid"/> key named <c>Id</c> is chosen by the
/// code (UUIDv7), never by the database; an <see cref="int"/> <c>Version</c> is the optimistic
/// concurrency token that updates check.
/// </summary>
internal sealed class IdAndVersionConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(
        IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ Name: "Id" } id] && id.ClrType == typeof(Guid))
            {
                id.Builder.ValueGenerated(ValueGenerated.Never);
            }

            if (entity.FindProperty("Version") is { } version && version.ClrType == typeof(int))
            {
                version.Builder.IsConcurrencyToken(true);
            }
        }
    }
}

/// <summary>
/// Strings and enumerations (stored by name) are bounded unless a property says otherwise, with <c>[MaxLength]</c> on
/// the entity or <c>HasMaxLength</c> in the model: 400 characters for a string (SQL Server cannot index
/// <c>nvarchar(max)</c>), 20 for an enumeration's names.
/// </summary>
internal sealed class DefaultLengthConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(
        IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var property in modelBuilder.Metadata.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (property.GetMaxLength() is null && (type == typeof(string) || type.IsEnum))
            {
                property.Builder.HasMaxLength(type.IsEnum ? 20 : 400);
            }
        }
    }
}

/// <summary>Puts the module's prefix before every table name a convention chose (from its <c>DbSet</c>).</summary>
internal sealed class TablePrefixConvention(string prefix) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(
        IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entity.GetTableNameConfigurationSource() == ConfigurationSource.Convention
                && entity.GetTableName() is { } name)
            {
                entity.Builder.ToTable(prefix + name);
            }
        }
    }
}
