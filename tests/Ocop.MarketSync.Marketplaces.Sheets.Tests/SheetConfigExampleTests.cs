using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>The examples in <c>config/examples</c> are channels the service accepts as they are, end to end.</summary>
public sealed class SheetConfigExampleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("postmart-sheet-channel.json", "postmart-hn", SheetFileType.Xlsx, 18)]
    [InlineData("provincial-floor-sheet-channel.json", "san-ocop-qn", SheetFileType.Csv, 16)]
    public async Task Example_BindsValidatesAndRendersASheet(string file, string channelId, SheetFileType type, int columns)
    {
        // Arrange
        var (provider, channel) = Build(file, channelId);
        await using var _ = provider;

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<SheetChannelOptions>>().Get(channelId);
        var client = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sheet").Create(channel);
        await client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var sheet = await provider.GetRequiredService<SheetDesk>().DownloadOpenSheetAsync(channelId, Ct);

        // Assert
        Assert.Equal((type, columns), (options.FileType, options.Columns.Count));
        Assert.NotNull(options.Export);
        Assert.NotNull(channel.BaseUrl);
        Assert.All(channel.Categories.Keys, set => Assert.InRange(set, 1, 26));
        Assert.IsAssignableFrom<IReviewingMarketplaceClient>(client);
        Assert.False(client.Capabilities.AcceptsHtmlDescription);
        Assert.EndsWith(type == SheetFileType.Xlsx ? ".xlsx" : ".csv", sheet!.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvincialExample_StaffCycle_DownloadMarkImportReconciles()
    {
        // Arrange
        var (provider, channel) = Build("provincial-floor-sheet-channel.json", "san-ocop-qn");
        await using var _ = provider;
        var desk = provider.GetRequiredService<SheetDesk>();
        var client = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sheet").Create(channel);
        var ticket = (await client.CreateAsync([Listings.Create("OCOP-1", 125_000, 9)], Ct))[0].ReviewTicket!;

        // Act: download (closes the sheet), mark uploaded, import the floor's export.
        var file = await desk.DownloadOpenSheetAsync("san-ocop-qn", Ct);
        var sheetId = (await desk.ListSheetsAsync("san-ocop-qn", Ct)).Single().Id;
        Assert.True(await desk.MarkUploadedAsync(sheetId, Ct));
        var csv = "Mã sản phẩm của chủ thể,ID trên sàn,Tên sản phẩm,Giá,Tồn kho,Tình trạng\r\nOCOP-1,QN-5521,Mật ong,120.000,8,Hiển thị\r\n";
        var export = await desk.ImportExportAsync("san-ocop-qn", new MemoryStream(Encoding.UTF8.GetBytes(csv)), "export.csv", Ct);
        var tracked = ((IReviewingMarketplaceClient)client).TrackReviewsAsync([ticket], Ct);
        var found = await client.FindBySellerSkuAsync(["OCOP-1"], Ct);

        // Assert
        var text = Encoding.UTF8.GetString(file!.Content);
        Assert.StartsWith("\uFEFFMẪU NHẬP SẢN PHẨM OCOP LÊN SÀN THƯƠNG MẠI ĐIỆN TỬ TỈNH\r\nMỗi dòng một sản phẩm; không đổi tên cột.\r\nSTT thao tác,", text, StringComparison.Ordinal);
        Assert.Contains("\r\nTHÊM,OCOP-1,QN-HL-003-2024,", text, StringComparison.Ordinal);
        Assert.Contains(",125.000,9,", text, StringComparison.Ordinal);
        Assert.Empty(export.Problems);
        Assert.Equal((ReviewDecision.Approved, "QN-5521"), ((await tracked)[0].Decision, (await tracked)[0].RemoteId));
        Assert.Equal(("QN-5521", 120_000L, 8), (found[0].RemoteId, found[0].PriceVnd, found[0].Stock));
    }

    [Fact]
    public async Task Desk_UnknownChannel_IsRefused()
    {
        var (provider, _) = Build("postmart-sheet-channel.json", "postmart-hn");
        await using var __ = provider;
        await Assert.ThrowsAsync<KeyNotFoundException>(() => provider.GetRequiredService<SheetDesk>().DownloadOpenSheetAsync("shopee-hcm", Ct));
    }

    private static (ServiceProvider Provider, ChannelOptions Channel) Build(string file, string channelId)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", file)).Build();
        var services = new ServiceCollection().AddSingleton<ISheetStore, InMemorySheetStore>();
        services.AddSheetChannels(configuration);
        var channel = configuration.GetSection($"Channels:{channelId}").Get<ChannelOptions>()!;
        channel.Id = channelId;
        return (services.BuildServiceProvider(), channel);
    }
}
