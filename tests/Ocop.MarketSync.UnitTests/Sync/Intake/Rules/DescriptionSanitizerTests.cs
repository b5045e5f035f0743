using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Rules;

public sealed class DescriptionSanitizerTests
{
    /// <summary>The description of trap record REG-00032 (DOMAIN.md §5 #6).</summary>
    private const string Reg00032 =
        "<p>Nước dừa xiêm xanh <b>tiệt trùng</b>, giữ vị ngọt tự nhiên.</p><script>alert('xss')</script>"
        + "<img src=x onerror=\"alert(document.cookie)\">";

    private readonly DescriptionSanitizer _sanitizer = new();

    [Fact]
    public void Sanitize_ScriptElement_IsRemovedWithItsCode()
    {
        // Act
        var clean = _sanitizer.Sanitize(Reg00032);

        // Assert
        Assert.DoesNotContain("<script", clean.Html);
        Assert.DoesNotContain("alert", clean.Html);
        Assert.DoesNotContain("alert", clean.Text);
        Assert.Contains("<script>", clean.Removed);
    }

    [Fact]
    public void Sanitize_ImgWithOnerror_IsRemoved()
    {
        // Act
        var clean = _sanitizer.Sanitize(Reg00032);

        // Assert
        Assert.DoesNotContain("<img", clean.Html);
        Assert.DoesNotContain("onerror", clean.Html);
        Assert.Contains("<img>", clean.Removed);
    }

    [Fact]
    public void Sanitize_Reg00032_KeepsTheHarmlessMarkupAndText()
    {
        // Act
        var clean = _sanitizer.Sanitize(Reg00032);

        // Assert
        Assert.Equal("<p>Nước dừa xiêm xanh <b>tiệt trùng</b>, giữ vị ngọt tự nhiên.</p>", clean.Html);
        Assert.Equal("Nước dừa xiêm xanh tiệt trùng, giữ vị ngọt tự nhiên.", clean.Text);
        Assert.Equal(["<img>", "<script>"], clean.Removed);
    }

    [Fact]
    public void Sanitize_StyleElement_IsRemovedWithItsRules()
    {
        // Act
        var clean = _sanitizer.Sanitize("<style>p { color: red }</style><p>Mật ong rừng</p>");

        // Assert
        Assert.Equal("<p>Mật ong rừng</p>", clean.Html);
        Assert.Equal("Mật ong rừng", clean.Text);
        Assert.Equal(["<style>"], clean.Removed);
    }

    [Theory]
    [InlineData("<iframe>Trình duyệt không hỗ trợ khung</iframe>", "<iframe>")]
    [InlineData("<noscript>Hãy bật JavaScript</noscript>", "<noscript>")]
    [InlineData("<template><p>Mẫu ẩn</p></template>", "<template>")]
    public void Sanitize_ElementWithFallbackOrInertContent_IsRemovedWithIt(string markup, string tag)
    {
        // Act
        var clean = _sanitizer.Sanitize("<p>Mật ong rừng</p>" + markup);

        // Assert
        Assert.Equal("<p>Mật ong rừng</p>", clean.Html);
        Assert.Equal("Mật ong rừng", clean.Text);
        Assert.Contains(tag, clean.Removed);
    }

    [Fact]
    public void Sanitize_AttributesOnAllowedTags_AreRemovedAndListed()
    {
        // Act
        var clean = _sanitizer.Sanitize("<p style=\"color:red\" onclick=\"steal()\">Chè Tân Cương</p>");

        // Assert
        Assert.Equal("<p>Chè Tân Cương</p>", clean.Html);
        Assert.Equal(["onclick attribute", "style attribute"], clean.Removed);
    }

    [Fact]
    public void Sanitize_LinkAndComment_AreRemovedButTheLinkTextKept()
    {
        // Act
        var clean = _sanitizer.Sanitize("Mua tại <a href=\"https://shop.example.com\">cửa hàng</a><!-- note -->");

        // Assert
        Assert.Equal("Mua tại cửa hàng", clean.Html);
        Assert.Equal(["<a>", "comment"], clean.Removed);
    }

    [Fact]
    public void Sanitize_Paragraphs_BecomeLinesOfThePlainText()
    {
        // Act
        var clean = _sanitizer.Sanitize("<p>Hạt dài,   cơm dẻo.</p><p>Thơm nhẹ.</p>Đóng túi<br>5 kg<ul><li>Một</li><li>Hai</li></ul>");

        // Assert
        Assert.Equal("Hạt dài, cơm dẻo.\nThơm nhẹ.\nĐóng túi\n5 kg\nMột\nHai", clean.Text);
    }

    [Fact]
    public void Sanitize_Divs_BecomeLinesOfThePlainText()
    {
        // Act
        var clean = _sanitizer.Sanitize("<div>Hạt dài</div><div>Cơm dẻo</div>");

        // Assert
        Assert.Equal("<div>Hạt dài</div><div>Cơm dẻo</div>", clean.Html);
        Assert.Equal("Hạt dài\nCơm dẻo", clean.Text);
        Assert.Empty(clean.Removed);
    }

    [Fact]
    public void Sanitize_HarmlessFormatting_IsKeptInHtml()
    {
        // Arrange
        const string html = "<p><b>Đậm</b> <strong>mạnh</strong> <i>nghiêng</i> <em>nhấn</em> <u>gạch</u></p>";

        // Act
        var clean = _sanitizer.Sanitize(html);

        // Assert
        Assert.Equal(html, clean.Html);
        Assert.Equal("Đậm mạnh nghiêng nhấn gạch", clean.Text);
        Assert.Empty(clean.Removed);
    }

    [Fact]
    public void Sanitize_PlainText_IsUnchangedAndNothingRemoved()
    {
        // Arrange
        const string text = "Kẹo dừa sầu riêng, gói giấy gạo từng viên.";

        // Act
        var clean = _sanitizer.Sanitize(text);

        // Assert
        Assert.Equal(text, clean.Html);
        Assert.Equal(text, clean.Text);
        Assert.Empty(clean.Removed);
    }

    [Fact]
    public void Sanitize_EscapedMarkupInText_StaysText()
    {
        // Act
        var clean = _sanitizer.Sanitize("Giá &lt;script&gt; 5 &amp; 6");

        // Assert
        Assert.Equal("Giá &lt;script&gt; 5 &amp; 6", clean.Html);
        Assert.Equal("Giá <script> 5 & 6", clean.Text);
        Assert.Empty(clean.Removed);
    }
}
