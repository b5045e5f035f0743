using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data.Configurations;

/// <param name="isNpgsql">JSON columns are jsonb on PostgreSQL, text on SQLite.</param>
internal sealed class ListingConfiguration(bool isNpgsql) : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.ToTable("listings");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ChannelId).HasMaxLength(32);
        builder.Property(l => l.RegistryId).HasMaxLength(64);
        builder.Property(l => l.SellerSku).HasMaxLength(100);
        builder.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.RemoteId).HasMaxLength(128);
        builder.Property(l => l.RemoteUrl).HasMaxLength(1024);
        builder.Property(l => l.LastErrorKind).HasMaxLength(32);
        builder.Property(l => l.LastError).HasMaxLength(2000);
        builder.Property(l => l.ReviewTicket).HasMaxLength(128);
        builder.Property(l => l.ReviewState).HasMaxLength(64);
        foreach (var hash in new[] { "DesiredContentHash", "DesiredPriceHash", "DesiredStockHash", "DesiredStatusHash", "PushedContentHash", "PushedPriceHash", "PushedStockHash", "PushedStatusHash" })
        {
            builder.Property(hash).HasMaxLength(64);
        }

        builder.Property(l => l.Desired).HasJsonConversion(isNpgsql);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.ChannelId, l.RegistryId }).IsUnique();
        builder.HasIndex(l => new { l.ChannelId, l.SellerSku }).IsUnique();
        builder.HasIndex(l => new { l.ChannelId, l.State });

        // Each push asks about the channel's open reviews: a handful among thousands of listings.
        builder.HasIndex(l => new { l.ChannelId, l.ReviewCheckedAt }).HasDatabaseName("ix_listings_open_reviews")
            .HasFilter("review_ticket IS NOT NULL");

        // The claim query scans only dirty rows of a channel.
        var claim = builder.HasIndex(l => new { l.ChannelId, l.NextAttemptAt }).HasDatabaseName("ix_listings_dirty_claim");
        claim.HasFilter(isNpgsql ? "dirty" : "dirty = 1");
    }
}
