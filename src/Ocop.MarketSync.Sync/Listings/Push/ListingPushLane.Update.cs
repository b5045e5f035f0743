using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Push;

internal sealed partial class ListingPushLane
{
    /// <summary>Sends one aspect of every listing in the batch that needs it, through the marketplace's batch call.</summary>
    private async Task UpdateAsync(
        IMarketplaceClient client, PushBatch batch, ListingAspect aspect, PushSummary summary, CancellationToken cancellationToken)
    {
        var due = batch.Listings
            .Where(l => l.RemoteId is not null && !batch.Failed.Contains(l.Id) && !batch.Lost.Contains(l.Id) && l.PushableAspects().HasFlag(aspect))
            .ToList();
        if (due.Count == 0)
        {
            return;
        }

        var operation = aspect switch
        {
            ListingAspect.Stock => MarketplaceOperation.UpdateStock,
            ListingAspect.Status => MarketplaceOperation.SetStatus,
            ListingAspect.Price => MarketplaceOperation.UpdatePrice,
            ListingAspect.Content => MarketplaceOperation.UpdateContent,
            _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "Not a single pushable aspect."),
        };
        foreach (var claimed in due.Chunk(_run.Capabilities.BatchSizeOf(operation)))
        {
            if (_run.Stopped)
            {
                break;
            }

            var chunk = await HoldAsync(batch, claimed, cancellationToken);
            if (chunk.Length == 0)
            {
                continue;
            }

            await _run.Pace.WaitForAsync(operation, cancellationToken);
            summary.Calls++;
            var results = aspect switch
            {
                ListingAspect.Stock => await client.UpdateStockAsync([.. chunk.Select(l => new StockUpdate(l.RemoteId!, l.SellerSku, l.Desired.Stock))], cancellationToken),
                ListingAspect.Status => await client.SetStatusAsync([.. chunk.Select(l => new StatusUpdate(l.RemoteId!, l.SellerSku, l.Desired.Active))], cancellationToken),
                ListingAspect.Price => await client.UpdatePriceAsync([.. chunk.Select(l => new PriceUpdate(l.RemoteId!, l.SellerSku, l.Desired.PriceVnd))], cancellationToken),
                _ => await client.UpdateContentAsync([.. chunk.Select(l => new ContentUpdate(l.RemoteId!, Content(l)))], cancellationToken),
            };
            for (var i = 0; i < chunk.Length; i++)
            {
                var listing = chunk[i];
                var failure = ListingOutcomes.ErrorOf(results[i]);
                Audit(listing, aspect.ToString(), aspect switch
                {
                    ListingAspect.Stock => PushAudit.Stock(listing),
                    ListingAspect.Status => PushAudit.Status(listing),
                    ListingAspect.Price => PushAudit.Price(listing),
                    _ => PushAudit.Content(Content(listing)),
                }, results[i], failure);
                if (failure is { } error)
                {
                    Fail(batch, chunk[i], error, summary, operation);
                }
                else if (results[i].ReviewTicket is { } ticket)
                {
                    // The aspect sent waits for the marketplace's review (new content on most marketplaces, any
                    // aspect on a sheet channel); the item stays on sale with the old values. Only that aspect counts
                    // as sent: marking another one left the sent aspect dirty, reclaimed by the same run forever.
                    SentForReview(listing, ticket, aspect);
                    summary.SentForReview++;
                }
                else
                {
                    RecordLag(chunk[i], aspect.ToString().ToLowerInvariant());
                    ListingOutcomes.Pushed(chunk[i], aspect, clock.UtcNow);
                    summary.Updated++;
                }
            }

        }

        // Once per aspect, not per call: an update whose record is lost in a crash is simply sent again
        // (updates are idempotent), and every commit costs a change scan of the whole claimed batch.
        await CommitAsync(batch, due.Where(l => !batch.Lost.Contains(l.Id)), summary);
    }
}
