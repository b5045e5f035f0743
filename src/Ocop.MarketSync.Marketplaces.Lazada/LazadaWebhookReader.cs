using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Lazada push messages (LPM). The <c>Authorization</c> header is the lowercase hex HMAC-SHA256, keyed with the app
/// secret, of app key + raw body; it is checked against every Lazada channel's app (channels may share an app)
/// before the body is read. The message's <c>seller_id</c> then picks the channels (their
/// <c>Lazada:SellerId</c>). A valid message for no channel of ours is accepted with no hints, so Lazada stops
/// resending it.
/// </summary>
internal sealed class LazadaWebhookReader(
    IConfiguration configuration,
    IOptionsMonitor<LazadaChannelOptions> channelOptions,
    MarketplaceChannelRegistry<LazadaChannelOptions> registry) : IMarketplaceWebhookReader
{
    public string Marketplace => LazadaCapabilities.Marketplace;

    public WebhookVerdict Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerdict.Refused("no Authorization header");
        }

        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        var signedFor = registry.Ids.Where(id => Verifies(id, request.Body.Span, given)).ToList();
        if (signedFor.Count == 0)
        {
            return WebhookVerdict.Refused("the signature matches no Lazada channel's app");
        }

        LazadaPushMessage message;
        try
        {
            message = LazadaPushMessage.Parse(request.Body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return WebhookVerdict.Refused($"the body is not a Lazada push message: {ex.Message}");
        }

        var hints = signedFor
            .Where(id => string.Equals(channelOptions.Get(id).SellerId, message.SellerId, StringComparison.Ordinal))
            .SelectMany(message.HintsFor)
            .ToList();
        return WebhookVerdict.Accepted(hints);
    }

    private bool Verifies(string channelId, ReadOnlySpan<byte> body, byte[] given)
    {
        LazadaCredentials credentials;
        try
        {
            credentials = LazadaCredentials.Read(configuration, channelId, registry.CredentialsRefOf(channelId));
        }
        catch (LazadaConfigurationException)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(LazadaSignature.SignPush(credentials.AppKey, body, credentials.AppSecret));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

/// <summary>The parts of a push message we act on: <c>{"seller_id","message_type","data":{"item_id","sku_list":[…]}}</c>.</summary>
internal sealed record LazadaPushMessage(string SellerId, int MessageType, string? ItemId, IReadOnlyList<string> SkuIds, string? Action)
{
    public static LazadaPushMessage Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var skus = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("sku_list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => Text(s, "sku_id")).OfType<string>().ToList()
            : [];
        return new LazadaPushMessage(
            Text(root, "seller_id") ?? throw new FormatException("seller_id is missing"),
            int.Parse(Text(root, "message_type") ?? throw new FormatException("message_type is missing"), CultureInfo.InvariantCulture),
            data.ValueKind == JsonValueKind.Object ? Text(data, "item_id") : null,
            skus,
            data.ValueKind == JsonValueKind.Object ? Text(data, "action") ?? Text(data, "status") : null);
    }

    /// <summary>1 QC result, 3 created, 4 updated, 5 deleted → read back; 6 shallow stock; 8 token expiring. Others: none.</summary>
    public IEnumerable<MarketplaceHint> HintsFor(string channelId)
    {
        var detail = $"lazada message_type {MessageType}" + (Action is null ? "" : $", {Action}");
        var kind = MessageType switch
        {
            1 or 3 or 4 or 5 => MarketplaceHintKind.ItemChanged,
            6 => MarketplaceHintKind.ReservedStockChanged,
            8 => MarketplaceHintKind.AuthorizationExpiring,
            _ => (MarketplaceHintKind?)null,
        };
        if (kind is not { } hintKind)
        {
            return [];
        }

        if (hintKind == MarketplaceHintKind.AuthorizationExpiring || ItemId is null)
        {
            return [new MarketplaceHint(channelId, hintKind, null, detail + (ItemId is null ? "" : $", item {ItemId}"))];
        }

        // Our remote ids are item_id:sku_id; a message without SKUs still names the item, in the detail.
        return SkuIds.Count == 0 ? [new MarketplaceHint(channelId, hintKind, null, $"{detail}, item {ItemId}")]
            : SkuIds.Select(sku => new MarketplaceHint(channelId, hintKind, $"{ItemId}:{sku}", detail));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
