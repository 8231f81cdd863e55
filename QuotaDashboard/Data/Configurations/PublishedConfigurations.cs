using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuotaDashboard.Data.Configurations;

internal sealed class PublishedReleaseConfiguration : IEntityTypeConfiguration<PublishedRelease>
{
    public void Configure(EntityTypeBuilder<PublishedRelease> b)
    {
        // Every read sees the current version; the version history asks for the others explicitly.
        b.HasQueryFilter(r => r.IsCurrent);
        b.HasIndex(r => new { r.AsOf, r.Version }).IsUnique();
        b.HasIndex(r => r.AsOf).IsUnique().HasFilter("\"IsCurrent\"").HasDatabaseName("IX_Releases_AsOf_Current");
        b.Property(r => r.EnteredBy).HasMaxLength(256);
        b.Property(r => r.Comment).HasMaxLength(2000);
        b.HasMany(r => r.Figures).WithOne(f => f.Release).HasForeignKey(f => f.ReleaseId);
    }
}

internal sealed class PublishedFigureConfiguration : IEntityTypeConfiguration<PublishedFigure>
{
    public void Configure(EntityTypeBuilder<PublishedFigure> b)
    {
        b.HasQueryFilter(f => f.Release!.IsCurrent);
        b.Property(f => f.Key).HasMaxLength(16);
        b.Property(f => f.Sources).HasMaxLength(2000);
        b.Property(f => f.Note).HasMaxLength(2000);
        b.Property(f => f.NoteRu).HasMaxLength(2000);
        b.Property(f => f.NoteKk).HasMaxLength(2000);
        b.HasIndex(f => new { f.ReleaseId, f.Figure, f.Key }).IsUnique();
    }
}

internal sealed class QuotaRevisionConfiguration : IEntityTypeConfiguration<QuotaRevision>
{
    public void Configure(EntityTypeBuilder<QuotaRevision> b)
    {
        b.HasQueryFilter(q => q.IsCurrent);
        b.HasIndex(q => new { q.Year, q.Sequence }).IsUnique();
        b.Property(q => q.EnteredBy).HasMaxLength(256);
        b.HasIndex(q => q.EffectiveFrom);
        // Two current revisions of a year never take effect on the same date: the second must supersede the first.
        b.HasIndex(q => new { q.Year, q.EffectiveFrom }).IsUnique().HasFilter("\"IsCurrent\"").HasDatabaseName("IX_QuotaRevisions_Year_EffectiveFrom_Current");
        b.Property(q => q.Label).HasMaxLength(100);
        b.Property(q => q.PublishedWording).HasMaxLength(500);
        b.Property(q => q.PublishedWordingRu).HasMaxLength(500);
        b.Property(q => q.PublishedWordingKk).HasMaxLength(500);
        b.Property(q => q.LegalAct).HasMaxLength(500);
        b.Property(q => q.LegalActRu).HasMaxLength(500);
        b.Property(q => q.LegalActKk).HasMaxLength(500);
        b.Property(q => q.Basis).HasMaxLength(2000);
        b.Property(q => q.BasisRu).HasMaxLength(2000);
        b.Property(q => q.BasisKk).HasMaxLength(2000);
        b.Property(q => q.Sources).HasMaxLength(2000);
    }
}

internal sealed class RegionalAllocationConfiguration : IEntityTypeConfiguration<RegionalAllocation>
{
    public void Configure(EntityTypeBuilder<RegionalAllocation> b)
    {
        b.HasQueryFilter(a => a.IsCurrent);
        b.HasIndex(a => new { a.Year, a.RevisionSequence, a.RegionCode });
        b.Property(a => a.EnteredBy).HasMaxLength(256);
        b.Property(a => a.RegionCode).HasMaxLength(8);
        b.Property(a => a.Source).HasMaxLength(500);
        b.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UseThresholdChangeConfiguration : IEntityTypeConfiguration<UseThresholdChange>
{
    public void Configure(EntityTypeBuilder<UseThresholdChange> b)
    {
        b.ToTable("UseThresholds");
        b.Property(t => t.ChangedBy).HasMaxLength(256);
    }
}
