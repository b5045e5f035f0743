using System.Text;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>The description: sanitised HTML where the marketplace takes it and it fits, else plain text cut to the limits.</summary>
public sealed partial class DesiredListingBuilderTests
{
    [Fact]
    public void Build_HtmlDescriptionThatFits_IsTheSanitisedHtml()
    {
        // Act: REG-00032 came with <script> and <img onerror>
        var desired = Build(Products.Sample("REG-00032"));

        // Assert
        Assert.Equal("<p>Nước dừa xiêm xanh <b>tiệt trùng</b>, giữ vị ngọt tự nhiên.</p>", desired.Description);
    }

    [Fact]
    public void Build_MarketplaceWithoutHtml_GetsPlainTextCutToTheByteLimit()
    {
        // Arrange: the description is 118 chars of Vietnamese, far more than 60 bytes
        var capabilities = TestChannels.Capabilities() with { AcceptsHtmlDescription = false, DescriptionMaxBytes = 60 };

        // Act
        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        // Assert
        Assert.Equal("Gạo thơm ST25 trồng theo mô hình luân canh tôm", desired.Description);
        Assert.DoesNotContain('<', desired.Description);
        Assert.True(Encoding.UTF8.GetByteCount(desired.Description) <= 60);
    }

    [Fact]
    public void Build_MarketplaceWithoutHtml_GetsReg00032AsPlainText()
    {
        // Arrange
        var capabilities = TestChannels.Capabilities() with { AcceptsHtmlDescription = false };

        // Act
        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00032"), Shop(), capabilities, Today);

        // Assert
        Assert.Equal("Nước dừa xiêm xanh tiệt trùng, giữ vị ngọt tự nhiên.", desired.Description);
    }

    [Fact]
    public void Build_HtmlTooLong_FallsBackToPlainTextRatherThanCuttingTags()
    {
        // Arrange: REG-00032's HTML is 66 chars; cut to 40 it would leave <p> and <b> open
        var capabilities = TestChannels.Capabilities() with { DescriptionMaxChars = 40 };

        // Act
        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00032"), Shop(), capabilities, Today);

        // Assert
        Assert.Equal("Nước dừa xiêm xanh tiệt trùng, giữ vị", desired.Description);
    }
}
