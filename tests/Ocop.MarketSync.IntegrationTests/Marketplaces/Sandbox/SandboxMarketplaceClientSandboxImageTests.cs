using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>Image uploads against the real sandbox marketplace over HTTP on 127.0.0.1, with <c>RequireUploadedImages</c> on.</summary>
public sealed class SandboxMarketplaceClientSandboxImageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MarketplaceSandbox Sandbox, SandboxServer Server)> StartAsync()
    {
        var sandbox = new MarketplaceSandbox(new MarketplaceSandboxOptions { RequireUploadedImages = true });
        return (sandbox, await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), Ct));
    }

    private static SandboxChannelHarness Channel(SandboxServer server, bool uploadImages) =>
        SandboxChannelHarness.Create(server.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("Sandbox:UploadImages")] = uploadImages ? "true" : "false",
        });

    [Fact]
    public async Task CreateAsync_ChannelSendsUrls_RejectedAsNotUploadedNamingTheOption()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = Channel(server, uploadImages: false);

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        var rejected = Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Contains("'https://img.example/honey-1.jpg' is not an image id of this shop", rejected.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(set Sandbox:UploadImages=true for this channel)", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(sandbox.Items);
        Assert.Equal(0, sandbox.Calls(MarketplaceSandboxEndpoint.UploadImage));
    }

    [Fact]
    public async Task CreateThenUpdateContent_ChannelUploadsImages_ItemsCarryIdsOfTheirPicturesAndEveryUploadIsACall()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = Channel(server, uploadImages: true);
        var pictures = Listings.Content("OCOP-1").Images;

        // Act: both items have the same two pictures: uploaded once for the create call.
        var created = await channel.Client.CreateAsync([Listings.Create("OCOP-1"), Listings.Create("OCOP-2")], Ct);
        var newPictures = Listings.Content("OCOP-1") with { Images = ["https://img.example/honey-3.jpg"] };
        var updated = await channel.Client.UpdateContentAsync([new ContentUpdate(created[0].RemoteId!, newPictures)], Ct);

        // Assert
        Assert.All(created, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.True(Assert.Single(updated).Succeeded, updated[0].Error?.Message);
        Assert.Equal(["img-000001", "img-000002"], sandbox.Get(created[1].RemoteId!)!.Images);
        Assert.Equal(pictures, sandbox.Get(created[1].RemoteId!)!.Images.Select(id => sandbox.ImageSource(id)));
        Assert.Equal(["img-000003"], sandbox.Get(created[0].RemoteId!)!.Images);
        Assert.Equal("https://img.example/honey-3.jpg", sandbox.ImageSource("img-000003"));
        Assert.Equal(3, sandbox.Calls(MarketplaceSandboxEndpoint.UploadImage));
        Assert.Equal(5, sandbox.Arrivals);
    }

    [Fact]
    public async Task CreateAsync_SandboxFailsOneUpload_OnlyThatItemFailsTheOthersAreCreated()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = Channel(server, uploadImages: true);
        sandbox.Faults.Next(MarketplaceFault.ServerError, endpoint: MarketplaceSandboxEndpoint.UploadImage);
        var first = Listings.Create("OCOP-1") with { Content = Listings.Content("OCOP-1") with { Images = ["https://img.example/a.jpg"] } };
        var second = Listings.Create("OCOP-2") with { Content = Listings.Content("OCOP-2") with { Images = ["https://img.example/b.jpg"] } };

        // Act
        var results = await channel.Client.CreateAsync([first, second], Ct);

        // Assert
        var failed = Assert.IsType<MarketplaceError.Transient>(results[0].Error);
        Assert.NotNull(failed.RequestId);
        Assert.True(results[1].Succeeded, results[1].Error?.Message);
        Assert.Equal(["OCOP-2"], sandbox.Items.Select(i => i.SellerSku));
        Assert.Equal((2, 1), (sandbox.Calls(MarketplaceSandboxEndpoint.UploadImage), sandbox.Calls(MarketplaceSandboxEndpoint.BatchCreate)));
    }
}
