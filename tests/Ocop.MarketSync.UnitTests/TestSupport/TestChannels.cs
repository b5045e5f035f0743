using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>A test channel and marketplace capabilities, valid as they are; tests change one thing at a time.</summary>
public static class TestChannels
{
    /// <summary>A goods shop ("shop-a" on "sandbox") with a category for every product set 1–25 (none for services, 26).</summary>
    public static ChannelOptions GoodsShop() => new()
    {
        Id = "shop-a",
        Marketplace = "sandbox",
        BaseUrl = new Uri("http://localhost:5080/"),
        Categories = Enumerable.Range(1, 25).ToDictionary(set => set, set => $"cat-{set}"),
    };

    /// <summary>Generous limits, HTML accepted, goods only.</summary>
    public static MarketplaceCapabilities Capabilities() => new()
    {
        Marketplace = "sandbox",
        BatchSize = new Dictionary<MarketplaceOperation, int> { [MarketplaceOperation.Create] = 50 },
        RequestsPerSecond = 10,
        TitleMaxChars = 120,
        TitleMaxBytes = 255,
        DescriptionMaxChars = 3000,
        DescriptionMaxBytes = 6000,
        AcceptsHtmlDescription = true,
        SellsServices = false,
    };
}
