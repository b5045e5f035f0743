using System.Globalization;
using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>One pull of a channel's event queue: the hints to act on, and the ack id to send with the next pull.</summary>
/// <param name="AckId">Send it as <c>previousAckId</c> on the next pull, once the hints are safely queued: that acknowledges this batch.</param>
/// <param name="Events">Events in the batch, the ones that gave no hint included (orders…).</param>
public sealed record TikiEventBatch(string? AckId, IReadOnlyList<MarketplaceHint> Hints, int Events);

/// <summary>
/// Reads Tiki's Event Queue (pull model, §5.4, §5.6): <c>POST /integration/v1/queues/{code}/events/pull
/// {"ack_id": previous|null}</c> with the channel's bearer token. Price and inventory events become the same
/// <see cref="MarketplaceHint"/>s a webhook gives (read the product back, re-assert ours), so a change made by hand in
/// Seller Center is corrected without waiting for the nightly reconciliation. Delivery is at-least-once: the caller
/// keeps the ack id and sends it only after queueing the hints, so a crash in between means the batch comes again.
/// </summary>
/// <remarks>
/// Creating the queue (<c>POST /integration/v1/queues</c>, app token) and subscribing it to PRODUCT_PRICE_UPDATED,
/// PRODUCT_MARKET_PRICE_UPDATED and PRODUCT_INVENTORY_UPDATED is a one-off set-up step; its code goes into
/// <c>Channels:{id}:Tiki:EventQueueCode</c>.
/// </remarks>
public sealed class TikiEventQueueReader
{
    private static readonly HashSet<string> ProductEvents = new(StringComparer.Ordinal)
    {
        "PRODUCT_PRICE_UPDATED", "PRODUCT_MARKET_PRICE_UPDATED", "PRODUCT_INVENTORY_UPDATED",
    };

    private readonly TikiMarketplaceClientFactory _factory;

    internal TikiEventQueueReader(TikiMarketplaceClientFactory factory)
    {
        _factory = factory;
    }

    /// <summary>Whether the channel has a queue to pull (<c>Tiki:EventQueueCode</c>).</summary>
    public bool HasQueue(ChannelOptions channel) =>
        !string.IsNullOrWhiteSpace(_factory.Options((channel ?? throw new ArgumentNullException(nameof(channel))).Id).EventQueueCode);

    /// <param name="previousAckId">The ack id of the previous batch, whose hints are queued now; null on the first pull.</param>
    /// <exception cref="MarketplaceException">The pull failed (the previous batch stays unacknowledged and comes again).</exception>
    /// <exception cref="InvalidOperationException">The channel has no <c>EventQueueCode</c>.</exception>
    public async Task<TikiEventBatch> PullAsync(ChannelOptions channel, string? previousAckId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var code = _factory.Options(channel.Id).EventQueueCode is { Length: > 0 } configured ? configured
            : throw new InvalidOperationException($"Channels:{channel.Id}:Tiki:EventQueueCode is not set: the channel has no event queue.");
        var api = _factory.Api(channel);
        IApiResponse<WireEventBatch> response;
        try
        {
            response = await api.PullEventsAsync(code, new WirePull(previousAckId), cancellationToken);
        }
        catch (Exception ex) when (TikiErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using var answer = response;
        if (_factory.Errors(channel.Id).FromResponse(response, cancellationToken) is { } error)
        {
            throw new MarketplaceException(error);
        }

        var events = response.Content?.Events ?? [];
        var hints = events
            .Where(e => e.Type is not null && ProductEvents.Contains(e.Type))
            .Select(e => (e.Type, ProductId: ProductIdOf(e.Payload)))
            .Where(e => e.ProductId is not null)
            // At-least-once and in order: one read-back per product is enough for a batch.
            .DistinctBy(e => e.ProductId)
            .Select(e => new MarketplaceHint(channel.Id, MarketplaceHintKind.ItemChanged, e.ProductId, $"tiki {e.Type}"))
            .ToList();
        return new TikiEventBatch(response.Content?.AckId ?? previousAckId, hints, events.Count);
    }

    private static string? ProductIdOf(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("product_id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.String when TikiWireMapper.TryProductId(id.GetString() ?? string.Empty, out var parsed) => parsed.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
