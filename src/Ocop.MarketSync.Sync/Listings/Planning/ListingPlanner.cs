using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// Computes the desired listing of every product on a channel and stores what changed: new listings inserted,
/// listings whose desired hashes moved updated and marked dirty, the rest untouched (no write, no push).
/// </summary>
public sealed class ListingPlanner(MarketSyncDbContext db, ChannelCatalog channels, IntakeClock clock)
{
    private const int Chunk = 500;

    /// <summary>
    /// Plans what changed since the last plan of this channel: products changed or retired since then and products
    /// without a listing yet. Everything is replanned on a new day in Vietnam (certificates end at midnight there)
    /// and when the channel's configuration changed.
    /// </summary>
    public async Task<PlanResult> PlanChangedAsync(string channelId, CancellationToken cancellationToken)
    {
        var key = "plan:" + channelId;
        var started = clock.UtcNow;
        var stamp = $"{clock.Today:yyyy-MM-dd}|{ConfigurationStamp(channels.Get(channelId))}";
        var checkpoint = await db.IntakeCursors.FindAsync([key], cancellationToken);
        IReadOnlyCollection<long>? ids = null;
        if (checkpoint?.Cursor is { } cursor && cursor.StartsWith(stamp + "|", StringComparison.Ordinal)
            && long.TryParse(cursor.AsSpan(stamp.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
        {
            var since = new DateTime(ticks, DateTimeKind.Utc);
            ids = await db.Products
                .Where(p => p.LastChangedAt >= since || p.RetiredAt >= since
                    || !db.Listings.Any(l => l.ChannelId == channelId && l.ProductId == p.Id))
                .Select(p => p.Id)
                .ToListAsync(cancellationToken);
        }

        var result = await PlanAsync(channelId, ids, cancellationToken);
        var value = $"{stamp}|{started.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        checkpoint = await db.IntakeCursors.FindAsync([key], cancellationToken);
        if (checkpoint is null)
        {
            db.IntakeCursors.Add(new IntakeCursor { Source = key, Cursor = value, UpdatedAt = started });
        }
        else
        {
            checkpoint.Cursor = value;
            checkpoint.UpdatedAt = started;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private static string ConfigurationStamp(ChannelOptions channel) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(channel, JsonColumn.Options)))[..16];

    /// <param name="productIds">Only these products (after an intake), or null for all of them.</param>
    public async Task<PlanResult> PlanAsync(string channelId, IReadOnlyCollection<long>? productIds, CancellationToken cancellationToken)
    {
        var channel = channels.Get(channelId);
        var capabilities = channels.Capabilities(channelId);
        var today = clock.Today;
        var result = new PlanResult();
        long lastId = 0;
        while (true)
        {
            var query = db.Products.AsNoTracking().Where(p => p.Id > lastId);
            if (productIds is not null)
            {
                query = query.Where(p => productIds.Contains(p.Id));
            }

            var products = await query.OrderBy(p => p.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (products.Count == 0)
            {
                return result;
            }

            lastId = products[^1].Id;
            var ids = products.Select(p => p.Id).ToList();
            var existing = await db.Listings
                .Where(l => l.ChannelId == channelId && ids.Contains(l.ProductId))
                .ToDictionaryAsync(l => l.ProductId, cancellationToken);
            var now = clock.UtcNow;
            var added = new List<Listing>();
            foreach (var product in products)
            {
                existing.TryGetValue(product.Id, out var listing);
                // The current desired state's hashes, computed once for the price limits, the price guard and the comparison.
                var current = listing is null ? null : AspectHashes.Of(listing.Desired);
                var desired = DesiredListingBuilder.Build(product, channel, capabilities, today, PriceHold.PushedPrice(listing, current));
                if (listing is not null && current is not null)
                {
                    var heldBefore = listing.Desired.HeldPriceVnd;
                    desired = PriceHold.Apply(listing, desired, channel.Price, current);
                    if (Apply(listing, current, desired, now))
                    {
                        result.Changed++;
                        if (desired.HeldPriceVnd is not null && desired.HeldPriceVnd != heldBefore)
                        {
                            // A newly held price: the producer hears why the marketplace keeps showing the old one.
                            db.WriteBacks.Add(Journal.WriteBackOutbox.ForPrice(listing, Journal.WriteBackOutbox.PriceHeld, channel.Marketplace, now));
                        }
                    }
                    else
                    {
                        result.Unchanged++;
                    }
                }
                else
                {
                    // A price above the channel's sanity ceiling waits for staff before the listing is created.
                    desired = PriceHold.Apply(null, desired, channel.Price, null);
                    listing = NewListing(channelId, product, desired, now);
                    if (desired.HeldPriceVnd is not null)
                    {
                        db.WriteBacks.Add(Journal.WriteBackOutbox.ForPrice(listing, Journal.WriteBackOutbox.PriceHeld, channel.Marketplace, now));
                    }

                    added.Add(listing);
                    result.Added++;
                }

                result.Dirty += listing.Dirty ? 1 : 0;
            }

            await SaveAsync(added, cancellationToken);
        }
    }

    /// <summary>
    /// Stores a chunk: changed listings through the change tracker, new ones appended by COPY on PostgreSQL (a first
    /// plan of a channel inserts a row per product; one INSERT each was most of the planning time), in one transaction.
    /// </summary>
    private async Task SaveAsync(List<Listing> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0 || !db.Database.IsNpgsql())
        {
            db.Listings.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await PostgresCopy.AppendAsync(db, added, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private static Listing NewListing(string channelId, Product product, DesiredListing desired, DateTime now)
    {
        var listing = new Listing
        {
            ChannelId = channelId,
            ProductId = product.Id,
            RegistryId = product.RegistryId,
            SellerSku = SellerSku.For(product.RegistryId),
            State = desired.Active ? ListingState.Pending : ListingState.Delisted,
            Desired = desired,
            DesiredContentHash = string.Empty,
            DesiredPriceHash = string.Empty,
            DesiredStockHash = string.Empty,
            DesiredStatusHash = string.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        listing.SetDesired(desired);
        SetHashes(listing, AspectHashes.Of(desired));
        listing.RefreshDirty();
        return listing;
    }

    /// <summary>Updates the tracked listing when its desired state moved; true when anything changed.</summary>
    /// <param name="current">Hashes of <paramref name="listing"/>'s desired state before this plan.</param>
    private static bool Apply(Listing listing, AspectHashes current, DesiredListing desired, DateTime now)
    {
        var hashes = AspectHashes.Of(desired);
        var before = (listing.DesiredContentHash, listing.DesiredPriceHash, listing.DesiredStockHash, listing.DesiredStatusHash);
        SetHashes(listing, hashes);
        var after = (listing.DesiredContentHash, listing.DesiredPriceHash, listing.DesiredStockHash, listing.DesiredStatusHash);
        if (before == after && current == hashes && SameReasons(listing.Desired, desired) && listing.Desired.HeldPriceVnd == desired.HeldPriceVnd)
        {
            listing.RefreshDirty();
            return false;
        }

        listing.SetDesired(desired);
        listing.RefreshDirty();
        listing.UpdatedAt = now;
        if (listing.State == ListingState.Rejected && listing.Dirty)
        {
            // New data: a rejected listing gets another chance.
            listing.NextAttemptAt = null;
            listing.AttemptCount = 0;
        }

        return true;
    }

    /// <summary>
    /// Hashes of what should be pushed now. While a listing is to be delisted its content and price are not
    /// pushed (no point editing an item nobody can buy), so they keep their pushed hashes until it is relisted.
    /// </summary>
    internal static void SetHashes(Listing listing, AspectHashes hashes)
    {
        var holdBack = hashes.Status == AspectHashes.Inactive;
        listing.DesiredContentHash = holdBack && listing.PushedContentHash is not null ? listing.PushedContentHash : hashes.Content;
        listing.DesiredPriceHash = holdBack && listing.PushedPriceHash is not null ? listing.PushedPriceHash : hashes.Price;
        listing.DesiredStockHash = hashes.Stock;
        listing.DesiredStatusHash = hashes.Status;
    }

    private static bool SameReasons(DesiredListing a, DesiredListing b) =>
        a.Reasons.Select(r => r.Code).SequenceEqual(b.Reasons.Select(r => r.Code), StringComparer.Ordinal);
}

public sealed class PlanResult
{
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Dirty { get; set; }
}
