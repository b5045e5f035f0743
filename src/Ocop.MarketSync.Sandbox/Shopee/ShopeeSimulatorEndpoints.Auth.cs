using Microsoft.AspNetCore.Http;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>Token endpoints and image upload: public calls, signed with partner_id + path + timestamp only.</summary>
public static partial class ShopeeSimulatorEndpoints
{
    private static async Task<IResult> TokenGetAsync(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var body = await BodyAsync(http);
        if (body?["code"]?.GetValue<string>() is not { } code || body["shop_id"]?.GetValue<long>() is not { } shopId)
        {
            return Fail(caller, "error_param", "code and shop_id are required.", 400);
        }

        var refusal = simulator.ExchangeCode(code, shopId, out var tokens);
        return refusal is not null ? Fail(caller.RequestId, refusal) : Tokens(caller, tokens, simulator);
    }

    private static async Task<IResult> TokenRefreshAsync(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var body = await BodyAsync(http);
        if (body?["refresh_token"]?.GetValue<string>() is not { } refreshToken || body["shop_id"]?.GetValue<long>() is not { } shopId)
        {
            return Fail(caller, "error_param", "refresh_token and shop_id are required.", 400);
        }

        var refusal = simulator.Refresh(refreshToken, shopId, out var tokens);
        return refusal is not null ? Fail(caller.RequestId, refusal) : Tokens(caller, tokens, simulator);
    }

    /// <summary>Token answers have no <c>response</c> wrapper.</summary>
    private static IResult Tokens(Caller caller, (string Access, string Refresh) tokens, ShopeeSimulator simulator) =>
        Results.Json(new
        {
            error = "",
            message = "",
            request_id = caller.RequestId,
            access_token = tokens.Access,
            refresh_token = tokens.Refresh,
            expire_in = (long)simulator.Options.AccessTokenLifetime.TotalSeconds,
        }, Json);

    private static async Task<IResult> UploadImageAsync(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        if (!http.Request.HasFormContentType)
        {
            return Fail(caller, "error_param", "upload_image takes multipart/form-data.", 400);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var image = form.Files.GetFile("image");
        if (image is null || image.Length == 0)
        {
            return Fail(caller, "error_param", "image is required.", 400);
        }

        if (image.Length > 10 * 1024 * 1024)
        {
            return Fail(caller, "error_param", "image must be at most 10 MB.", 400);
        }

        var id = simulator.StoreImage();
        return Ok(caller, new
        {
            image_info = new { image_id = id, image_url_list = new[] { new { image_url_region = "VN", image_url = "https://cf.shopee.vn/file/" + id } } },
        });
    }
}
