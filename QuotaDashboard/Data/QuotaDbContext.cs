using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QuotaDashboard.Data;

/// <summary>The store on SQLite, whose migrations are the ones under <c>Data/Migrations</c>.</summary>
public class QuotaDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public QuotaDbContext(DbContextOptions<QuotaDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type, which carries that provider's migrations.</summary>
    protected QuotaDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<PermitCategory> Categories => Set<PermitCategory>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<PermitReport> Reports => Set<PermitReport>();
    public DbSet<PermitReportRevision> Revisions => Set<PermitReportRevision>();
    public DbSet<BreakdownLine> BreakdownLines => Set<BreakdownLine>();
    public DbSet<PublishedRelease> Releases => Set<PublishedRelease>();
    public DbSet<PublishedFigure> PublishedFigures => Set<PublishedFigure>();
    public DbSet<QuotaRevision> QuotaRevisions => Set<QuotaRevision>();
    public DbSet<RegionalAllocation> Allocations => Set<RegionalAllocation>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<UseThresholdChange> UseThresholds => Set<UseThresholdChange>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QuotaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite has no decimal type; stored as TEXT it would not sort or sum in the database.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}
