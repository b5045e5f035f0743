using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Push;

internal sealed partial class ListingPushLane
{
    /// <summary>
    /// Creates listings that have no remote item yet. Every SKU is looked up first: an item created by a call whose
    /// answer was lost (or by a crashed run) is adopted, never created a second time.
    /// </summary>
    private async Task CreateAsync(IMarketplaceClient client, PushBatch batch, PushSummary summary, CancellationToken cancellationToken)
    {
        var pending = batch.Listings.Where(l => l.RemoteId is null && l.ReviewTicket is null && l.Desired.Active && !batch.Lost.Contains(l.Id)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var toCreate = new List<Listing>();
        foreach (var claimed in pending.Chunk(_run.Capabilities.BatchSizeOf(MarketplaceOperation.FindBySellerSku)))
        {
            if (_run.Stopped)
            {
                return;
            }

            var chunk = await HoldAsync(batch, claimed, cancellationToken);
            if (chunk.Length == 0)
            {
                continue;
            }

            IReadOnlyList<RemoteItem> found;
            try
            {
                await _run.Pace.WaitForAsync(MarketplaceOperation.FindBySellerSku, cancellationToken);
                summary.Calls++;
                found = await client.FindBySellerSkuAsync([.. chunk.Select(l => l.SellerSku)], cancellationToken);
            }
            catch (MarketplaceException ex)
            {
                // Without a lookup nothing may be created: these wait, as if their create had failed.
                foreach (var listing in chunk)
                {
                    Audit(listing, "Lookup", PushAudit.Lookup(listing), null, ex.Error);
                    Fail(batch, listing, ex.Error, summary, MarketplaceOperation.FindBySellerSku);
                }

                continue;
            }

            var bySku = found.GroupBy(i => i.SellerSku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var adopted = false;
            foreach (var listing in chunk)
            {
                if (bySku.TryGetValue(listing.SellerSku, out var remote))
                {
                    // Adopted: every aspect is pushed as an update, so the item ends as desired whatever it held.
                    listing.RemoteId = remote.RemoteId;
                    listing.RemoteUrl = remote.Url;
                    listing.PushedContentHash = listing.PushedPriceHash = listing.PushedStockHash = listing.PushedStatusHash = null;
                    Audit(listing, "Lookup", PushAudit.Lookup(listing), new ItemResult(listing.SellerSku, null, remote.RemoteId, remote.Url) { RequestId = remote.RequestId }, null);
                    summary.Adopted++;
                    adopted = true;
                }
                else
                {
                    toCreate.Add(listing);
                }
            }

            if (adopted)
            {
                await CommitAsync(batch, chunk, summary);
            }
        }

        foreach (var allowed in toCreate.Chunk(_run.Capabilities.BatchSizeOf(MarketplaceOperation.Create)))
        {
            if (_run.Stopped)
            {
                return;
            }

            var chunk = DeferBeyondQuota(batch, await HoldAsync(batch, allowed, cancellationToken), summary);
            if (chunk.Length == 0)
            {
                continue;
            }

            var items = chunk.Select(l => new CreateListing(Content(l), l.Desired.PriceVnd, l.Desired.Stock, l.Desired.Active)).ToList();
            await _run.Pace.WaitForAsync(MarketplaceOperation.Create, cancellationToken);
            summary.Calls++;
            var results = await client.CreateAsync(items, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                var listing = chunk[i];
                var result = results[i];
                var error = result.Succeeded && result.RemoteId is null && result.ReviewTicket is null
                    ? new MarketplaceError.Transient("create answered without a remote id") { RequestId = result.RequestId }
                    : ListingOutcomes.ErrorOf(result);
                Audit(listing, "Create", PushAudit.Content(items[i].Content, items[i].PriceVnd, items[i].Stock, items[i].Active), result, error);
                if (error is null && result.RemoteId is null)
                {
                    // A product request the marketplace reviews first: everything but the status went with it (its
                    // approved products start inactive, so the status is pushed once it exists).
                    SentForReview(listing, result.ReviewTicket!, ListingAspect.Content | ListingAspect.Price | ListingAspect.Stock);
                    summary.SentForReview++;
                }
                else if (error is null)
                {
                    listing.RemoteId = result.RemoteId;
                    listing.RemoteUrl = result.Url;
                    RecordLag(listing, "create");
                    ListingOutcomes.Pushed(listing, ListingAspect.All, clock.UtcNow);
                    summary.Created++;
                }
                else
                {
                    if (result.RemoteId is not null)
                    {
                        // Created, but a follow-up step of the create failed (e.g. the deactivation of an item created
                        // inactive): the item exists, so keep it; its aspects are pushed as updates next time.
                        listing.RemoteId = result.RemoteId;
                        listing.RemoteUrl = result.Url;
                    }

                    Fail(batch, listing, error, summary, MarketplaceOperation.Create);
                }
            }

            // The remote ids are committed the moment the create returns, in their own transaction.
            await CommitAsync(batch, chunk, summary);
        }
    }

    /// <summary>The marketplace took these aspects for review: they count as sent, and the ticket is followed.</summary>
    private void SentForReview(Listing listing, string ticket, ListingAspect sent)
    {
        var now = clock.UtcNow;
        ListingOutcomes.Pushed(listing, sent, now);
        listing.ReviewTicket = ticket;
        listing.ReviewState = null;
        listing.ReviewSince = now;
        listing.ReviewCheckedAt = null;
    }

    /// <summary>
    /// Takes the chunk's creates from the day's quota; those beyond it wait, uncounted, until the next day starts
    /// (their listing says why), instead of failing at the marketplace and burning attempts.
    /// </summary>
    private Listing[] DeferBeyondQuota(PushBatch batch, Listing[] chunk, PushSummary summary)
    {
        if (_run.Quota is not { } quota)
        {
            return chunk;
        }

        var granted = quota.Take(chunk.Length);
        foreach (var listing in chunk.Skip(granted))
        {
            var error = quota.Deferral(clock.UtcNow);
            Fail(batch, listing, error, summary, MarketplaceOperation.Create); // counted under Deferred
        }

        return chunk[..granted];
    }

    private static ListingContent Content(Listing listing) => new()
    {
        SellerSku = listing.SellerSku,
        Title = listing.Desired.Title,
        Description = listing.Desired.Description,
        CategoryId = listing.Desired.CategoryId ?? string.Empty,
        Images = listing.Desired.Images,
        Gtin = listing.Desired.Gtin,
        WeightGrams = listing.Desired.WeightGrams,
        Attributes = listing.Desired.Attributes,
    };
}
