using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// What every signed API request passes, in the order of TikTok's gateway: rate limit, app key, timestamp window,
/// signature (over the body bytes as received), access token, then shop_cipher (required on shop APIs, refused on
/// authorization APIs). Refusals carry TikTok's own error body: <c>{"code":…,"message":…,"request_id":…,"data":null}</c>.
/// </summary>
internal sealed class TikTokShopSimulatorGate(TikTokShopSimulator simulator)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="route">The route template, for counters and the per-API rate limit.</param>
    /// <param name="shopScoped">Whether the API needs shop_cipher.</param>
    public async Task<IResult> HandleAsync(
        HttpContext http, string route, bool shopScoped, Func<byte[], Task<TikTokShopSimulatorAnswer>> handle)
    {
        var requestId = simulator.NextRequestId();
        http.Response.Headers["X-Tt-Logid"] = requestId;
        simulator.RecordCall(route);
        if (!simulator.TryTake(route))
        {
            return Refuse(requestId, "rate", TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.TooManyRequests, "Too many requests", 429));
        }

        http.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        http.Request.Body.Position = 0;
        var body = buffer.ToArray();
        if (Check(http.Request, body, shopScoped) is { } refusal)
        {
            return Refuse(requestId, refusal.Reason, refusal.Answer);
        }

        return Write(await handle(body), requestId);
    }

    public static IResult Write(TikTokShopSimulatorAnswer answer, string requestId) =>
        Results.Json(new { code = answer.Code, message = answer.Message, request_id = requestId, data = answer.Data }, Json, statusCode: answer.Status);

    private IResult Refuse(string requestId, string reason, TikTokShopSimulatorAnswer answer)
    {
        simulator.RecordRefusal(reason);
        return Write(answer, requestId);
    }

    private (string Reason, TikTokShopSimulatorAnswer Answer)? Check(HttpRequest request, byte[] body, bool shopScoped)
    {
        var options = simulator.Options;
        var query = request.Query;
        if (query["app_key"] != options.AppKey)
        {
            return ("app_key", Credentials("Invalid app_key"));
        }

        var now = simulator.Now.ToUnixTimeSeconds();
        if (!long.TryParse(query["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp < now - (long)options.TimestampPast.TotalSeconds || timestamp > now + (long)options.TimestampFuture.TotalSeconds)
        {
            return ("timestamp", Credentials($"Invalid timestamp '{query["timestamp"]}': it must be within 5 minutes before and 30 seconds after {now}"));
        }

        if (!TikTokShopSignatureCheck.Matches(request, body, options.AppSecret))
        {
            return ("sign", TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.InvalidSign, "Invalid sign", 401));
        }

        switch (simulator.CheckAccessToken(request.Headers["x-tts-access-token"].FirstOrDefault()))
        {
            case TikTokShopSimulatorCodes.AccessTokenExpired:
                return ("token-expired", TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.AccessTokenExpired,
                    "access token is expired, please refresh it", 401));
            case TikTokShopSimulatorCodes.InvalidCredentials:
                return ("token", Credentials("Invalid credentials: x-tts-access-token is missing or invalid"));
        }

        var cipher = query["shop_cipher"].ToString();
        return shopScoped switch
        {
            true when cipher.Length == 0 => ("shop_cipher", TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.ShopCipherMissing, "shop_cipher is required")),
            true when cipher != options.ShopCipher => ("shop_cipher", Credentials("Invalid shop_cipher")),
            false when cipher.Length > 0 => ("shop_cipher", Credentials("Unexpected identifier: shop_cipher")),
            _ => null,
        };
    }

    private static TikTokShopSimulatorAnswer Credentials(string message) =>
        TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.InvalidCredentials, message, 401);
}
