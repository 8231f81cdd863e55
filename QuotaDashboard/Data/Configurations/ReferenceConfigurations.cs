using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuotaDashboard.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(8);
        b.Property(r => r.NameEn).HasMaxLength(100);
        b.Property(r => r.NameRu).HasMaxLength(100);
        b.Property(r => r.NameKk).HasMaxLength(100);
    }
}

internal sealed class PermitCategoryConfiguration : IEntityTypeConfiguration<PermitCategory>
{
    public void Configure(EntityTypeBuilder<PermitCategory> b)
    {
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(16);
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.NameRu).HasMaxLength(200);
        b.Property(c => c.NameKk).HasMaxLength(200);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> b)
    {
        b.HasKey(s => s.Letter);
        b.Property(s => s.Letter).HasMaxLength(1);
        b.Property(s => s.NameEn).HasMaxLength(200);
        b.Property(s => s.NameRu).HasMaxLength(200);
        b.Property(s => s.NameKk).HasMaxLength(200);
    }
}
