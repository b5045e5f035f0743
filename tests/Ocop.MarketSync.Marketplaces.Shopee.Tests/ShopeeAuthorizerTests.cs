using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>The authorizer against the simulator's token endpoints: single-use codes, and refresh tokens consumed by use.</summary>
public sealed class ShopeeAuthorizerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExchangeCodeAsync_FreshCode_ReturnsTokensThatSignShopCalls()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var code = host.Simulator.IssueCode(ShopeeTestChannel.ShopId);
        var before = DateTimeOffset.UtcNow;

        var tokens = await host.Channel.Authorizer.ExchangeCodeAsync(host.Channel.Channel, code, Ct);

        Assert.Equal("322300222", tokens.ShopId);
        Assert.InRange(tokens.AccessTokenExpiresAt, before.AddHours(4).AddSeconds(-5), DateTimeOffset.UtcNow.AddHours(4).AddSeconds(5));
        Assert.InRange(tokens.RefreshTokenExpiresAt!.Value, before.AddDays(30).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(30).AddSeconds(5));
        Assert.DoesNotContain(tokens.AccessToken, tokens.ToString(), StringComparison.Ordinal);
        await using var channel = ShopeeTestChannel.Create(host.BaseUrl, tokens.AccessToken);
        Assert.Empty(await channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondIsRefusedForGood()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var code = host.Simulator.IssueCode(ShopeeTestChannel.ShopId);
        await host.Channel.Authorizer.ExchangeCodeAsync(host.Channel.Channel, code, Ct);

        var refused = await Assert.ThrowsAsync<MarketplaceAuthException>(() => host.Channel.Authorizer.ExchangeCodeAsync(host.Channel.Channel, code, Ct));

        Assert.Contains("invalid_code", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(refused.RequestId);
    }

    [Fact]
    public async Task RefreshAsync_Twice_IssuesANewRefreshTokenAndTheOldOneIsRefused()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var first = await host.Channel.Authorizer.ExchangeCodeAsync(host.Channel.Channel, host.Simulator.IssueCode(ShopeeTestChannel.ShopId), Ct);

        var second = await host.Channel.Authorizer.RefreshAsync(host.Channel.Channel, first, Ct);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        await Assert.ThrowsAsync<MarketplaceAuthException>(() => host.Channel.Authorizer.RefreshAsync(host.Channel.Channel, first, Ct));
        var third = await host.Channel.Authorizer.RefreshAsync(host.Channel.Channel, second, Ct);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongPartnerKey_IsAMisconfigurationNamingTheKeysNotARefusedCode()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["SHOPEE_TEST:PartnerKey"] = "wrong-key" });

        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            host.Channel.Authorizer.ExchangeCodeAsync(host.Channel.Channel, host.Simulator.IssueCode(ShopeeTestChannel.ShopId), Ct));

        Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
        Assert.Contains("SHOPEE_TEST:PartnerKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_WrongPartnerKey_IsAMisconfigurationNotARefusal()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["SHOPEE_TEST:PartnerKey"] = "wrong-key" });
        var tokens = FakeShopTokenSource.Tokens("a", "r");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => host.Channel.Authorizer.RefreshAsync(host.Channel.Channel, tokens, Ct));

        Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
    }

    [Fact]
    public async Task ShopCall_AccessTokenExpired_TokenSourceRefreshesThroughTheAuthorizerAndTheCallSucceeds()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var tokens = await host.Channel.Authorizer.ExchangeCodeAsync(host.Channel.Channel, host.Simulator.IssueCode(ShopeeTestChannel.ShopId), Ct);
        await using var channel = ShopeeTestChannel.Create(host.BaseUrl, tokens.AccessToken);
        var authorizer = channel.Authorizer;
        var current = tokens;
        channel.Tokens.Refresh = async (_, ct) => current = await authorizer.RefreshAsync(channel.Channel, current, ct);
        var id = host.Simulator.InsertOrphan(ShopeeTestChannel.ShopId, "OCOP-T").ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.Simulator.ExpireAccessToken(tokens.AccessToken);

        var result = Assert.Single(await channel.Client.UpdateStockAsync([new StockUpdate(id, "OCOP-T", 9)], Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, channel.Tokens.Refreshes);
        Assert.Equal(9, host.Simulator.Items.Single().SellerStock);
    }

    [Fact]
    public async Task RefreshAhead_FourHourTokens_RefreshesHalfAnHourBeforeExpiry()
    {
        await using var channel = ShopeeTestChannel.Create(new Uri("http://127.0.0.1:1/"), "t");

        Assert.Equal(TimeSpan.FromMinutes(30), channel.Authorizer.RefreshAhead);
        Assert.Equal("shopee", channel.Authorizer.Marketplace);
    }
}
