using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuotaDashboard.Data.Configurations;

internal sealed class PermitReportConfiguration : IEntityTypeConfiguration<PermitReport>
{
    public void Configure(EntityTypeBuilder<PermitReport> b)
    {
        b.HasIndex(r => new { r.RegionCode, r.Month }).IsUnique();
        b.HasIndex(r => r.Month);
        b.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Revisions).WithOne(v => v.Report).HasForeignKey(v => v.ReportId);
        b.HasOne(r => r.CurrentRevision).WithMany().HasForeignKey(r => r.CurrentRevisionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class PermitReportRevisionConfiguration : IEntityTypeConfiguration<PermitReportRevision>
{
    public void Configure(EntityTypeBuilder<PermitReportRevision> b)
    {
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        b.Property(v => v.Comment).HasMaxLength(2000);
        b.Property(v => v.MismatchReason).HasMaxLength(2000);
        b.Property(v => v.EnteredBy).HasMaxLength(256);
        b.Property(v => v.DecidedBy).HasMaxLength(256);
        b.Property(v => v.ReturnReason).HasMaxLength(2000);
        // A writer that names no state (an import straight into the store) stores what counted before review existed.
        b.Property(v => v.State).HasDefaultValue(RevisionState.Accepted);
        // Two decisions about one revision, or a decision and a newer revision, cannot both win.
        b.Property(v => v.State).IsConcurrencyToken();
        b.HasIndex(v => v.ReportId).HasFilter("\"State\" = 'Submitted'").HasDatabaseName("IX_Revisions_Submitted");
        b.HasMany(v => v.Lines).WithOne().HasForeignKey(l => l.RevisionId);
    }
}

internal sealed class BreakdownLineConfiguration : IEntityTypeConfiguration<BreakdownLine>
{
    public void Configure(EntityTypeBuilder<BreakdownLine> b)
    {
        b.Property(l => l.Key).HasMaxLength(16);
        b.HasIndex(l => new { l.RevisionId, l.Dimension, l.Key }).IsUnique();
    }
}
