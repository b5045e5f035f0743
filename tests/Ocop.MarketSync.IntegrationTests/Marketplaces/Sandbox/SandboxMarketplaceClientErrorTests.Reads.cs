using Ocop.MarketSync.Sync.Marketplaces;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>Lookups and paging: failures are thrown as <see cref="MarketplaceException"/>; reads alone are retried, once.</summary>
public sealed partial class SandboxMarketplaceClientErrorTests
{
    [Fact]
    public async Task FindBySellerSkuAsync_503ThenOk_RetriedOnceAndSucceeds()
    {
        // Arrange
        _marketplace.Server.Given(Request.Create().WithPath(BySkuPath).UsingGet()).InScenario("blip").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"code":"unavailable","message":"blip"}"""));
        _marketplace.Server.Given(Request.Create().WithPath(BySkuPath).UsingGet()).InScenario("blip").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"items":[]}"""));

        // Act
        var items = await _channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct);

        // Assert
        Assert.Empty(items);
        Assert.Equal(2, _marketplace.Requests.Count);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_503Twice_ThrowsTransientAfterTwoRequests()
    {
        // Arrange
        _marketplace.Answer("GET", BySkuPath, 503, """{"code":"unavailable","message":"down"}""");

        // Act
        var ex = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.Equal(new MarketplaceError.Transient("HTTP 503 unavailable: down"), ex.Error);
        Assert.Equal(2, _marketplace.Requests.Count);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_429_ThrowsRateLimitedWithoutRetrying()
    {
        // Arrange
        _marketplace.Answer("GET", BySkuPath, 429, """{"code":"rate_limited","message":"slow down"}""", ("Retry-After", "3"));

        // Act
        var ex = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.IsType<MarketplaceError.RateLimited>(ex.Error).RetryAfter);
        Assert.Single(_marketplace.Requests);
    }

    [Fact]
    public async Task PageItemsAsync_401_ThrowsAuthExpired()
    {
        // Arrange
        _marketplace.Answer("GET", "/api/v1/items", 401, """{"code":"unauthorized","message":"token revoked"}""");

        // Act
        var ex = await Assert.ThrowsAsync<MarketplaceException>(async () => await _channel.Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct));

        // Assert
        Assert.Equal(new MarketplaceError.AuthExpired("HTTP 401 unauthorized: token revoked"), ex.Error);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_CallerCancels_OperationCanceledNotAMarketplaceError()
    {
        // Arrange
        _marketplace.Server.Given(Request.Create().WithPath(BySkuPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"items":[]}""").WithDelay(TimeSpan.FromSeconds(1)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        // Act + Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _channel.Client.FindBySellerSkuAsync(["OCOP-1"], cancel.Token));
    }

    [Fact]
    public async Task PageItemsAsync_SameTokenHandedOutAgain_ThrowsTransientInsteadOfPagingForever()
    {
        // Arrange
        _marketplace.Answer("GET", "/api/v1/items", 200, """{"items":[],"nextPageToken":"n1"}""");

        // Act
        var ex = await Assert.ThrowsAsync<MarketplaceException>(async () => await _channel.Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct));

        // Assert
        Assert.Equal(new MarketplaceError.Transient("The marketplace answered page token 'n1' with the same token again."), ex.Error);
        Assert.Equal(2, _marketplace.Requests.Count);
    }
}
