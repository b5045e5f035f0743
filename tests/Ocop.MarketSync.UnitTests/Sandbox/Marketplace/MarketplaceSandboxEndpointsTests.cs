using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

/// <summary>The sandbox's JSON API over real HTTP on 127.0.0.1.</summary>
public sealed partial class MarketplaceSandboxEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Batch(params object[] items) => new { items };

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

    [Fact]
    public async Task BatchCreate_ThenBySku_AnswersCamelCaseResultsAndItems()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();

        // Act
        var created = await host.Http.PostAsJsonAsync("api/v1/items/batch-create", Batch(SandboxDrafts.Draft("OCOP-1"), SandboxDrafts.Draft("OCOP-2", priceVnd: 0)), Ct);
        var found = await host.Http.GetAsync("api/v1/items/by-sku?sku=OCOP-1&sku=OCOP-2&sku=ABSENT", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var results = (await JsonAsync(created))["results"]!.AsArray();
        Assert.Equal(
            """{"sellerSku":"OCOP-1","remoteId":"itm-000001","url":"https://marketplace.sandbox.invalid/item/itm-000001","error":null}""",
            results[0]!.ToJsonString());
        Assert.Equal("""{"code":"rejected","message":"priceVnd must be positive (got 0)"}""", results[1]!["error"]!.ToJsonString());
        var item = Assert.Single((await JsonAsync(found))["items"]!.AsArray())!;
        Assert.Equal(
            ["remoteId", "sellerSku", "url", "title", "description", "categoryId", "images", "gtin", "weightGrams", "attributes", "priceVnd", "stock", "active", "banned", "updatedAt"],
            item.AsObject().Select(p => p.Key));
        Assert.Equal(("OCOP-1", 150_000L, 20, "Đắk Lắk"),
            (item["sellerSku"]!.GetValue<string>(), item["priceVnd"]!.GetValue<long>(), item["stock"]!.GetValue<int>(), item["attributes"]!["province"]!.GetValue<string>()));
        Assert.True(found.Headers.Contains("X-Request-Id"));
    }

    [Theory]
    [InlineData("batch-update-price", """{"items":[{"remoteId":"itm-000001","priceVnd":99000},{"remoteId":"itm-404","priceVnd":1}]}""")]
    [InlineData("batch-update-stock", """{"items":[{"remoteId":"itm-000001","stock":0},{"remoteId":"itm-404","stock":1}]}""")]
    [InlineData("batch-set-status", """{"items":[{"remoteId":"itm-000001","active":false},{"remoteId":"itm-404","active":true}]}""")]
    [InlineData("batch-update-content", """{"items":[{"remoteId":"itm-000001","title":"Trà","categoryId":"food-tea"},{"remoteId":"itm-404","title":"X","categoryId":"x"}]}""")]
    public async Task BatchUpdates_KnownAndUnknownItem_AppliesOneAndAnswersNotFoundForTheOther(string endpoint, string body)
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.CreateAll("OCOP-1");
        var before = host.Sandbox.Get("itm-000001");

        // Act
        var response = await host.Http.PostAsync("api/v1/items/" + endpoint, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await JsonAsync(response))["results"]!.AsArray();
        Assert.Null(results[0]!["error"]);
        Assert.Equal("OCOP-1", results[0]!["sellerSku"]!.GetValue<string>());
        Assert.Equal("""{"code":"not_found","message":"no item \u0027itm-404\u0027"}""", results[1]!["error"]!.ToJsonString());
        Assert.NotEqual(before, host.Sandbox.Get("itm-000001"));
    }

    [Fact]
    public async Task BatchCreate_OverTheBatchLimit_Answers400AndCreatesNothing()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(new MarketplaceSandboxOptions { MaxCreateBatch = 2 });

        // Act
        var response = await host.Http.PostAsJsonAsync("api/v1/items/batch-create",
            Batch(SandboxDrafts.Draft("A"), SandboxDrafts.Draft("B"), SandboxDrafts.Draft("C")), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await JsonAsync(response);
        Assert.Equal(("batch_too_large", "3 items in one call, more than the limit of 2"),
            (error["code"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), error["requestId"]!.GetValue<string>());
        Assert.Empty(host.Sandbox.Items);
    }

    [Theory]
    [InlineData("{\"items\":[{\"sellerSku\":")]
    [InlineData("[]")]
    [InlineData("{\"items\":[null]}")]
    public async Task BatchCreate_BodyNotABatch_Answers400InvalidRequest(string body)
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();

        // Act
        var response = await host.Http.PostAsync("api/v1/items/batch-create", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await JsonAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task BySku_MoreSkusThanTheLimit_Answers400()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(new MarketplaceSandboxOptions { MaxLookupSkus = 2 });

        // Act
        var tooMany = await host.Http.GetAsync("api/v1/items/by-sku?sku=A&sku=B&sku=C", Ct);
        var none = await host.Http.GetAsync("api/v1/items/by-sku", Ct);

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "batch_too_large"), (tooMany.StatusCode, (await JsonAsync(tooMany))["code"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (none.StatusCode, (await JsonAsync(none))["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Items_PagesWithTokens_WalkEveryItemWithThePrefix()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.CreateAll("OCOP-1", "X-1", "OCOP-2", "OCOP-3");

        // Act
        var first = await JsonAsync(await host.Http.GetAsync("api/v1/items?skuPrefix=OCOP-&pageSize=2", Ct));
        var token = first["nextPageToken"]!.GetValue<string>();
        var second = await JsonAsync(await host.Http.GetAsync($"api/v1/items?skuPrefix=OCOP-&pageSize=2&pageToken={token}", Ct));

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-2"], first["items"]!.AsArray().Select(i => i!["sellerSku"]!.GetValue<string>()));
        Assert.Equal(["OCOP-3"], second["items"]!.AsArray().Select(i => i!["sellerSku"]!.GetValue<string>()));
        Assert.Null(second["nextPageToken"]);
    }

    [Theory]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=ten")]
    [InlineData("pageToken=bogus")]
    [InlineData("updatedAfter=yesterday")]
    public async Task Items_BadQuery_Answers400InvalidRequest(string query)
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();

        // Act
        var response = await host.Http.GetAsync("api/v1/items?" + query, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await JsonAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Items_UpdatedAfter_OnlyItemsChangedSince()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();
        host.Sandbox.CreateAll("A", "B");
        var since = host.Sandbox.Get("itm-000002")!.UpdatedAt;
        await Task.Delay(20, Ct);
        host.Sandbox.EditStock("itm-000001", 3);

        // Act
        var page = await JsonAsync(await host.Http.GetAsync($"api/v1/items?updatedAfter={Uri.EscapeDataString(since.ToString("O"))}", Ct));

        // Assert
        Assert.Equal(["A"], page["items"]!.AsArray().Select(i => i!["sellerSku"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Calls_EveryRequest_CountedPerEndpointRefusedOnesIncluded()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();

        // Act
        await host.Http.GetAsync("api/v1/items/by-sku?sku=A", Ct);
        await host.Http.GetAsync("api/v1/items/by-sku", Ct);
        await host.Http.GetAsync("api/v1/items", Ct);

        // Assert
        Assert.Equal(2, host.Sandbox.Calls(MarketplaceSandboxEndpoint.FindBySku));
        Assert.Equal(1, host.Sandbox.Calls(MarketplaceSandboxEndpoint.PageItems));
        Assert.Equal(0, host.Sandbox.Calls(MarketplaceSandboxEndpoint.BatchCreate));
    }
}
