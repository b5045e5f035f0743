namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>What an operation answers: the HTTP status, the body code (0: success), its message and data.</summary>
internal sealed record TikTokShopSimulatorAnswer(int Status, long Code, string Message, object? Data)
{
    public static TikTokShopSimulatorAnswer Ok(object? data = null) => new(200, 0, "Success", data);

    public static TikTokShopSimulatorAnswer Fail(long code, string message, int status = 200) => new(status, code, message, null);

    public static TikTokShopSimulatorAnswer Invalid(string message) => Fail(TikTokShopSimulatorCodes.InvalidParameter, message);
}
