using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>
/// A test double of our own port: hands out the token it holds; a forced renewal runs <see cref="OnRefresh"/> (e.g.
/// the real authorizer's login against the simulator) and keeps its result.
/// </summary>
internal sealed class FakeShopTokenSource(ShopTokens tokens) : IShopTokenSource
{
    public ShopTokens Current { get; private set; } = tokens;

    public int ForcedRefreshes { get; private set; }

    public Func<ShopTokens, CancellationToken, Task<ShopTokens>>? OnRefresh { get; set; }

    public static FakeShopTokenSource For(string token) =>
        new(new ShopTokens(token, DateTimeOffset.UtcNow.AddHours(8), string.Empty, null, null));

    public ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public async ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken)
    {
        ForcedRefreshes++;
        if (OnRefresh is null)
        {
            throw new ChannelNotAuthorizedException(channelId, "test: no login configured");
        }

        Current = await OnRefresh(rejected, cancellationToken);
        return Current;
    }
}
