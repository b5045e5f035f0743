using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Configurations;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data;

/// <summary>The one EF Core context of the service: products, intake state, and shared Data Protection keys.</summary>
/// <remarks>
/// Each provider has its own migration set in its own assembly. To add a migration:
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project src/Ocop.MarketSync.Data.Postgres
/// dotnet ef migrations add NAME --project src/Ocop.MarketSync.Data.Sqlite
/// </code>
/// Both projects carry a design-time factory, so no startup project or database is needed.
/// </remarks>
public sealed class MarketSyncDbContext(DbContextOptions<MarketSyncDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>PostgreSQL schema for our tables. Hangfire has its own (see the Worker's Hangfire options).</summary>
    public const string Schema = "marketsync";

    public DbSet<Product> Products => Set<Product>();
    public DbSet<IntakeCursor> IntakeCursors => Set<IntakeCursor>();
    public DbSet<IntakeRun> IntakeRuns => Set<IntakeRun>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<ReconciliationRun> ReconciliationRuns => Set<ReconciliationRun>();
    public DbSet<ReconciliationFinding> ReconciliationFindings => Set<ReconciliationFinding>();
    public DbSet<PushAttempt> PushAttempts => Set<PushAttempt>();
    public DbSet<WriteBack> WriteBacks => Set<WriteBack>();
    public DbSet<CertificateWarning> CertificateWarnings => Set<CertificateWarning>();
    public DbSet<RunRequest> RunRequests => Set<RunRequest>();
    public DbSet<OperationalAlert> Alerts => Set<OperationalAlert>();
    public DbSet<SeenMessage> SeenMessages => Set<SeenMessage>();
    public DbSet<StaffAction> StaffActions => Set<StaffAction>();
    public DbSet<ChannelAuthorization> ChannelAuthorizations => Set<ChannelAuthorization>();
    public DbSet<ChannelPushRun> ChannelPushRuns => Set<ChannelPushRun>();
    public DbSet<UploadSheet> UploadSheets => Set<UploadSheet>();
    public DbSet<UploadSheetRow> UploadSheetRows => Set<UploadSheetRow>();
    public DbSet<FloorExportRecord> FloorExports => Set<FloorExportRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var isNpgsql = Database.IsNpgsql();
        if (isNpgsql)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        // Applied one by one (not from the assembly) because some configurations depend on the provider.
        modelBuilder.ApplyConfiguration(new ProductConfiguration(isNpgsql));
        modelBuilder.ApplyConfiguration(new IntakeCursorConfiguration());
        modelBuilder.ApplyConfiguration(new IntakeRunConfiguration());
        modelBuilder.ApplyConfiguration(new ListingConfiguration(isNpgsql));
        modelBuilder.ApplyConfiguration(new ReconciliationRunConfiguration());
        modelBuilder.ApplyConfiguration(new ReconciliationFindingConfiguration());
        modelBuilder.ApplyConfiguration(new PushAttemptConfiguration());
        modelBuilder.ApplyConfiguration(new WriteBackConfiguration());
        modelBuilder.ApplyConfiguration(new CertificateWarningConfiguration());
        modelBuilder.ApplyConfiguration(new RunRequestConfiguration());
        modelBuilder.ApplyConfiguration(new ChannelAuthorizationConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        modelBuilder.ApplyConfiguration(new OperationalAlertConfiguration());
        modelBuilder.ApplyConfiguration(new SeenMessageConfiguration());
        modelBuilder.ApplyConfiguration(new StaffActionConfiguration());
        modelBuilder.ApplyConfiguration(new ChannelPushRunConfiguration());
        modelBuilder.ApplyConfiguration(new UploadSheetConfiguration());
        modelBuilder.ApplyConfiguration(new UploadSheetRowConfiguration(isNpgsql));
        modelBuilder.ApplyConfiguration(new FloorExportConfiguration(isNpgsql));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTime as text and reads it back as Unspecified; everything we write is UTC.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }
}
