using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

/// <summary>The image upload endpoint, and what <see cref="MarketplaceSandboxOptions.RequireUploadedImages"/> refuses.</summary>
public sealed partial class MarketplaceSandboxEndpointsTests
{
    private const string UploadPath = "api/v1/media/upload-image";

    private static MarketplaceSandboxOptions RequiringUploads => new() { RequireUploadedImages = true };

    [Fact]
    public async Task UploadImage_AbsoluteHttpsUrl_AnswersANewIdAndItsCdnUrlAndCountsTheCall()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();

        // Act
        var first = await host.Http.PostAsJsonAsync(UploadPath, new { url = "https://img.example/honey-1.jpg" }, Ct);
        var again = await host.Http.PostAsJsonAsync(UploadPath, new { url = "https://img.example/honey-1.jpg" }, Ct);

        // Assert: the same picture twice is two uploads, as on real marketplaces.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"imageId":"img-000001","url":"https://cdn.marketplace.sandbox.invalid/img/img-000001"}""", (await JsonAsync(first)).ToJsonString());
        Assert.Equal("img-000002", (await JsonAsync(again))["imageId"]!.GetValue<string>());
        Assert.True(first.Headers.Contains("X-Request-Id"));
        Assert.Equal("https://img.example/honey-1.jpg", host.Sandbox.ImageSource("img-000001"));
        Assert.Equal((2, 2, 2), (host.Sandbox.Calls(MarketplaceSandboxEndpoint.UploadImage), host.Sandbox.Arrivals, host.Sandbox.ImagesUploaded));
    }

    [Theory]
    [InlineData("""{"url":"/honey-1.jpg"}""")]
    [InlineData("""{"url":"ftp://img.example/honey-1.jpg"}""")]
    [InlineData("""{"url":""}""")]
    [InlineData("""{}""")]
    [InlineData("""{"url":""")]
    public async Task UploadImage_NotAnAbsoluteHttpUrl_Answers400InvalidRequestAndIssuesNothing(string body)
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync();

        // Act
        var response = await host.Http.PostAsync(UploadPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await JsonAsync(response))["code"]!.GetValue<string>());
        Assert.Equal(0, host.Sandbox.ImagesUploaded);
    }

    [Fact]
    public async Task UploadImage_SameGateAsItems_RateLimitFaultsAndTokenApply()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(new MarketplaceSandboxOptions { AccessToken = "shop-token", RequestsPerSecond = 0.5, Burst = 2 });
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "shop-token");
        host.Sandbox.Faults.Next(MarketplaceFault.ServerError, endpoint: MarketplaceSandboxEndpoint.UploadImage);
        var picture = new { url = "https://img.example/honey-1.jpg" };

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await host.Http.PostAsJsonAsync(UploadPath, picture, Ct)).StatusCode);
        }

        using var anonymous = new HttpClient { BaseAddress = host.Http.BaseAddress };
        var unauthorized = await anonymous.PostAsJsonAsync(UploadPath, picture, Ct);

        // Assert: the injected 503, one upload served, then the bucket (burst 2) is empty.
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal((1, 1, 4), (host.Sandbox.ImagesUploaded, host.Sandbox.RefusedForRate, host.Sandbox.Calls(MarketplaceSandboxEndpoint.UploadImage)));
    }

    [Fact]
    public async Task BatchCreate_RequireUploadedImagesAndAUrl_RefusesThatItemOnlyAndStoresIdsAsGiven()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(RequiringUploads);
        var imageId = host.Sandbox.UploadImage("https://img.example/honey-1.jpg")!.ImageId;

        // Act
        var response = await host.Http.PostAsJsonAsync("api/v1/items/batch-create",
            Batch(SandboxDrafts.Draft("OCOP-1") with { Images = [imageId] }, SandboxDrafts.Draft("OCOP-2"), SandboxDrafts.Draft("OCOP-3") with { Images = [] }), Ct);

        // Assert
        var results = (await JsonAsync(response))["results"]!.AsArray();
        Assert.Null(results[0]!["error"]);
        Assert.Equal("image_not_uploaded", results[1]!["error"]!["code"]!.GetValue<string>());
        Assert.Contains("'https://img.example/honey-1.jpg'", results[1]!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(results[2]!["error"]);
        Assert.Equal(["OCOP-1", "OCOP-3"], host.Sandbox.Items.Select(i => i.SellerSku));
        Assert.Equal([imageId], host.Sandbox.Items[0].Images);
    }

    [Fact]
    public async Task BatchUpdateContent_RequireUploadedImages_RefusesUrlsAndIdsItDidNotIssueAppliesItsOwn()
    {
        // Arrange
        await using var host = await MarketplaceSandboxHost.StartAsync(RequiringUploads);
        var ownId = host.Sandbox.UploadImage("https://img.example/tea.jpg")!.ImageId;
        var ids = host.Sandbox.Create([SandboxDrafts.Draft("A") with { Images = [] }, SandboxDrafts.Draft("B") with { Images = [] }, SandboxDrafts.Draft("C") with { Images = [] }])
            .Select(o => o.RemoteId!).ToList();
        object Content(string remoteId, params string[] images) => new { remoteId, title = "Trà", categoryId = "food-tea", images };

        // Act
        var response = await host.Http.PostAsJsonAsync("api/v1/items/batch-update-content",
            Batch(Content(ids[0], ownId), Content(ids[1], ownId, "https://img.example/tea.jpg"), Content(ids[2], "img-999999")), Ct);

        // Assert
        var codes = (await JsonAsync(response))["results"]!.AsArray().Select(r => r!["error"]?["code"]?.GetValue<string>());
        Assert.Equal([null, "image_not_uploaded", "image_not_uploaded"], codes);
        Assert.Equal([ownId], host.Sandbox.Get(ids[0])!.Images);
        Assert.Empty(host.Sandbox.Get(ids[1])!.Images);
    }
}
