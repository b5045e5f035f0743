using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>
/// A test double of our own port (the lead's token store): hands out the current tokens and, when the adapter says
/// Shopee refused them, refreshes through <see cref="Refresh"/> (by default: refused, the channel needs a person).
/// </summary>
internal sealed class FakeShopTokenSource(ShopTokens tokens) : IShopTokenSource
{
    public ShopTokens Current { get; private set; } = tokens;

    public int Refreshes { get; private set; }

    public Func<ShopTokens, CancellationToken, Task<ShopTokens>>? Refresh { get; set; }

    public ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public async ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken)
    {
        Refreshes++;
        if (Refresh is null)
        {
            throw new ChannelNotAuthorizedException(channelId, $"Channel '{channelId}' needs to be authorised again.");
        }

        Current = await Refresh(rejected, cancellationToken);
        return Current;
    }

    public static ShopTokens Tokens(string accessToken, string refreshToken = "refresh-1", string shopId = "322300222") =>
        new(accessToken, DateTimeOffset.UtcNow.AddHours(4), refreshToken, DateTimeOffset.UtcNow.AddDays(30), shopId);
}
