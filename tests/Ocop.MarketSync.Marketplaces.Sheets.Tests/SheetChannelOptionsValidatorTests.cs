using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

public sealed class SheetChannelOptionsValidatorTests
{
    [Fact]
    public void Validate_TestTemplate_Succeeds()
    {
        Assert.True(new SheetChannelOptionsValidator().Validate("postmart-hn", Templates.Postmart()).Succeeded);
    }

    [Fact]
    public void Validate_BadTemplate_NamesEveryKeyAtFault()
    {
        // Arrange
        var options = Templates.Postmart();
        options.SheetName = "Sản phẩm/2026";
        options.DateFormat = "dd/MM";
        options.ThousandsSeparator = "_";
        options.DescriptionMaxChars = 40_000;
        options.Columns.RemoveAt(1); // the SKU column
        options.Columns.Add(new SheetColumnOptions { Header = "Ghi chú", Field = SheetField.Title, Value = "x" });
        options.Columns.Add(new SheetColumnOptions { Header = " ", Field = SheetField.Attribute });
        options.Export!.Price = string.Empty;
        options.Export.ActiveStatuses.Clear();

        // Act
        var result = new SheetChannelOptionsValidator().Validate("tinh-qn", options);

        // Assert
        Assert.True(result.Failed);
        var keys = result.Failures!.Select(f => f[..f.IndexOf(" must", StringComparison.Ordinal)]).ToList();
        Assert.Equal(
        [
            "Channels:tinh-qn:Sheet:SheetName",
            "Channels:tinh-qn:Sheet:ThousandsSeparator",
            "Channels:tinh-qn:Sheet:DateFormat",
            "Channels:tinh-qn:Sheet:DescriptionMaxChars",
            "Channels:tinh-qn:Sheet:Columns",
            "Channels:tinh-qn:Sheet:Columns:8:Field",
            "Channels:tinh-qn:Sheet:Columns:9:Header",
            "Channels:tinh-qn:Sheet:Columns:9:Attribute",
            "Channels:tinh-qn:Sheet:Export:Price",
            "Channels:tinh-qn:Sheet:Export:ActiveStatuses",
        ], keys);
    }

    [Fact]
    public async Task AddSheetChannels_BadConfig_FailsAtStartNamingTheKey()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:voso-hn:Marketplace"] = "sheet",
            ["Channels:voso-hn:Sheet:FileType"] = "Csv",
            ["Channels:voso-hn:Sheet:HeaderRow"] = "0",
            ["Channels:voso-hn:Sheet:Columns:0:Header"] = "SKU",
            ["Channels:voso-hn:Sheet:Columns:0:Field"] = "SellerSku",
            ["Channels:shopee-x:Marketplace"] = "shopee",
        }).Build();
        var services = new ServiceCollection().AddSingleton<ISheetStore, InMemorySheetStore>();
        services.AddSheetChannels(configuration);
        await using var provider = services.BuildServiceProvider();

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<SheetChannelOptions>>().Get("voso-hn"));

        // Assert
        Assert.Contains("Channels:voso-hn:Sheet:HeaderRow must be from 1 to 50 (got '0').", error.Failures);
        var factory = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sheet");
        Assert.Throws<InvalidOperationException>(() => factory.Create(new ChannelOptions { Id = "shopee-x", Marketplace = "sheet" }));
    }
}
