using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Channels;

/// <summary>Every channel rule fails with a message that names its key (STYLE.md convention 20).</summary>
public sealed class ChannelsOptionsValidatorTests
{
    private readonly ChannelsOptionsValidator _validator = new([new FakeFactory("sandbox"), new FakeFactory("shopee")]);

    private static ChannelsOptions With(Action<ChannelOptions> change, string id = "shop-a")
    {
        var channel = TestChannels.GoodsShop();
        channel.Id = id;
        change(channel);
        var options = new ChannelsOptions();
        options.Items[id] = channel;
        return options;
    }

    [Fact]
    public void Validate_ValidChannel_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, With(_ => { }));

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoChannels_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, new ChannelsOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_MarketplaceNameInOtherCase_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, With(c => c.Marketplace = "Sandbox"));

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownMarketplace_ListsTheKnownOnes()
    {
        // Act
        var result = _validator.Validate(null, With(c => c.Marketplace = "lazada"));

        // Assert
        var failure = Assert.Single(result.Failures!);
        Assert.Equal("Channels:shop-a:Marketplace 'lazada' is not one of: sandbox, shopee.", failure);
    }

    [Theory]
    [InlineData("Shop-A")]
    [InlineData("shop_a")]
    [InlineData("shop-a-with-a-name-longer-than-32")]
    public void Validate_BadChannelId_FailsNamingTheKey(string id)
    {
        // Act
        var result = _validator.Validate(null, With(_ => { }, id));

        // Assert
        var failure = Assert.Single(result.Failures!);
        Assert.Equal($"Channels:{id}: a channel id is 1–32 lower-case letters, digits or '-'.", failure);
    }

    public static TheoryData<string, string> Rules => new()
    {
        { "BaseUrl", "Channels:shop-a:BaseUrl is required for an enabled channel." },
        { "Categories", "Channels:shop-a:Categories:27: OCOP product sets are 1–26." },
        { "TitleTemplate", "Channels:shop-a:TitleTemplate must contain {name}." },
        { "RoundTo", "Channels:shop-a:Price:RoundTo must be at least 1 (đồng)." },
        { "MarkupPercent", "Channels:shop-a:Price:MarkupPercent is negative but Price:AllowBelowRegistryPrice is false." },
        { "HoldChangeAbovePercent", "Channels:shop-a:Price:HoldChangeAbovePercent must be positive." },
        { "SafetyBuffer", "Channels:shop-a:Stock:SafetyBuffer must be at least 0." },
        { "SharePercent", "Channels:shop-a:Stock:SharePercent must be 0–100." },
        { "Maximum", "Channels:shop-a:Stock:Maximum must be at least 0 when set." },
        { "ClaimBatchSize", "Channels:shop-a:ClaimBatchSize must be 1–5000." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Validate_EachBrokenRule_FailsWithAMessageNamingItsKey(string rule, string expected)
    {
        // Arrange
        Action<ChannelOptions> breakIt = rule switch
        {
            "BaseUrl" => c => c.BaseUrl = null,
            "Categories" => c => c.Categories[27] = "cat-27",
            "TitleTemplate" => c => c.TitleTemplate = "OCOP {stars}★",
            "RoundTo" => c => c.Price.RoundTo = 0,
            "MarkupPercent" => c => c.Price.MarkupPercent = -5,
            "HoldChangeAbovePercent" => c => c.Price.HoldChangeAbovePercent = 0,
            "SafetyBuffer" => c => c.Stock.SafetyBuffer = -1,
            "SharePercent" => c => c.Stock.SharePercent = 101,
            "Maximum" => c => c.Stock.Maximum = -1,
            _ => c => c.ClaimBatchSize = 0,
        };

        // Act
        var result = _validator.Validate(null, With(breakIt));

        // Assert
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Equal(expected, failure);
    }

    [Fact]
    public void Validate_DisabledChannelWithoutBaseUrl_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, With(c => { c.Enabled = false; c.BaseUrl = null; }));

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NegativeMarkupAllowed_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, With(c => { c.Price.MarkupPercent = -5; c.Price.AllowBelowRegistryPrice = true; }));

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(26)]
    public void Validate_ProductSetBounds_ZeroFailsTwentySixPasses(int set)
    {
        // Act
        var result = _validator.Validate(null, With(c => c.Categories[set] = "cat"));

        // Assert
        Assert.Equal(set == 26, result.Succeeded);
    }

    [Fact]
    public void Validate_SeveralChannelsSeveralErrors_ReportsEachWithItsChannel()
    {
        // Arrange
        var options = With(c => c.Price.RoundTo = 0);
        var other = TestChannels.GoodsShop();
        other.Id = "shop-b";
        other.ClaimBatchSize = 6000;
        options.Items["shop-b"] = other;

        // Act
        var result = _validator.Validate(null, options);

        // Assert
        Assert.Equal(
            ["Channels:shop-a:Price:RoundTo must be at least 1 (đồng).", "Channels:shop-b:ClaimBatchSize must be 1–5000."],
            result.Failures!.Order(StringComparer.Ordinal));
    }

    private sealed class FakeFactory(string marketplace) : IMarketplaceClientFactory
    {
        public string Marketplace => marketplace;

        public IMarketplaceClient Create(ChannelOptions channel) => throw new NotSupportedException("Validation never builds a client.");
    }
}
