using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.SellerCentre;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>
/// Shopee v2's wire format over HTTP: common parameters in the query, signatures and timestamps checked (by code
/// written apart from the adapter's, so a bug shared by both cannot pass), the envelope
/// <c>{error, message, warning, request_id, response}</c>, token endpoints answering at the top level.
/// </summary>
public static partial class ShopeeSimulatorEndpoints
{
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The caller as the common parameters identify it.</summary>
    internal sealed record Caller(long ShopId, string RequestId);

    public static IEndpointRouteBuilder MapShopeeSimulator(this IEndpointRouteBuilder app, ShopeeSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var buckets = new Dictionary<long, SandboxTokenBucket>();
        Delegate Shop(Func<HttpContext, Caller, Task<IResult>> handle) =>
            (HttpContext http) => GateAsync(http, simulator, buckets, shopLevel: true, handle);
        Delegate Public(Func<HttpContext, Caller, Task<IResult>> handle) =>
            (HttpContext http) => GateAsync(http, simulator, buckets, shopLevel: false, handle);

        app.MapPost("/api/v2/auth/token/get", Public((http, caller) => TokenGetAsync(http, caller, simulator)));
        app.MapPost("/api/v2/auth/access_token/get", Public((http, caller) => TokenRefreshAsync(http, caller, simulator)));
        app.MapPost("/api/v2/media_space/upload_image", Public((http, caller) => UploadImageAsync(http, caller, simulator)));
        app.MapPost("/api/v2/product/add_item", Shop((http, caller) => AddItemAsync(http, caller, simulator)));
        app.MapPost("/api/v2/product/update_item", Shop((http, caller) => UpdateItemAsync(http, caller, simulator)));
        app.MapPost("/api/v2/product/update_price", Shop((http, caller) => UpdatePriceAsync(http, caller, simulator)));
        app.MapPost("/api/v2/product/update_stock", Shop((http, caller) => UpdateStockAsync(http, caller, simulator)));
        app.MapPost("/api/v2/product/unlist_item", Shop((http, caller) => UnlistAsync(http, caller, simulator)));
        app.MapGet("/api/v2/product/get_item_list", Shop((http, caller) => Task.FromResult(ItemList(http, caller, simulator))));
        app.MapGet("/api/v2/product/get_item_base_info", Shop((http, caller) => Task.FromResult(BaseInfo(http, caller, simulator))));
        app.MapGet("/api/v2/product/search_item", Shop((http, caller) => Task.FromResult(Search(http, caller, simulator))));
        app.MapSellerCentre("shopee", new SellerCentreShop<ShopeeSimulatorItem>(
            () => simulator.Items, i => i.ItemId.ToString(CultureInfo.InvariantCulture), i => i.ItemSku,
            (id, price) => simulator.EditPrice(ItemId(id), price), (id, stock) => simulator.EditStock(ItemId(id), stock),
            id => simulator.Delete(ItemId(id))));
        return app;
    }

    /// <summary>An id the seller-centre endpoints found among the items, so it is a number.</summary>
    private static long ItemId(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    internal static IResult Ok(Caller caller, object response) =>
        Results.Json(new { error = "", message = "", warning = "", request_id = caller.RequestId, response }, Json);

    internal static IResult Fail(string requestId, ShopeeSimulatorError error) =>
        Results.Json(new { error = error.Error, message = error.Message, request_id = requestId }, Json, statusCode: error.Status);

    internal static IResult Fail(Caller caller, string error, string message, int status = 200) =>
        Fail(caller.RequestId, new ShopeeSimulatorError(error, message, status));

    private static async Task<IResult> GateAsync(
        HttpContext http, ShopeeSimulator simulator, Dictionary<long, SandboxTokenBucket> buckets, bool shopLevel,
        Func<HttpContext, Caller, Task<IResult>> handle)
    {
        var requestId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var refusal = Check(http.Request, simulator, shopLevel, out var shopId);
        if (refusal is not null)
        {
            return Fail(requestId, refusal);
        }

        if (shopLevel && simulator.Options.RequestsPerSecond > 0)
        {
            SandboxTokenBucket bucket;
            lock (buckets)
            {
                if (!buckets.TryGetValue(shopId, out bucket!))
                {
                    bucket = new SandboxTokenBucket(simulator.Options.RequestsPerSecond, simulator.Options.Burst, simulator.Time);
                    buckets[shopId] = bucket;
                }
            }

            if (!bucket.TryTake(out _))
            {
                return Fail(requestId, new ShopeeSimulatorError("error_rate_limit", "Too many requests, please try again later.", 429));
            }
        }

        return await handle(http, new Caller(shopId, requestId));
    }

    /// <summary>The common-parameter checks, in the order Shopee reports them.</summary>
    private static ShopeeSimulatorError? Check(HttpRequest request, ShopeeSimulator simulator, bool shopLevel, out long shopId)
    {
        shopId = 0;
        var query = request.Query;
        var options = simulator.Options;
        if (!long.TryParse(query["partner_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var partnerId) || partnerId != options.PartnerId)
        {
            return new("error_param", "There is no partner_id in query or it is invalid.", 400);
        }

        if (!long.TryParse(query["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return new("error_param", "There is no timestamp in query.", 400);
        }

        var drift = Math.Abs(simulator.Time.GetUtcNow().ToUnixTimeSeconds() - timestamp);
        if (drift > options.TimestampTolerance.TotalSeconds)
        {
            return new("error_param", "Invalid timestamp: the timestamp is expired or in the future.", 400);
        }

        string? accessToken = null;
        if (shopLevel)
        {
            accessToken = query["access_token"];
            if (!long.TryParse(query["shop_id"], NumberStyles.None, CultureInfo.InvariantCulture, out shopId) || !options.ShopIds.Contains(shopId))
            {
                return new("error_param", "There is no shop_id in query or it is invalid.", 400);
            }
        }

        // The base string, written out by hand here rather than shared with the adapter's signer.
        var baseString = options.PartnerId.ToString(CultureInfo.InvariantCulture) + request.Path.Value
            + timestamp.ToString(CultureInfo.InvariantCulture)
            + (shopLevel ? accessToken + shopId.ToString(CultureInfo.InvariantCulture) : string.Empty);
        using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(options.PartnerKey)))
        {
            var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(baseString));
            var expected = string.Concat(digest.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            if (!string.Equals(expected, query["sign"], StringComparison.Ordinal))
            {
                return new("error_sign", "Wrong sign.", 403);
            }
        }

        return shopLevel && !simulator.AccessTokenValid(accessToken, shopId)
            ? new("invalid_acceess_token", "Invalid access_token.", 403)
            : null;
    }

    internal static async Task<System.Text.Json.Nodes.JsonObject?> BodyAsync(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<System.Text.Json.Nodes.JsonObject>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
