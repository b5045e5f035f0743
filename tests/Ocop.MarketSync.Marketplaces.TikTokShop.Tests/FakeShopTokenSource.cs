using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// A test double of our own port: hands out the tokens it holds; a forced refresh runs <see cref="OnRefresh"/>
/// (e.g. the real authorizer against the simulator) and keeps its result. Not thread-safe beyond what tests need.
/// </summary>
internal sealed class FakeShopTokenSource(ShopTokens tokens) : IShopTokenSource
{
    public ShopTokens Current { get; private set; } = tokens;

    public int ForcedRefreshes { get; private set; }

    public Func<ShopTokens, CancellationToken, Task<ShopTokens>>? OnRefresh { get; set; }

    public static FakeShopTokenSource For(string accessToken, string shopCipher = "ROW_cipher-42", string refreshToken = "refresh-1") =>
        new(new ShopTokens(accessToken, DateTimeOffset.UtcNow.AddDays(6), refreshToken, DateTimeOffset.UtcNow.AddDays(300), "7494000000000000001",
            new Dictionary<string, string> { ["shop_cipher"] = shopCipher }));

    public ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public async ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken)
    {
        ForcedRefreshes++;
        if (OnRefresh is null)
        {
            throw new ChannelNotAuthorizedException(channelId, "test: no refresh configured");
        }

        Current = await OnRefresh(rejected, cancellationToken);
        return Current;
    }
}
