using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Shopee push messages. The <c>Authorization</c> header must be the lowercase hex HMAC-SHA256, keyed with a
/// configured channel's partner key, of <c>callback_url + "|" + raw body</c>; only then is the body read. Hints:
/// code 6 banned item, 8 reserved stock change, 2 authorisation cancelled and 12 authorisation expiring; other
/// codes are acknowledged without hints (a valid push must be answered 2xx or Shopee retries and, in the end,
/// disables the subscription).
/// </summary>
internal sealed class ShopeeWebhookReader(
    MarketplaceChannelRegistry<ShopeeChannelOptions> registry, IOptionsMonitor<ShopeeChannelOptions> channelOptions, IConfiguration configuration)
    : IMarketplaceWebhookReader
{
    public string Marketplace => ShopeeCapabilities.Marketplace;

    public WebhookVerdict Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerdict.Refused("no Authorization header");
        }

        // Several channels may share one app (one partner key) or not: every channel whose key signs this body may own it.
        var signedFor = registry.Channels
            .Where(channel => Verifies(channel, request, signature))
            .Select(channel => (ChannelId: channel.Id, channelOptions.Get(channel.Id).ShopId))
            .ToList();
        if (signedFor.Count == 0)
        {
            return WebhookVerdict.Refused("the signature does not match any Shopee channel's partner key and callback URL");
        }

        try
        {
            using var body = JsonDocument.Parse(request.Body);
            var root = body.RootElement;
            var code = Long(root, "code") ?? -1;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            var shopId = Long(root, "shop_id") ?? (data.ValueKind == JsonValueKind.Object ? Long(data, "shop_id") : null);
            var itemId = data.ValueKind == JsonValueKind.Object ? Long(data, "item_id") : null;
            var remoteId = itemId?.ToString(CultureInfo.InvariantCulture);
            IEnumerable<string> ChannelsOf(long? shop) => signedFor.Where(c => c.ShopId == shop).Select(c => c.ChannelId);

            IReadOnlyList<MarketplaceHint> hints = code switch
            {
                6 => [.. ChannelsOf(shopId).Select(c => new MarketplaceHint(c, MarketplaceHintKind.ItemBanned, remoteId, "Shopee banned the item (push 6)"))],
                8 => [.. ChannelsOf(shopId).Select(c => new MarketplaceHint(c, MarketplaceHintKind.ReservedStockChanged, remoteId, "reserved stock changed (push 8)"))],
                2 => [.. ChannelsOf(shopId).Select(c => new MarketplaceHint(c, MarketplaceHintKind.AuthorizationExpiring, null, "authorisation cancelled (push 2)"))],
                // Push 12 lists the shops whose authorisation expires within 7 days.
                12 => [.. ExpiringShops(data, shopId).SelectMany(ChannelsOf).Distinct()
                    .Select(c => new MarketplaceHint(c, MarketplaceHintKind.AuthorizationExpiring, null, "authorisation expires within 7 days (push 12)"))],
                _ => [],
            };
            return WebhookVerdict.Accepted(hints);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return WebhookVerdict.Refused($"the body is not a Shopee push message: {ex.Message}");
        }
    }

    private bool Verifies(MarketplaceChannel channel, WebhookRequest request, string signature)
    {
        if (ShopeeCredentials.TryRead(configuration, channel.CredentialsRef, out _) is not { } credentials)
        {
            return false;
        }

        // The URL exactly as registered in Shopee's console; behind a proxy the arrival URL differs from it.
        var callbackUrl = channelOptions.Get(channel.Id).PushCallbackUrl?.OriginalString ?? request.Url.AbsoluteUri;
        return ShopeeSigner.SignaturesEqual(ShopeeSigner.PushSignature(credentials.PartnerKey, callbackUrl, request.Body.Span), signature);
    }

    private static IEnumerable<long?> ExpiringShops(JsonElement data, long? shopId)
    {
        if (shopId is not null)
        {
            yield return shopId;
        }

        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("shop_expire_soon", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var shop in list.EnumerateArray())
            {
                if (shop.ValueKind == JsonValueKind.Number && shop.TryGetInt64(out var id))
                {
                    yield return id;
                }
            }
        }
    }

    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out _),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ => false,
        }
            ? value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
