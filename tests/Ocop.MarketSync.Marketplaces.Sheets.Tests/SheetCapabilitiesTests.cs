using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

public sealed class SheetCapabilitiesTests
{
    [Fact]
    public void For_Template_TakesTheFloorsLimitsFromIt()
    {
        // Arrange
        var options = Templates.Postmart();
        options.TitleMaxChars = 120;
        options.DescriptionMaxChars = 3_000;
        options.SellsServices = true;

        // Act
        var capabilities = SheetCapabilities.For(options);

        // Assert
        Assert.Equal(("sheet", 120, 3_000, true, false), (capabilities.Marketplace, capabilities.TitleMaxChars,
            capabilities.DescriptionMaxChars, capabilities.SellsServices, capabilities.AcceptsHtmlDescription));
        Assert.All(Enum.GetValues<MarketplaceOperation>(), op => Assert.Equal(500, capabilities.BatchSizeOf(op)));
    }
}
