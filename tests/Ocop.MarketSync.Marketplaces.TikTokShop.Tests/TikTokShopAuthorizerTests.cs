using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>Code exchange and refresh against the simulator's token endpoints, and the shop cipher lookup after them.</summary>
public sealed class TikTokShopAuthorizerTests(SimulatorServer server) : IClassFixture<SimulatorServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExchangeCodeAsync_FreshCode_ReturnsAbsoluteExpiriesAndTheShopCipher()
    {
        // Arrange
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, FakeShopTokenSource.For("unused"));
        var code = server.Simulator.IssueAuthCode();
        var before = DateTimeOffset.UtcNow;

        // Act
        var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, code, Ct);

        // Assert
        Assert.StartsWith("ROW_", tokens.AccessToken, StringComparison.Ordinal);
        Assert.NotEqual(tokens.AccessToken, tokens.RefreshToken);
        Assert.InRange(tokens.AccessTokenExpiresAt, before.AddDays(7).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(7).AddSeconds(5));
        Assert.True(tokens.RefreshTokenExpiresAt > tokens.AccessTokenExpiresAt);
        Assert.Equal(TikTokShopHarness.ShopId, tokens.ShopId);
        Assert.Equal(server.Simulator.Options.ShopCipher, tokens.Extra!["shop_cipher"]);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondIsRefused()
    {
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, FakeShopTokenSource.For("unused"));
        var code = server.Simulator.IssueAuthCode();
        await channel.Authorizer.ExchangeCodeAsync(channel.Channel, code, Ct);

        await Assert.ThrowsAsync<MarketplaceAuthException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, code, Ct));
    }

    [Fact]
    public async Task ExchangeCodeAsync_SellerWithoutTheConfiguredShop_IsRefused()
    {
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, FakeShopTokenSource.For("unused"),
            new Dictionary<string, string?> { [TikTokShopHarness.Key("TikTokShop:ShopId")] = "123" });

        var error = await Assert.ThrowsAsync<MarketplaceAuthException>(() =>
            channel.Authorizer.ExchangeCodeAsync(channel.Channel, server.Simulator.IssueAuthCode(), Ct));

        Assert.Contains("TikTokShop:ShopId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_Twice_IssuesNewRefreshTokensAndTheOldOneStopsWorking()
    {
        // Arrange
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, FakeShopTokenSource.For("unused"));
        var first = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, server.Simulator.IssueAuthCode(), Ct);

        // Act
        var second = await channel.Authorizer.RefreshAsync(channel.Channel, first, Ct);
        var replay = await Assert.ThrowsAsync<MarketplaceAuthException>(() => channel.Authorizer.RefreshAsync(channel.Channel, first, Ct));
        var third = await channel.Authorizer.RefreshAsync(channel.Channel, second, Ct);

        // Assert
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
        Assert.Equal(first.Extra, second.Extra);
        Assert.NotNull(replay.RequestId);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongAppSecret_IsAMisconfigurationNamingTheKeysNotARefusedCode()
    {
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, FakeShopTokenSource.For("unused"),
            new Dictionary<string, string?> { ["TTS_TEST:AppSecret"] = "wrong" });

        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            channel.Authorizer.ExchangeCodeAsync(channel.Channel, server.Simulator.IssueAuthCode(), Ct));

        Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
        Assert.Contains("TTS_TEST:AppSecret", error.Message, StringComparison.Ordinal);
    }
}
