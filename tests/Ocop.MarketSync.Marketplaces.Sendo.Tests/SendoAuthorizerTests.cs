using System.Text;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>Login (the "refresh" of a Sendo token) and <c>channel authorize</c>: the requests, the expiry, the refusals.</summary>
public sealed class SendoAuthorizerTests(WireMockSendo sendo) : IClassFixture<WireMockSendo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefreshAsync_LogsInWithTheShopKeysAndReadsExpires()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/login", """{"token":"jwt-abc","expires":"2026-12-06T15:00:00Z"}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var tokens = await channel.Authorizer.RefreshAsync(channel.Channel, FakeShopTokenSource.For("old").Current, Ct);

        // Assert
        Assert.Equal(("jwt-abc", new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero)), (tokens.AccessToken, tokens.AccessTokenExpiresAt));
        var login = Assert.Single(sendo.Requests);
        Assert.Equal(("POST", "/login"), (login.Method, login.Path));
        Assert.False(login.Headers!.ContainsKey("Authorization"));
        WireMockSendo.AssertJsonBody($$"""{"shop_key":"{{SendoHarness.ShopKey}}","secret_key":"{{SendoHarness.SecretKey}}"}""", login);
        Assert.Equal(TimeSpan.FromMinutes(30), channel.Authorizer.RefreshAhead);
    }

    [Fact]
    public async Task RefreshAsync_ExpiresWithoutOffset_IsVietnamTime()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/login", """{"token":"jwt-abc","expires":"2026-12-06 22:00:00"}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var tokens = await channel.Authorizer.RefreshAsync(channel.Channel, FakeShopTokenSource.For("old").Current, Ct);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero), tokens.AccessTokenExpiresAt);
    }

    [Fact]
    public async Task RefreshAsync_NoExpires_TakesTheJwtExp()
    {
        // Arrange
        sendo.Reset();
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"exp":1765040400}""")).TrimEnd('=');
        sendo.Ok("POST", "/login", $$"""{"token":"eyJhbGciOiJIUzI1NiJ9.{{payload}}.sig"}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var tokens = await channel.Authorizer.RefreshAsync(channel.Channel, FakeShopTokenSource.For("old").Current, Ct);

        // Assert
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1765040400), tokens.AccessTokenExpiresAt);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    public async Task RefreshAsync_KeysRefused_IsMisconfiguredNamingTheKeys(int status)
    {
        // Arrange
        sendo.Reset();
        sendo.Answer("POST", "/login", status, $$"""{"result":null,"success":false,"error":"Sai shop_key hoặc secret_key","status_code":{{status}}}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var thrown = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.RefreshAsync(channel.Channel, FakeShopTokenSource.For("old").Current, Ct));

        // Assert
        var error = Assert.IsType<MarketplaceError.Misconfigured>(thrown.Error);
        Assert.Contains("SENDO_TEST:ShopKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SendoHarness.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, typeof(MarketplaceError.RateLimited))]
    [InlineData(503, typeof(MarketplaceError.Transient))]
    public async Task RefreshAsync_LoginThrottledOrDown_IsRetryable(int status, Type expected)
    {
        // Arrange
        sendo.Reset();
        sendo.Answer("POST", "/login", status, "{}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var thrown = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.RefreshAsync(channel.Channel, FakeShopTokenSource.For("old").Current, Ct));

        // Assert
        Assert.IsType(expected, thrown.Error);
    }

    [Fact]
    public async Task ExchangeCodeAsync_IgnoresTheCodeLogsInAndVerifiesWithOneSearch()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/login", """{"token":"jwt-new","expires":"2026-12-06T15:00:00Z"}""");
        sendo.Ok("POST", "/api/partner/product/search", """{"data":[],"next_token":null}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, "-", Ct);

        // Assert
        Assert.Equal("jwt-new", tokens.AccessToken);
        var verify = sendo.Requests[1];
        Assert.Equal("/api/partner/product/search", verify.Path);
        WireMockSendo.AssertBearer(verify, "jwt-new");
        WireMockSendo.AssertJsonBody("""{"page_size":1}""", verify);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ProductApiRefused_IsMisconfigured()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/login", """{"token":"jwt-new","expires":"2026-12-06T15:00:00Z"}""");
        sendo.Answer("POST", "/api/partner/product/search", 403, """{"success":false,"error":"API access disabled","status_code":403}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));

        // Act
        var thrown = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, "-", Ct));

        // Assert
        Assert.Contains("API access", Assert.IsType<MarketplaceError.Misconfigured>(thrown.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginGate_ManyLogins_AreSpacedAQuarterSecondApart()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var gate = new SendoLoginGate(time);
        await gate.WaitAsync(Ct);

        // Act
        var second = gate.WaitAsync(Ct);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var waitedAt200 = second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(50));
        await second;

        // Assert
        Assert.False(waitedAt200);
        Assert.Equal(TimeSpan.FromMilliseconds(250), time.GetUtcNow() - DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task RefreshAsync_TwoChannelsAtOnce_ShareTheProcessLoginPace()
    {
        // Arrange
        sendo.Reset();
        sendo.Server.Given(Request.Create().WithPath("/login").UsingPost())
            .RespondWith(Response.Create().WithBody(WireMockSendo.Envelope("""{"token":"jwt","expires":"2030-01-01T00:00:00Z"}""")));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For("unused"));
        var old = FakeShopTokenSource.For("old").Current;

        // Act: 6 logins through one authorizer (one process) must take at least 5 spacings.
        var started = DateTime.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => channel.Authorizer.RefreshAsync(channel.Channel, old, Ct)));
        var took = DateTime.UtcNow - started;

        // Assert
        Assert.True(took >= TimeSpan.FromMilliseconds(5 * 250 - 20), $"6 logins took {took.TotalMilliseconds} ms");
    }
}
