using System.Text;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>Titles keep the OCOP badge and cut the name; no badge when the certificate is not valid (DOMAIN.md §1.7).</summary>
public sealed class TitleBuilderTests
{
    private static readonly string Template = new ChannelOptions().TitleTemplate;
    private static readonly string LongName = SampleData.Element("REG-00001").GetProperty("name").GetString()!;

    [Theory]
    [InlineData(3, "Gạo ST25 hữu cơ túi 5kg – OCOP 3★")]
    [InlineData(4, "Gạo ST25 hữu cơ túi 5kg – OCOP 4★")]
    [InlineData(5, "Gạo ST25 hữu cơ túi 5kg – OCOP 5★")]
    public void Build_ShortName_RendersNameAndStars(int stars, string expected)
    {
        // Act
        var title = TitleBuilder.Build(Template, "Gạo ST25 hữu cơ túi 5kg", stars, showBadge: true, 120, 255);

        // Assert
        Assert.Equal(expected, title);
    }

    [Fact]
    public void Build_OtherTemplate_RendersStarsWherePlaced()
    {
        // Act
        var title = TitleBuilder.Build("[OCOP {stars} sao] {name}", "Gạo ST25 hữu cơ túi 5kg", 4, showBadge: true, 120, 255);

        // Assert
        Assert.Equal("[OCOP 4 sao] Gạo ST25 hữu cơ túi 5kg", title);
    }

    [Fact]
    public void Build_Reg00001At120Chars_KeepsBadgeAndCutsName()
    {
        // Act: the badge " – OCOP 4★" is 10 chars, 14 bytes; the name gets 110 chars / 241 bytes
        var title = TitleBuilder.Build(Template, LongName, 4, showBadge: true, 120, 255);

        // Assert
        Assert.Equal(
            "Nước mắm cốt cá cơm than nguyên chất ủ chượp truyền thống 12 tháng trong thùng gỗ bời lời, "
            + "độ đạm 40°N, không – OCOP 4★",
            title);
        Assert.Equal(119, title.Length);
        Assert.Equal(160, Encoding.UTF8.GetByteCount(title));
    }

    [Fact]
    public void Build_Reg00001At255Bytes_KeepsBadgeAndCutsNameByBytes()
    {
        // Act: 255 chars would hold more, but 241 bytes of name do not
        var title = TitleBuilder.Build(Template, LongName, 4, showBadge: true, 255, 255);

        // Assert
        Assert.Equal(
            "Nước mắm cốt cá cơm than nguyên chất ủ chượp truyền thống 12 tháng trong thùng gỗ bời lời, "
            + "độ đạm 40°N, không chất bảo quản, không phẩm màu, đóng chai thủy tinh 500ml kèm hộp quà tặng – OCOP 4★",
            title);
        Assert.Equal(254, Encoding.UTF8.GetByteCount(title));
    }

    [Fact]
    public void Build_NoBadge_GivesTheBareNameCutToTheLimits()
    {
        // Act
        var title = TitleBuilder.Build(Template, LongName, 4, showBadge: false, 120, 255);

        // Assert
        Assert.Equal(
            "Nước mắm cốt cá cơm than nguyên chất ủ chượp truyền thống 12 tháng trong thùng gỗ bời lời, "
            + "độ đạm 40°N, không chất bảo",
            title);
        Assert.DoesNotContain("OCOP", title, StringComparison.Ordinal);
        Assert.DoesNotContain("★", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoBadgeShortName_IsTheNameAlone()
    {
        // Act
        var title = TitleBuilder.Build(Template, "Kẹo dừa sầu riêng hộp 400g", 3, showBadge: false, 120, 255);

        // Assert
        Assert.Equal("Kẹo dừa sầu riêng hộp 400g", title);
    }

    [Theory]
    [InlineData(20, 255, "Gạo ST25 hữu cơ túi")] // the frame " – Sản phẩm OCOP Việt Nam 4 sao" is 31 chars…
    [InlineData(120, 30, "Gạo ST25 hữu cơ túi 5kg")] // … and 39 bytes; the name alone is 29 bytes
    public void Build_TemplateLongerThanTheLimit_DropsTheBadgeNotTheName(int maxChars, int maxBytes, string expected)
    {
        // Act
        var title = TitleBuilder.Build("{name} – Sản phẩm OCOP Việt Nam {stars} sao", "Gạo ST25 hữu cơ túi 5kg", 4, showBadge: true, maxChars, maxBytes);

        // Assert
        Assert.Equal(expected, title);
        Assert.DoesNotContain("OCOP", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NfdName_IsComposedInTheTitle()
    {
        // Arrange: REG-00026 as the registry sent it
        var nfd = SampleData.Element("REG-00026").GetProperty("name").GetString()!;

        // Act
        var title = TitleBuilder.Build(Template, nfd, 5, showBadge: true, 37, 255);

        // Assert: 27 + 10 chars, which only fits composed
        Assert.Equal("Trà hoa vàng Ba Chẽ hộp 50g – OCOP 5★", title);
    }
}
