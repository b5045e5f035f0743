using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data.Configurations;

internal sealed class IntakeCursorConfiguration : IEntityTypeConfiguration<IntakeCursor>
{
    public void Configure(EntityTypeBuilder<IntakeCursor> builder)
    {
        builder.ToTable("intake_cursors");
        builder.HasKey(c => c.Source);
        builder.Property(c => c.Source).HasMaxLength(64);
        builder.Property(c => c.Cursor).HasMaxLength(512);
    }
}
