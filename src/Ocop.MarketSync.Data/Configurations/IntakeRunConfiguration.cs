using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data.Configurations;

internal sealed class IntakeRunConfiguration : IEntityTypeConfiguration<IntakeRun>
{
    public void Configure(EntityTypeBuilder<IntakeRun> builder)
    {
        builder.ToTable("intake_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Source).HasMaxLength(64);
        builder.Property(r => r.CursorFrom).HasMaxLength(512);
        builder.Property(r => r.CursorTo).HasMaxLength(512);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.Alert).HasMaxLength(4000);
        builder.HasIndex(r => r.StartedAt);
    }
}
