using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// Computes the desired listing of every product on one or more channels and stores what changed: new listings
/// inserted, listings whose desired hashes moved updated and marked dirty, the rest untouched (no write, no push).
/// Several channels are planned in one pass over the products, so each product is read and decoded once for all of
/// them (<see cref="PlanningPass"/> after an intake); a push job plans its own channel as a safety net.
/// </summary>
/// <remarks>
/// The caller must hold the push lock of every channel it plans (<c>push:{channel}</c>): a push run settling a
/// listing from what it read would otherwise overwrite a desired state planned meanwhile.
/// </remarks>
public sealed partial class ListingPlanner(MarketSyncDbContext db, ChannelCatalog channels, IntakeClock clock)
{
    private const int Chunk = 500;

    public async Task<PlanResult> PlanChangedAsync(string channelId, CancellationToken cancellationToken) =>
        (await PlanChangedAsync([channelId], cancellationToken))[channelId];

    /// <summary>
    /// Plans what changed since each channel's last plan: products changed or retired since then and products without
    /// a listing there yet. Everything is replanned on a new day in Vietnam (certificates end at midnight there) and
    /// when the channel's configuration changed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PlanResult>> PlanChangedAsync(IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken)
    {
        var started = clock.UtcNow;
        var plans = new List<ChannelPlan>();
        foreach (var channelId in channelIds.Distinct(StringComparer.Ordinal))
        {
            var channel = channels.Get(channelId);
            var stamp = $"{clock.Today:yyyy-MM-dd}|{ConfigurationStamp(channel)}";
            var since = await CheckpointAsync(channelId, stamp, cancellationToken);
            var ids = since is null ? null : await ChangedSinceAsync(channelId, since.Value, cancellationToken);
            plans.Add(new ChannelPlan(channel, channels.Capabilities(channelId), ids, stamp));
        }

        await PlanAsync(plans, cancellationToken);
        foreach (var plan in plans)
        {
            var key = CheckpointKey(plan.Channel.Id);
            var value = $"{plan.Stamp}|{started.Ticks.ToString(CultureInfo.InvariantCulture)}";
            var checkpoint = await db.IntakeCursors.FindAsync([key], cancellationToken);
            if (checkpoint is null)
            {
                db.IntakeCursors.Add(new IntakeCursor { Source = key, Cursor = value, UpdatedAt = started });
            }
            else
            {
                checkpoint.Cursor = value;
                checkpoint.UpdatedAt = started;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return plans.ToDictionary(p => p.Channel.Id, p => p.Result, StringComparer.Ordinal);
    }

    /// <param name="productIds">Only these products (after an intake), or null for all of them.</param>
    public async Task<PlanResult> PlanAsync(string channelId, IReadOnlyCollection<long>? productIds, CancellationToken cancellationToken)
    {
        var plan = new ChannelPlan(channels.Get(channelId), channels.Capabilities(channelId), productIds?.ToHashSet(), string.Empty);
        await PlanAsync([plan], cancellationToken);
        return plan.Result;
    }

    private static string CheckpointKey(string channelId) => "plan:" + channelId;

    /// <summary>When the channel was last planned under the same day and configuration, or null: plan everything.</summary>
    private async Task<DateTime?> CheckpointAsync(string channelId, string stamp, CancellationToken cancellationToken)
    {
        var checkpoint = await db.IntakeCursors.AsNoTracking().FirstOrDefaultAsync(c => c.Source == CheckpointKey(channelId), cancellationToken);
        return checkpoint?.Cursor is { } cursor && cursor.StartsWith(stamp + "|", StringComparison.Ordinal)
            && long.TryParse(cursor.AsSpan(stamp.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new DateTime(ticks, DateTimeKind.Utc)
                : null;
    }

    /// <summary>
    /// How far before its checkpoint a plan looks again. A product's change time is taken when intake writes it and
    /// becomes visible only at the commit after; a plan that started in between set its checkpoint past a change it
    /// could not see, and that change waited for the next day (seen: a price change missed on two of four channels
    /// while three nodes pushed). What the look-back finds already planned from the product's current version
    /// (<see cref="Listing.PlannedFromHash"/>) is skipped: after a mass change (a province's first intake) every push job
    /// re-read and re-decided every product for two minutes, 10 s per channel at 20,000 products.
    /// </summary>
    public static readonly TimeSpan CommitOverlap = TimeSpan.FromMinutes(2);

    private async Task<HashSet<long>> ChangedSinceAsync(string channelId, DateTime checkpoint, CancellationToken cancellationToken)
    {
        var since = checkpoint - CommitOverlap;
        // A product changed after the checkpoint was planned from its new version only if a plan saw it committed
        // early: the same test serves both, and nothing is read twice.
        var ids = await db.Products
            .Where(p => (p.LastChangedAt >= since
                    && !db.Listings.Any(l => l.ChannelId == channelId && l.ProductId == p.Id && l.PlannedFromHash == p.ContentHash))
                || p.RetiredAt >= since
                || !db.Listings.Any(l => l.ChannelId == channelId && l.ProductId == p.Id))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. ids];
    }

    private static string ConfigurationStamp(ChannelOptions channel) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(channel, JsonColumn.Options)))[..16];

    /// <summary>
    /// One pass over the products the plans need, in chunks: each chunk's products and the channels' listings of them
    /// are read once, the desired states computed per channel (in parallel: pure work), then applied and stored.
    /// </summary>
    private async Task PlanAsync(IReadOnlyList<ChannelPlan> plans, CancellationToken cancellationToken)
    {
        // Every product when one channel replans everything; otherwise the union of what each channel needs.
        List<long>? wanted = plans.Any(p => p.ProductIds is null) ? null : [.. plans.SelectMany(p => p.ProductIds!).Distinct().Order()];
        if (plans.Count == 0 || wanted is { Count: 0 })
        {
            return;
        }

        var channelIds = plans.Select(p => p.Channel.Id).ToList();
        var today = clock.Today;
        await foreach (var products in ProductChunksAsync(wanted, cancellationToken))
        {
            var ids = products.Select(p => p.Id).ToList();
            var listings = await db.Listings
                .Where(l => channelIds.Contains(l.ChannelId) && ids.Contains(l.ProductId))
                .ToListAsync(cancellationToken);
            var existing = listings.ToLookup(l => l.ChannelId, StringComparer.Ordinal);
            var decisions = new Decision[plans.Count][];
            Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = plans.Count > 1 ? Environment.ProcessorCount : 1 },
                i => decisions[i] = Decide(plans[i], products, existing[plans[i].Channel.Id].ToDictionary(l => l.ProductId), today));

            var now = clock.UtcNow;
            var added = new List<Listing>();
            for (var i = 0; i < plans.Count; i++)
            {
                foreach (var decision in decisions[i])
                {
                    Store(plans[i], decision, now, added);
                }
            }

            await SaveAsync(added, cancellationToken);
        }
    }

    /// <summary>
    /// The products in id order, a chunk at a time: all of them by keyset, or only <paramref name="wanted"/> (sorted),
    /// a slice of ids per chunk so that each statement's parameter stays small.
    /// </summary>
    private async IAsyncEnumerable<List<Product>> ProductChunksAsync(List<long>? wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (wanted is not null)
        {
            for (var start = 0; start < wanted.Count; start += Chunk)
            {
                var slice = wanted.GetRange(start, Math.Min(Chunk, wanted.Count - start));
                var products = await db.Products.AsNoTracking().Where(p => slice.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
                if (products.Count > 0)
                {
                    yield return products;
                }
            }

            yield break;
        }

        long lastId = 0;
        while (true)
        {
            var products = await db.Products.AsNoTracking().Where(p => p.Id > lastId).OrderBy(p => p.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (products.Count == 0)
            {
                yield break;
            }

            lastId = products[^1].Id;
            yield return products;
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

    /// <summary>One channel's part of a pass: what it plans and what came of it.</summary>
    private sealed class ChannelPlan(ChannelOptions channel, MarketplaceCapabilities capabilities, HashSet<long>? productIds, string stamp)
    {
        public ChannelOptions Channel { get; } = channel;
        public MarketplaceCapabilities Capabilities { get; } = capabilities;
        /// <summary>The products to plan on this channel, or null for all of them.</summary>
        public HashSet<long>? ProductIds { get; } = productIds;
        public string Stamp { get; } = stamp;
        public PlanResult Result { get; } = new();
    }
}

public sealed class PlanResult
{
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Dirty { get; set; }
}
