using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sandbox.Shopee;
using Ocop.MarketSync.Sandbox.TikTokShop;

namespace Ocop.MarketSync.UnitTests.Sandbox;

/// <summary>The simulators' seller-centre stand-ins, over HTTP on 127.0.0.1, on items made behind the API's back.</summary>
public sealed class SellerCentreEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Price_WholeNumber_ChangesTheShopeeItemAsASellerWould()
    {
        // Arrange
        var simulator = new ShopeeSimulator(new ShopeeSimulatorOptions());
        var itemId = simulator.InsertOrphan(322300222, "OCOP-REG-00002", price: 215_000);
        await using var server = await StartAsync(app => app.MapShopeeSimulator(simulator));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        // Act
        using var response = await http.PostAsync($"sandbox/shopee/items/{itemId}/price?value=199000", null, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(199_000, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("originalPrice").GetInt64());
        Assert.Equal(199_000, Assert.Single(simulator.Items).OriginalPrice);
    }

    [Theory]
    [InlineData("price?value=0")]
    [InlineData("price?value=1.5")]
    [InlineData("price?value=abc")]
    [InlineData("price")]
    [InlineData("stock?value=-1")]
    public async Task Edit_ValueNotAllowed_Is400AndChangesNothing(string edit)
    {
        // Arrange
        var simulator = new LazadaSimulator(new LazadaSimulatorOptions(), TimeProvider.System);
        var itemId = simulator.InsertOrphan("OCOP-REG-00002", price: 215_000, quantity: 8);
        await using var server = await StartAsync(app => app.MapLazadaSimulator(simulator));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        // Act
        using var response = await http.PostAsync($"sandbox/lazada/items/{itemId}/{edit}", null, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((215_000, 8), (Assert.Single(simulator.Items).Price, simulator.Items[0].Quantity));
    }

    [Fact]
    public async Task Items_BySku_ListsThatSellerSkuOnlyAndADeletedProductCannotBeEdited()
    {
        // Arrange
        var simulator = new TikTokShopSimulator();
        var deleted = simulator.InsertOrphan("OCOP-REG-00002");
        simulator.InsertOrphan("OCOP-REG-00003");
        await using var server = await StartAsync(app => app.MapTikTokShopSimulator(simulator));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        // Act
        using var delete = await http.DeleteAsync($"sandbox/tiktokshop/items/{deleted}", Ct);
        var listed = await http.GetFromJsonAsync<JsonElement>("sandbox/tiktokshop/items?sku=OCOP-REG-00002", Ct);
        using var edit = await http.PostAsync($"sandbox/tiktokshop/items/{deleted}/stock?value=3", null, Ct);
        using var unknown = await http.GetAsync("sandbox/tiktokshop/items/42", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("DELETED", Assert.Single(listed.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static Task<SandboxServer> StartAsync(Action<IEndpointRouteBuilder> map) => SandboxServer.StartAsync(0, map, Ct);
}
