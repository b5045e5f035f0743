using System.Text;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>Cutting text to a marketplace's limits: characters, UTF-8 bytes, word boundary, separators.</summary>
public sealed partial class TextLimitsTests
{
    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    [Fact]
    public void Cut_TextThatFitsExactly_IsUnchanged()
    {
        // Arrange: 23 characters, 29 bytes
        const string name = "Gạo ST25 hữu cơ túi 5kg";

        // Act
        var cut = TextLimits.Cut(name, 23, 29);

        // Assert
        Assert.Equal(name, cut);
    }

    [Theory]
    [InlineData("alpha beta gamma delta", 19, "alpha beta gamma")] // "alpha beta gamma de": space at 16 ≥ 0.6 × 19
    [InlineData("ab cdefghijklmnop", 10, "ab cdefghi")] // "ab cdefghi": space at 2 < 0.6 × 10, so cut in the word
    [InlineData("abcdef ghijk", 10, "abcdef")] // space at 6 = 0.6 × 10 exactly: the word boundary is used
    [InlineData("abcde fghijk", 10, "abcde fghi")] // space at 5 < 6: the word boundary would lose too much
    public void Cut_TooManyChars_UsesTheLastSpaceOnlyWhenItKeepsSixtyPercent(string text, int maxChars, string expected)
    {
        // Act
        var cut = TextLimits.Cut(text, maxChars, 1000);

        // Assert
        Assert.Equal(expected, cut);
    }

    [Fact]
    public void Cut_CustomWordShare_IsHonoured()
    {
        // Act: "abcde fghi" has its space at 5 of 10; a share of 0.5 accepts it
        var cut = TextLimits.Cut("abcde fghijk", 10, 1000, minWordShare: 0.5);

        // Assert
        Assert.Equal("abcde", cut);
    }

    [Fact]
    public void Cut_VietnameseLettersOverTheByteLimit_CutsByBytesNotChars()
    {
        // Arrange: "Đặc" is 1 + 1 + 1 chars but 2 + 3 + 1 bytes
        const string text = "ĐặcĐặcĐặc";

        // Act: 10 bytes hold "Đặc" (6) + "Đ" (2); "ặ" (3) would make 11
        var cut = TextLimits.Cut(text, 100, 10);

        // Assert
        Assert.Equal("ĐặcĐ", cut);
        Assert.Equal(8, Bytes(cut));
    }

    [Fact]
    public void Cut_ByteLimitInAVietnameseWord_KeepsWholeLettersAndTheWord()
    {
        // Arrange: "Nước" = 7 bytes, " " = 1, "mắm" = 5 bytes: 13 in all
        const string text = "Nước mắm";

        // Act: 12 bytes keep "Nước mắ" (7 chars); its space at 4 < 0.6 × 7, so no word cut
        var cut = TextLimits.Cut(text, 100, 12);

        // Assert
        Assert.Equal("Nước mắ", cut);
        Assert.Equal(12, Bytes(cut));
    }

    [Theory]
    [InlineData("alpha, beta", 6, "alpha")] // "alpha," → comma trimmed
    [InlineData("alpha – beta", 8, "alpha")] // "alpha – " → word cut "alpha –" → dash trimmed
    [InlineData("alpha (beta)", 7, "alpha")] // "alpha (" → word cut "alpha"
    [InlineData("alphabet: gamma", 9, "alphabet")] // "alphabet:" (no space) → colon trimmed
    [InlineData("alphabet/ gamma", 9, "alphabet")]
    [InlineData("alphabet; gamma", 9, "alphabet")]
    [InlineData("alphabet— gamma", 9, "alphabet")]
    public void Cut_EndingOnASeparator_TrimsIt(string text, int maxChars, string expected)
    {
        // Act
        var cut = TextLimits.Cut(text, maxChars, 1000);

        // Assert
        Assert.Equal(expected, cut);
    }

    [Fact]
    public void Cut_TextThatFitsWithTrailingSeparator_IsNotTrimmed()
    {
        // Act: nothing is cut, so nothing is trimmed
        var cut = TextLimits.Cut("alpha – ", 20, 100);

        // Assert
        Assert.Equal("alpha – ", cut);
    }

    [Theory]
    [InlineData("Nước mắm", 8, 13, true)]
    [InlineData("Nước mắm", 7, 13, false)]
    [InlineData("Nước mắm", 8, 12, false)]
    public void Fits_ChecksBothLimits(string text, int maxChars, int maxBytes, bool expected)
    {
        // Act
        var fits = TextLimits.Fits(text, maxChars, maxBytes);

        // Assert
        Assert.Equal(expected, fits);
    }
}
