using System.Text;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>The token calls as sent (grant, client authentication Basic or form) and the sellers/me check after a code exchange.</summary>
public sealed class TikiAuthorizerContractTests : IClassFixture<WireMockTiki>, IAsyncDisposable
{
    private const string Token = "/sc/oauth2/token";
    private const string SellerMe = "/integration/v2/sellers/me";
    private readonly WireMockTiki _tiki;
    private readonly List<TikiHarness> _channels = [];

    public TikiAuthorizerContractTests(WireMockTiki tiki)
    {
        _tiki = tiki;
        _tiki.Reset();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string BasicHeader => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TikiHarness.ClientId}:{TikiHarness.ClientSecret}"));

    [Fact]
    public async Task ExchangeCodeAsync_PublicAppWithBasic_PostsTheCodeThenChecksTheSeller()
    {
        // Arrange
        var channel = Channel();
        _tiki.Answer("POST", Token, 200, """{"access_token":"at-1","expires_in":3600,"refresh_token":"rt-1","scope":"offline product","token_type":"bearer"}""");
        _tiki.Answer("GET", SellerMe, 200, """{"id":1234567,"name":"HTX Mật ong Đắk Lắk","can_update_product":1,"registration_status":"completed"}""");
        var before = DateTimeOffset.UtcNow;

        // Act
        var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, "code-abc", Ct);

        // Assert
        Assert.Equal(("at-1", "rt-1", "1234567"), (tokens.AccessToken, tokens.RefreshToken, tokens.ShopId));
        Assert.InRange(tokens.AccessTokenExpiresAt, before.AddSeconds(3595), DateTimeOffset.UtcNow.AddSeconds(3605));
        var (token, seller) = (_tiki.Requests[0], _tiki.Requests[1]);
        Assert.Equal(("POST", Token), (token.Method, token.Path));
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers!["Content-Type"][0], StringComparison.Ordinal);
        Assert.Equal(BasicHeader, token.Headers["Authorization"][0]);
        Assert.Equal($"grant_type=authorization_code&code=code-abc&redirect_uri={Uri.EscapeDataString(TikiHarness.RedirectUri)}", token.Body);
        Assert.Equal(("GET", SellerMe, "Bearer at-1"), (seller.Method, seller.Path, seller.Headers!["Authorization"][0]));
    }

    [Fact]
    public async Task ExchangeCodeAsync_InHouseWithFormAuth_AsksForClientCredentials()
    {
        // Arrange
        var channel = Channel(new() { [TikiHarness.Key("Tiki:AppType")] = "InHouse", [TikiHarness.Key("Tiki:ClientAuth")] = "Form" });
        _tiki.Answer("POST", Token, 200, """{"access_token":"at-cc","expires_in":3600,"token_type":"bearer"}""");
        _tiki.Answer("GET", SellerMe, 200, """{"id":1234567,"name":"HTX","can_update_product":1}""");

        // Act
        var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, "ignored", Ct);

        // Assert
        Assert.Equal(("at-cc", ""), (tokens.AccessToken, tokens.RefreshToken));
        var token = _tiki.Requests[0];
        Assert.False(token.Headers!.ContainsKey("Authorization"));
        Assert.Equal($"grant_type=client_credentials&client_id={TikiHarness.ClientId}&client_secret={TikiHarness.ClientSecret}", token.Body);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ShopMayNotUpdateProducts_IsMisconfigured()
    {
        var channel = Channel();
        _tiki.Answer("POST", Token, 200, """{"access_token":"at-1","expires_in":3600,"refresh_token":"rt-1"}""");
        _tiki.Answer("GET", SellerMe, 200, """{"id":1234567,"name":"HTX Mật ong","can_update_product":0,"registration_status":"completed"}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, "code-abc", Ct));

        var misconfigured = Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
        Assert.Contains("can_update_product=0", misconfigured.Message, StringComparison.Ordinal);
        Assert.Contains("tiki-test", misconfigured.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeRefused_IsAnAuthException()
    {
        var channel = Channel();
        _tiki.Answer("POST", Token, 400, """{"error":"invalid_grant","error_description":"The authorization code has expired"}""");

        var error = await Assert.ThrowsAsync<MarketplaceAuthException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, "old", Ct));

        Assert.Contains("invalid_grant The authorization code has expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ClientRefused_IsMisconfiguredNamingTheKeys()
    {
        var channel = Channel();
        _tiki.Answer("POST", Token, 401, """{"error":"invalid_client","error_description":"Client authentication failed"}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, "code", Ct));

        var message = Assert.IsType<MarketplaceError.Misconfigured>(error.Error).Message;
        Assert.Contains("TIKI_TEST:ClientSecret", message, StringComparison.Ordinal);
        Assert.Contains("Channels:tiki-test:Tiki:ClientAuth", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_PublicApp_SendsTheRefreshTokenAndKeepsTheShop()
    {
        var channel = Channel();
        _tiki.Answer("POST", Token, 200, """{"access_token":"at-2","expires_in":3600,"refresh_token":"rt-2"}""");
        var current = new ShopTokens("at-1", DateTimeOffset.UtcNow, "rt-1", null, "1234567");

        var fresh = await channel.Authorizer.RefreshAsync(channel.Channel, current, Ct);

        Assert.Equal(("at-2", "rt-2", "1234567"), (fresh.AccessToken, fresh.RefreshToken, fresh.ShopId));
        Assert.Equal("grant_type=refresh_token&refresh_token=rt-1", Assert.Single(_tiki.Requests).Body);
    }

    [Fact]
    public async Task RefreshAsync_InHouse_AsksForANewClientCredentialsToken()
    {
        var channel = Channel(new() { [TikiHarness.Key("Tiki:AppType")] = "InHouse" });
        _tiki.Answer("POST", Token, 200, """{"access_token":"at-3","expires_in":1800}""");

        var fresh = await channel.Authorizer.RefreshAsync(channel.Channel, new ShopTokens("at-1", DateTimeOffset.UtcNow, "", null, "1234567"), Ct);

        Assert.Equal("at-3", fresh.AccessToken);
        Assert.Equal("grant_type=client_credentials", Assert.Single(_tiki.Requests).Body);
        Assert.Equal(TimeSpan.FromMinutes(10), channel.Authorizer.RefreshAhead);
    }

    private TikiHarness Channel(Dictionary<string, string?>? settings = null)
    {
        var channel = TikiHarness.Create(_tiki.BaseUrl, FakeShopTokenSource.For("unused"), settings);
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }
    }
}
