using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>
/// A test double of our own port: hands out the tokens it holds; a forced refresh runs <see cref="OnRefresh"/>
/// (e.g. the real authorizer against the simulator) and keeps its result.
/// </summary>
internal sealed class FakeShopTokenSource(ShopTokens tokens) : IShopTokenSource
{
    public ShopTokens Current { get; private set; } = tokens;

    public int ForcedRefreshes { get; private set; }

    public Func<ShopTokens, CancellationToken, Task<ShopTokens>>? OnRefresh { get; set; }

    public static FakeShopTokenSource For(string accessToken, string refreshToken = "refresh-1") =>
        new(new ShopTokens(accessToken, DateTimeOffset.UtcNow.AddHours(1), refreshToken, null, "1234567"));

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
