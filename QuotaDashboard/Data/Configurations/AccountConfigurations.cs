using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuotaDashboard.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.RegionCode).HasMaxLength(8);
        b.Property(u => u.Language).HasMaxLength(8);
        b.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.TokenHash).HasMaxLength(128);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.Role).HasMaxLength(32);
        b.Property(t => t.RegionCode).HasMaxLength(8);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.AtUtc);
        b.Property(a => a.User).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Subject).HasMaxLength(500);
    }
}
