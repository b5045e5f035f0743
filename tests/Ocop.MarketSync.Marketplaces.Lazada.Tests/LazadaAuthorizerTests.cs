using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>Code exchange and refresh against the simulator's token endpoints, and their refusals.</summary>
public sealed class LazadaAuthorizerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExchangeCodeAsync_FreshCode_ReturnsTokensKeyedBySellerWithAbsoluteExpiries()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync(authorize: false);
        var now = lazada.Channel.Time.GetUtcNow();

        // Act
        var tokens = await lazada.Channel.Authorizer.ExchangeCodeAsync(lazada.Channel.Channel, lazada.Simulator.IssueCode(), Ct);

        // Assert
        Assert.Equal(LazadaHarness.SellerId, tokens.ShopId);
        Assert.Equal((now.AddDays(7), now.AddDays(30)), (tokens.AccessTokenExpiresAt, tokens.RefreshTokenExpiresAt));
        Assert.Equal("vn", tokens.Extra!["country"]);
        Assert.DoesNotContain(tokens.AccessToken, tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_IsRefusedTheSecondTime()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync(authorize: false);
        var code = lazada.Simulator.IssueCode();
        await lazada.Channel.Authorizer.ExchangeCodeAsync(lazada.Channel.Channel, code, Ct);

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceAuthException>(() => lazada.Channel.Authorizer.ExchangeCodeAsync(lazada.Channel.Channel, code, Ct));

        // Assert
        Assert.Contains("InvalidCode", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task RefreshAsync_ValidRefreshToken_ReturnsANewPairAndTheOldRefreshTokenStopsWorking()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var first = lazada.Channel.Tokens.Current;

        // Act
        var second = await lazada.Channel.Authorizer.RefreshAsync(lazada.Channel.Channel, first, Ct);
        var reuse = await Assert.ThrowsAsync<MarketplaceAuthException>(() => lazada.Channel.Authorizer.RefreshAsync(lazada.Channel.Channel, first, Ct));

        // Assert
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Contains("IllegalRefreshToken", reuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_TwoConcurrentRefreshesOfOneToken_OnlyOneWins()
    {
        // Arrange: why the token store must serialise refreshes per shop: the loser's old token is already dead.
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var current = lazada.Channel.Tokens.Current;

        // Act
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return (Tokens: await lazada.Channel.Authorizer.RefreshAsync(lazada.Channel.Channel, current, Ct), Refused: false);
            }
            catch (MarketplaceAuthException)
            {
                return (Tokens: (ShopTokens?)null, Refused: true);
            }
        }));

        // Assert
        Assert.Equal([false, true], attempts.Select(a => a.Refused).Order());
    }

    [Fact]
    public async Task Client_AccessTokenRevokedEarly_RefreshesThroughTheAuthorizerAndSucceeds()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var client = lazada.Channel.Client;
        var id = (await client.CreateAsync([Listings.Create("OCOP-1")], Ct))[0].RemoteId!;
        lazada.Simulator.RevokeAccessToken(lazada.Channel.Tokens.Current.AccessToken);

        // Act
        var result = Assert.Single(await client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-1", 150_000)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, lazada.Channel.Tokens.Refreshes);
        Assert.Equal(150_000, lazada.Simulator.FindBySku("OCOP-1")!.Price);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ChannelNotRegistered_Throws()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync(authorize: false);
        var other = new Sync.Channels.ChannelOptions { Id = "shopee-hcm", Marketplace = "shopee" };

        // Act + Assert
        await Assert.ThrowsAsync<InvalidOperationException>(() => lazada.Channel.Authorizer.ExchangeCodeAsync(other, "code", Ct));
    }
}
