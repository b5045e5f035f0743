using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data.Configurations;

/// <param name="isNpgsql">JSON columns are jsonb on PostgreSQL, text on SQLite.</param>
internal sealed class ProductConfiguration(bool isNpgsql) : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegistryId).HasMaxLength(64);
        builder.HasIndex(p => p.RegistryId).IsUnique();
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.Outcome);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(1024);
        builder.Property(p => p.Province).HasMaxLength(64);
        builder.HasIndex(p => p.Province);
        builder.Property(p => p.ProvinceCode).HasMaxLength(8);
        builder.HasIndex(p => p.CertificateValidUntil);
        builder.Property(p => p.Issues).HasJsonConversion(isNpgsql);
        builder.Property(p => p.Data).HasJsonConversion(isNpgsql);
        builder.Property(p => p.SourceJson).HasColumnName("source");
    }
}
