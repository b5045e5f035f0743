using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Sendo webhooks carry no signature (§6.3). A push is accepted only when the URL's <c>key</c> is a configured
/// channel's webhook secret (compared in fixed time), and, when the body names a <c>shop_key</c>, it is that channel's.
/// Product events (<c>PRODUCT.CREATE</c>, <c>PRODUCT.UPDATE</c>, …) become "read the item back" hints and nothing
/// more: the body is not trusted, the item is read through the API before anything changes. Other events are
/// acknowledged without a hint.
/// </summary>
internal sealed class SendoWebhookReader(
    MarketplaceChannelRegistry<SendoChannelOptions> registry,
    IOptionsMonitor<SendoCredentials> credentials) : IMarketplaceWebhookReader
{
    public string Marketplace => SendoCapabilities.Marketplace;

    public WebhookVerdict Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = HttpUtility.ParseQueryString(request.Url.Query)["key"];
        if (string.IsNullOrEmpty(key))
        {
            return WebhookVerdict.Refused("no key in the URL (Sendo signs nothing; the URL's secret is the proof)");
        }

        var given = Encoding.UTF8.GetBytes(key);
        var channelId = registry.Ids.FirstOrDefault(id => credentials.Get(id).WebhookSecret is { Length: > 0 } secret
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), given));
        if (channelId is null)
        {
            return WebhookVerdict.Refused("the key matches no Sendo channel's webhook secret");
        }

        try
        {
            using var document = JsonDocument.Parse(request.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookVerdict.Refused("the body is not a JSON object");
            }

            if (Text(root, "shop_key") is { } shopKey && !string.Equals(shopKey, credentials.Get(channelId).ShopKey, StringComparison.Ordinal))
            {
                return WebhookVerdict.Refused($"the push names another shop than channel {channelId}'s");
            }

            var type = Text(root, "type") ?? Text(root, "event") ?? string.Empty;
            if (!type.StartsWith("PRODUCT.", StringComparison.OrdinalIgnoreCase))
            {
                return WebhookVerdict.Accepted();
            }

            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : root;
            var productId = Text(data, "id") ?? Text(data, "product_id");
            return WebhookVerdict.Accepted(new MarketplaceHint(channelId, MarketplaceHintKind.ItemChanged, productId, type));
        }
        catch (JsonException)
        {
            return WebhookVerdict.Refused("the body is not JSON");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
