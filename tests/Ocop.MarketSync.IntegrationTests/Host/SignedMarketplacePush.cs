using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sandbox.Shopee;
using Ocop.MarketSync.Sandbox.TikTokShop;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// A push message about one item, signed as the marketplace signs it, written here from the published schemes and not
/// taken from the adapter's or the simulator's code: <c>Authorization</c> = lowercase hex HMAC-SHA256 of Shopee's
/// callback URL + "|" + body with the partner key, or of Lazada's and TikTok Shop's app key + body with the app
/// secret. The keys are the simulators' own, which the embedded default gives its simulator channels.
/// </summary>
internal static class SignedMarketplacePush
{
    /// <param name="item">The item as the simulator's seller-centre stand-in lists it.</param>
    public static HttpRequestMessage About(string marketplace, JsonElement item, IConfigurationSection channel, Uri webhook)
    {
        var (body, signature) = marketplace switch
        {
            // Shopee pushes nothing when a seller edits a price; code 8 (reserved stock changed) names the item, and
            // the service reads the whole item back whatever the code.
            "shopee" => Shopee(item, channel, webhook),
            // Message type 4: the product was updated.
            "lazada" => Lazada(item, channel),
            // Type 15: product information changed.
            "tiktokshop" => TikTokShop(item, channel),
            _ => throw new ArgumentOutOfRangeException(nameof(marketplace), marketplace, "no push message for this marketplace"),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", signature);
        return request;
    }

    private static (byte[] Body, string Signature) Shopee(JsonElement item, IConfigurationSection channel, Uri webhook)
    {
        var shopId = long.Parse(channel["Shopee:ShopId"]!, CultureInfo.InvariantCulture);
        var body = Json(new JsonObject
        {
            ["shop_id"] = shopId,
            ["code"] = 8,
            ["timestamp"] = Now(),
            ["data"] = new JsonObject { ["shop_id"] = shopId, ["item_id"] = item.GetProperty("itemId").GetInt64() },
        });
        var partnerKey = new ShopeeSimulatorOptions().PartnerKey;
        return (body, Hmac(partnerKey, [.. Encoding.UTF8.GetBytes(webhook.AbsoluteUri + "|"), .. body]));
    }

    private static (byte[] Body, string Signature) Lazada(JsonElement item, IConfigurationSection channel)
    {
        var body = Json(new JsonObject
        {
            ["seller_id"] = channel["Lazada:SellerId"],
            ["message_type"] = 4,
            ["timestamp"] = Now(),
            ["site"] = "lazada_vn",
            ["data"] = new JsonObject
            {
                ["item_id"] = item.GetProperty("itemId").GetInt64().ToString(CultureInfo.InvariantCulture),
                ["sku_list"] = new JsonArray(new JsonObject { ["sku_id"] = item.GetProperty("skuId").GetInt64().ToString(CultureInfo.InvariantCulture) }),
            },
        });
        var app = new LazadaSimulatorOptions();
        return (body, Hmac(app.AppSecret, [.. Encoding.UTF8.GetBytes(app.AppKey), .. body]));
    }

    private static (byte[] Body, string Signature) TikTokShop(JsonElement item, IConfigurationSection channel)
    {
        var body = Json(new JsonObject
        {
            ["type"] = 15,
            ["shop_id"] = channel["TikTokShop:ShopId"],
            ["timestamp"] = Now(),
            ["data"] = new JsonObject { ["product_id"] = item.GetProperty("id").GetString(), ["update_time"] = Now() },
        });
        var app = new TikTokShopSimulatorOptions();
        return (body, Hmac(app.AppSecret, [.. Encoding.UTF8.GetBytes(app.AppKey), .. body]));
    }

    private static byte[] Json(JsonObject message) => Encoding.UTF8.GetBytes(message.ToJsonString());

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Hmac(string key, byte[] signed) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), signed));
}
