using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sheets;

/// <summary>The service itself composes sheet channels: the database store, a client per channel, the template checked at start.</summary>
public sealed class SheetHostStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Build_SheetChannel_HasTheDatabaseStoreAndASheetClient()
    {
        await using var app = await MarketSyncHost.BuildAsync(Args("postmart-hn", "--Channels:postmart-hn:Sheet:Columns:1:Value=Sản phẩm"), HostMode.Command, Ct);

        // What starting does first: every ValidateOnStart options instance, the sheet template among them.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<DatabaseSheetStore>(app.Services.GetRequiredService<ISheetStore>());
        var channel = app.Services.GetRequiredService<ChannelCatalog>().Get("postmart-hn");
        var client = app.Services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == channel.Marketplace).Create(channel);
        Assert.Equal("sheet", client.Capabilities.Marketplace);
    }

    [Fact]
    public async Task Build_SheetColumnWithFieldAndValue_StartFailsNamingTheKey()
    {
        await using var app = await MarketSyncHost.BuildAsync(
            Args("bad-floor", "--Channels:bad-floor:Sheet:Columns:1:Value=Sản phẩm", "--Channels:bad-floor:Sheet:Columns:1:Field=Title"), HostMode.Command, Ct);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Channels:bad-floor:Sheet:Columns:1:Field", error.Message, StringComparison.Ordinal);
    }

    private static string[] Args(string channelId, params string[] more) =>
    [
        "--environment=IntegrationTest", "--Storage:Provider=Sqlite", "--Storage:MigrateOnStart=false",
        $"--Storage:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), "ocop-sheet-host-" + Guid.NewGuid().ToString("N")[..8] + ".db")}",
        "--Hangfire:Storage=InMemory", "--Staff:Password=a-long-enough-password", "--Registry:BaseUrl=http://127.0.0.1:1/",
        $"--Channels:{channelId}:Marketplace=sheet", $"--Channels:{channelId}:BaseUrl=https://ncc.postmart.vn/",
        $"--Channels:{channelId}:Categories:1=Rau củ quả",
        $"--Channels:{channelId}:Sheet:Columns:0:Header=Mã SKU", $"--Channels:{channelId}:Sheet:Columns:0:Field=SellerSku",
        $"--Channels:{channelId}:Sheet:Columns:1:Header=Đơn vị tính",
        .. more,
    ];
}
