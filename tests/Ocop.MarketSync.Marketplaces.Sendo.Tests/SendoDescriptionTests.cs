namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>Plain-text descriptions become Sendo's HTML field without mangling Vietnamese.</summary>
public sealed class SendoDescriptionTests
{
    [Fact]
    public void DescriptionHtml_VietnameseText_LettersKeptOnlyHtmlCharactersEscaped()
    {
        // Arrange: Latin-1 letters (ô, ì, à) beside others (ư, ợ), and HTML's own characters
        const string text = "Mô hình luân canh tôm – lúa <hữu cơ> & được chứng nhận.\nHạt dài, cơm dẻo.";

        // Act
        var html = SendoWireMapper.DescriptionHtml(text);

        // Assert
        Assert.Equal("<p>Mô hình luân canh tôm – lúa &lt;hữu cơ&gt; &amp; được chứng nhận.</p><p>Hạt dài, cơm dẻo.</p>", html);
    }

    [Fact]
    public void DescriptionHtml_DecomposedInput_SentAsNfc()
    {
        // Arrange
        var decomposed = "Mật ong".Normalize(System.Text.NormalizationForm.FormD);

        // Act
        var html = SendoWireMapper.DescriptionHtml(decomposed);

        // Assert
        Assert.Equal("<p>Mật ong</p>", html);
        Assert.True(html.IsNormalized(System.Text.NormalizationForm.FormC));
    }
}
