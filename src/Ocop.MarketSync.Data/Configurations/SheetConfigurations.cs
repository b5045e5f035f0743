using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data.Configurations;

internal sealed class UploadSheetConfiguration : IEntityTypeConfiguration<UploadSheet>
{
    public void Configure(EntityTypeBuilder<UploadSheet> builder)
    {
        builder.ToTable("upload_sheets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ChannelId).HasMaxLength(32);
        builder.HasIndex(s => new { s.ChannelId, s.Id });

        // At most one open sheet per channel, whatever a store does: two nodes opening one at once fail here.
        builder.HasIndex(s => s.ChannelId).IsUnique().HasFilter("downloaded_at IS NULL").HasDatabaseName("ix_upload_sheets_open_channel");
    }
}

internal sealed class UploadSheetRowConfiguration(bool isNpgsql) : IEntityTypeConfiguration<UploadSheetRow>
{
    public void Configure(EntityTypeBuilder<UploadSheetRow> builder)
    {
        builder.ToTable("upload_sheet_rows");
        builder.HasKey(r => new { r.SheetId, r.Position });
        builder.Property(r => r.SellerSku).HasMaxLength(100);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.RemoteId).HasMaxLength(128);
        if (isNpgsql)
        {
            builder.Property(r => r.Content).HasColumnType("jsonb");
        }

        builder.HasOne<UploadSheet>().WithMany().HasForeignKey(r => r.SheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SheetId, r.SellerSku }).IsUnique();
    }
}

internal sealed class FloorExportConfiguration(bool isNpgsql) : IEntityTypeConfiguration<FloorExportRecord>
{
    public void Configure(EntityTypeBuilder<FloorExportRecord> builder)
    {
        builder.ToTable("floor_exports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ChannelId).HasMaxLength(32);
        builder.Property(e => e.FileName).HasMaxLength(260);
        if (isNpgsql)
        {
            builder.Property(e => e.Items).HasColumnType("jsonb");
            builder.Property(e => e.Problems).HasColumnType("jsonb");
        }

        builder.HasIndex(e => new { e.ChannelId, e.ImportedAt });
    }
}
