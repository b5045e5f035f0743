using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>
/// A test double of our own token port: hands out the current tokens and, when asked to refresh, asks
/// <see cref="Refresh"/> (e.g. the real authorizer against the simulator) and keeps the answer.
/// </summary>
public sealed class FakeShopTokenSource(ShopTokens initial) : IShopTokenSource
{
    public ShopTokens Current { get; private set; } = initial;

    public Func<ShopTokens, CancellationToken, Task<ShopTokens>>? Refresh { get; set; }

    public int Refreshes { get; private set; }

    public static ShopTokens Tokens(string accessToken, string refreshToken = "refresh-1") =>
        new(accessToken, DateTimeOffset.UtcNow.AddDays(7), refreshToken, DateTimeOffset.UtcNow.AddDays(30), "200000123");

    public void Set(ShopTokens tokens) => Current = tokens;

    public ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public async ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken)
    {
        Refreshes++;
        Current = Refresh is null ? throw new ChannelNotAuthorizedException(channelId, "no refresh configured in this test")
            : await Refresh(rejected, cancellationToken);
        return Current;
    }
}
