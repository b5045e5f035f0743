using System.Globalization;
using System.Text.Json;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Puts Shopee's common parameters in the query of every request: partner_id, timestamp (seconds, from the injected
/// clock) and sign, plus access_token and shop_id for shop-level calls. Runs inside the resilience pipeline, so each
/// attempt is signed afresh. When Shopee refuses the access token, it asks the token source to refresh once and
/// re-sends once: a refused token means the call was not applied, so even a write may be sent again.
/// </summary>
internal sealed class ShopeeSigningHandler(
    string channelId,
    long shopId,
    Func<ShopeeCredentials> credentials,
    IShopTokenSource? tokenSource,
    TimeProvider time) : DelegatingHandler
{
    private const string ApiRoot = "/api/v2/";
    private static readonly string[] CommonParameters = ["partner_id", "timestamp", "sign", "access_token", "shop_id"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A Shopee request needs an absolute URI.");
        var apiPath = ApiPathOf(uri);
        var keys = credentials();
        if (IsPublic(apiPath))
        {
            request.RequestUri = Signed(uri, keys, apiPath, null);
            return await base.SendAsync(request, cancellationToken);
        }

        var source = tokenSource ?? throw new ShopeeConfigurationException(
            $"Channel '{channelId}': no IShopTokenSource is registered, so shop-level Shopee calls cannot be signed.");
        var tokens = OfThisShop(await source.GetAsync(channelId, cancellationToken));
        request.RequestUri = Signed(uri, keys, apiPath, tokens.AccessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (!await IsTokenRejectedAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        tokens = OfThisShop(await source.RefreshNowAsync(channelId, tokens, cancellationToken));
        request.RequestUri = Signed(uri, keys, apiPath, tokens.AccessToken);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Tokens authorised for another shop than <c>Shopee:ShopId</c> would sign calls Shopee refuses, or worse, act on
    /// the wrong shop: a configuration error to fix, not a call to make.
    /// </summary>
    private ShopTokens OfThisShop(ShopTokens tokens) =>
        tokens.ShopId is null || tokens.ShopId == shopId.ToString(CultureInfo.InvariantCulture) ? tokens
            : throw new ShopeeConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"Channel '{channelId}': its tokens are for shop {tokens.ShopId}, but Channels:{channelId}:Shopee:ShopId is {shopId}."));

    /// <summary>
    /// The signed path starts at <c>/api/v2/</c>: a base address with a path prefix (a proxy, a test host) is not
    /// part of what Shopee signs.
    /// </summary>
    internal static string ApiPathOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        var at = path.IndexOf(ApiRoot, StringComparison.Ordinal);
        return at >= 0 ? path[at..] : path;
    }

    /// <summary>
    /// Auth, public and media-space endpoints are signed with partner_id + path + timestamp only: upload_image is a
    /// partner-level call (SDKs send it without access_token), the uploaded image is not the shop's until add_item.
    /// </summary>
    internal static bool IsPublic(string apiPath) =>
        apiPath.StartsWith("/api/v2/auth/", StringComparison.Ordinal)
        || apiPath.StartsWith("/api/v2/media_space/", StringComparison.Ordinal)
        || apiPath.StartsWith("/api/v2/public/", StringComparison.Ordinal)
        || apiPath.Equals("/api/v2/shop/auth_partner", StringComparison.Ordinal);

    private Uri Signed(Uri uri, ShopeeCredentials keys, string apiPath, string? accessToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var sign = ShopeeSigner.Sign(keys.PartnerKey, keys.PartnerId, apiPath, timestamp, accessToken, accessToken is null ? null : shopId);
        // Drop the parameters of an earlier attempt, keep the business ones as Refit encoded them.
        var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !CommonParameters.Contains(pair.Split('=')[0], StringComparer.Ordinal));
        var common = new List<string>
        {
            "partner_id=" + keys.PartnerId.ToString(CultureInfo.InvariantCulture),
            "timestamp=" + timestamp.ToString(CultureInfo.InvariantCulture),
        };
        if (accessToken is not null)
        {
            common.Add("access_token=" + Uri.EscapeDataString(accessToken));
            common.Add("shop_id=" + shopId.ToString(CultureInfo.InvariantCulture));
        }

        common.Add("sign=" + sign);
        return new UriBuilder(uri) { Query = string.Join('&', common.Concat(kept)) }.Uri;
    }

    private static async Task<bool> IsTokenRejectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        // Buffered so Refit can still read the body after us.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            return body.RootElement.ValueKind == JsonValueKind.Object
                && ShopeeErrorMapper.IsTokenRejection(StringOf(body.RootElement, "error"), StringOf(body.RootElement, "message"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
