using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// TikTok webhooks: <c>Authorization</c> = lowercase hex HMAC-SHA256(app_secret, app_key + raw body), checked first
/// against the keys of the configured TikTok channels; only then is the body read, and its <c>shop_id</c> resolved to
/// the channel (among those whose keys verified it). Types read: 5 product status, 15 information change,
/// 16 creation, 37 audit (→ read the item back; a platform deactivation or freeze → banned), 27 inventory status
/// (→ reserved stock), 6 deauthorisation and 7 upcoming expiry (→ re-authorise). Others are acknowledged, no hint.
/// </summary>
internal sealed class TikTokShopWebhookReader(
    MarketplaceChannelRegistry<TikTokShopChannelOptions> registry,
    IOptionsMonitor<TikTokShopChannelOptions> channelOptions,
    IOptionsMonitor<TikTokShopCredentials> credentials) : IMarketplaceWebhookReader
{
    public string Marketplace => TikTokShopCapabilities.Marketplace;

    public WebhookVerdict Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerdict.Refused("no Authorization header");
        }

        var given = Encoding.ASCII.GetBytes(signature.Trim());
        var verified = registry.Ids.Where(id => Verifies(credentials.Get(id), request.Body.Span, given)).ToList();
        if (verified.Count == 0)
        {
            return WebhookVerdict.Refused("the signature matches no configured TikTok Shop app");
        }

        try
        {
            using var document = JsonDocument.Parse(request.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
            {
                return WebhookVerdict.Refused("the body has no numeric type");
            }

            var shopId = Text(root, "shop_id");
            var channelId = verified.FirstOrDefault(id => channelOptions.Get(id).ShopId == shopId);
            if (channelId is null)
            {
                return WebhookVerdict.Refused($"shop {shopId} is not a configured TikTok Shop channel");
            }

            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            return WebhookVerdict.Accepted(Hints(channelId, type, data));
        }
        catch (JsonException)
        {
            return WebhookVerdict.Refused("the body is not JSON");
        }
    }

    private static MarketplaceHint[] Hints(string channelId, int type, JsonElement data)
    {
        var productId = data.ValueKind == JsonValueKind.Object ? Text(data, "product_id") : null;
        var status = data.ValueKind == JsonValueKind.Object ? Text(data, "status") : null;
        return type switch
        {
            5 or 37 when status is "PLATFORM_DEACTIVATED" or "FREEZE" or "PRODUCT_FREEZE" =>
                [new MarketplaceHint(channelId, MarketplaceHintKind.ItemBanned, productId, status)],
            5 or 15 or 16 or 37 => [new MarketplaceHint(channelId, MarketplaceHintKind.ItemChanged, productId, status)],
            27 => [new MarketplaceHint(channelId, MarketplaceHintKind.ReservedStockChanged, productId, status)],
            6 or 7 => [new MarketplaceHint(channelId, MarketplaceHintKind.AuthorizationExpiring, null, type == 6 ? "deauthorised" : "expires soon")],
            _ => [],
        };
    }

    private static bool Verifies(TikTokShopCredentials keys, ReadOnlySpan<byte> body, byte[] given)
    {
        if (keys.AppKey.Length == 0 || keys.AppSecret.Length == 0)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(TikTokShopSigner.SignWebhook(keys.AppKey, body, keys.AppSecret));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
