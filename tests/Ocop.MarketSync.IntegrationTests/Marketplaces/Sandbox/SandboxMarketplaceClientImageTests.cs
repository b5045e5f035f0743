using System.Text.Json.Nodes;
using Ocop.MarketSync.Sync.Marketplaces;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>The exact calls of a channel with <c>Sandbox:UploadImages</c>: one upload per distinct picture, then the write with the ids.</summary>
public sealed class SandboxMarketplaceClientImageTests : IClassFixture<WireMockMarketplace>, IAsyncDisposable
{
    private const string UploadPath = "/api/v1/media/upload-image";
    private const string CreatePath = "/api/v1/items/batch-create";
    private const string ContentPath = "/api/v1/items/batch-update-content";
    private readonly WireMockMarketplace _marketplace;
    private readonly SandboxChannelHarness _channel;

    public SandboxMarketplaceClientImageTests(WireMockMarketplace marketplace)
    {
        _marketplace = marketplace;
        _marketplace.Reset();
        // With a token, so every call shows it went through the channel's own HTTP client (and so its pace).
        _channel = SandboxChannelHarness.Create(marketplace.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("Sandbox:UploadImages")] = "true",
            [SandboxChannelHarness.Key("CredentialsRef")] = "SANDBOX_TEST",
            ["SANDBOX_TEST:AccessToken"] = "tok-123",
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Picture(int n) => $"https://img.example/p{n}.jpg";

    private static CreateListing Listing(string sellerSku, params int[] pictures) =>
        Listings.Create(sellerSku) with { Content = Listings.Content(sellerSku) with { Images = [.. pictures.Select(Picture)] } };

    private static JsonArray ItemsSent(WireMock.IRequestMessage request) => JsonNode.Parse(request.Body!)!["items"]!.AsArray();

    /// <summary>Uploads of picture n answer <c>img-n</c>.</summary>
    private void AnswerUploads(params int[] pictures)
    {
        foreach (var n in pictures)
        {
            _marketplace.Server.Given(Request.Create().WithPath(UploadPath).UsingPost().WithBody(new JsonPartialMatcher($$"""{"url":"{{Picture(n)}}"}""")))
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Request-Id", $"req-up-{n}")
                    .WithBody($$"""{"imageId":"img-{{n}}","url":"https://cdn.example/img-{{n}}"}"""));
        }
    }

    [Fact]
    public async Task CreateAsync_PicturesSharedBetweenItems_UploadsEachDistinctPictureOnceInOrderThenCreatesWithTheIds()
    {
        // Arrange
        AnswerUploads(1, 2, 3);
        _marketplace.Answer("POST", CreatePath, 200,
            """{"results":[{"sellerSku":"OCOP-1","remoteId":"itm-000001"},{"sellerSku":"OCOP-2","remoteId":"itm-000002"}]}""");

        // Act
        var results = await _channel.Client.CreateAsync([Listing("OCOP-1", 1, 2), Listing("OCOP-2", 2, 3, 1)], Ct);

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var requests = _marketplace.Requests;
        Assert.Equal([UploadPath, UploadPath, UploadPath, CreatePath], requests.Select(r => r.Path));
        Assert.Equal([Picture(1), Picture(2), Picture(3)], requests.Take(3).Select(r => JsonNode.Parse(r.Body!)!["url"]!.GetValue<string>()));
        Assert.All(requests, r => Assert.Equal("Bearer tok-123", r.Headers!["Authorization"][0]));
        var sent = ItemsSent(requests[3]);
        Assert.Equal("""["img-1","img-2"]""", sent[0]!["images"]!.ToJsonString());
        Assert.Equal("""["img-2","img-3","img-1"]""", sent[1]!["images"]!.ToJsonString());
    }

    [Fact]
    public async Task CreateAsync_OneUploadFails_OnlyItsItemFailsWithTheMappedErrorAndIsNotSent()
    {
        // Arrange: picture 2 answers 503, picture 4 is refused as a bad URL.
        AnswerUploads(1, 3);
        _marketplace.Server.Given(Request.Create().WithPath(UploadPath).UsingPost().WithBody(new JsonPartialMatcher($$"""{"url":"{{Picture(2)}}"}""")))
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("X-Request-Id", "req-503")
                .WithBody("""{"code":"unavailable","message":"try later","requestId":"req-503"}"""));
        _marketplace.Server.Given(Request.Create().WithPath(UploadPath).UsingPost().WithBody(new JsonPartialMatcher($$"""{"url":"{{Picture(4)}}"}""")))
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"code":"invalid_request","message":"url must be the absolute http(s) URL of the picture"}"""));
        _marketplace.Answer("POST", CreatePath, 200, """{"results":[{"sellerSku":"OCOP-1","remoteId":"itm-000001"},{"sellerSku":"OCOP-3","remoteId":"itm-000003"}]}""");

        // Act: OCOP-2's second picture is not uploaded once its first failed; OCOP-5 shares the failed picture.
        var results = await _channel.Client.CreateAsync(
            [Listing("OCOP-1", 1), Listing("OCOP-2", 2, 3), Listing("OCOP-3", 3), Listing("OCOP-4", 4), Listing("OCOP-5", 1, 2)], Ct);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-2", "OCOP-3", "OCOP-4", "OCOP-5"], results.Select(r => r.SellerSku));
        Assert.Equal(["itm-000001", null, "itm-000003", null, null], results.Select(r => r.RemoteId));
        var unavailable = Assert.IsType<MarketplaceError.Transient>(results[1].Error);
        Assert.Equal(("HTTP 503 unavailable: try later", "req-503"), (unavailable.Message, unavailable.RequestId));
        Assert.Equal(unavailable, results[4].Error);
        Assert.Equal("HTTP 400 invalid_request: url must be the absolute http(s) URL of the picture",
            Assert.IsType<MarketplaceError.Rejected>(results[3].Error).Reason);
        var requests = _marketplace.Requests;
        Assert.Equal([Picture(1), Picture(2), Picture(3), Picture(4)],
            requests.Where(r => r.Path == UploadPath).Select(r => JsonNode.Parse(r.Body!)!["url"]!.GetValue<string>()));
        var create = Assert.Single(requests, r => r.Path == CreatePath);
        Assert.Equal(["OCOP-1", "OCOP-3"], ItemsSent(create).Select(i => i!["sellerSku"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateContentAsync_UploadImages_SendsIdsAndAFailedUploadKeepsTheRemoteIdWithoutAWrite()
    {
        // Arrange
        AnswerUploads(1);
        _marketplace.Answer("POST", ContentPath, 200, """{"results":[{"sellerSku":"OCOP-1","remoteId":"itm-000001"}]}""");
        var update = new ContentUpdate("itm-000001", Listing("OCOP-1", 1).Content);
        var unanswered = new ContentUpdate("itm-000002", Listing("OCOP-2", 9).Content);

        // Act
        var written = await _channel.Client.UpdateContentAsync([update], Ct);
        var failed = Assert.Single(await _channel.Client.UpdateContentAsync([unanswered], Ct));

        // Assert: WireMock answers an upload it has no mapping for with 404, a rejection of that item.
        Assert.True(Assert.Single(written).Succeeded);
        Assert.Equal(("OCOP-2", "itm-000002"), (failed.SellerSku, failed.RemoteId));
        Assert.IsType<MarketplaceError.Rejected>(failed.Error);
        var content = Assert.Single(_marketplace.Requests, r => r.Path == ContentPath);
        Assert.Equal("""["img-1"]""", ItemsSent(content)[0]!["images"]!.ToJsonString());
        Assert.Equal(2, _marketplace.Requests.Count(r => r.Path == UploadPath));
    }

    [Fact]
    public async Task CreateAsync_UploadImagesOff_SendsTheUrlsWithoutUploading()
    {
        // Arrange
        _marketplace.Answer("POST", CreatePath, 200, """{"results":[{"sellerSku":"OCOP-1","remoteId":"itm-000001"}]}""");
        await using var plain = SandboxChannelHarness.Create(_marketplace.BaseUrl);

        // Act
        await plain.Client.CreateAsync([Listing("OCOP-1", 1)], Ct);

        // Assert
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal($"""["{Picture(1)}"]""", ItemsSent(request)[0]!["images"]!.ToJsonString());
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
