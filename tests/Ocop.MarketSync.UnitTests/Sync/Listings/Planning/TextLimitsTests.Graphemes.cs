using System.Text;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>Never cut inside a grapheme; NFC first; always within both limits (DOMAIN.md §5 traps 5 and 9).</summary>
public sealed partial class TextLimitsTests
{
    private static string SampleName(string registryId) =>
        SampleData.Element(registryId).GetProperty("name").GetString()!;

    [Fact]
    public void Cut_Reg00026NfdName_IsComposedBeforeCounting()
    {
        // Arrange: the NFD name is 32 code points, its NFC form 27
        var nfd = SampleName("REG-00026");
        Assert.Equal(32, nfd.Length);

        // Act
        var cut = TextLimits.Cut(nfd, 27, 100);

        // Assert: it fits once composed, so nothing is cut
        Assert.Equal("Trà hoa vàng Ba Chẽ hộp 50g", cut);
        Assert.True(cut.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Cut_NfdLetterAtTheLimit_KeepsTheComposedLetter()
    {
        // Arrange: "Trà" in NFD is T, r, a, U+0300 (4 chars); cut naively at 3 it would lose the grave accent
        var nfd = "Trà hoa".Normalize(NormalizationForm.FormD);

        // Act
        var cut = TextLimits.Cut(nfd, 3, 100);

        // Assert
        Assert.Equal("Trà", cut);
    }

    [Theory]
    [InlineData("x" + "e\u0301\u0323" + "y", 2, "x")] // NFC gives ẹ (U+1EB9) + U+0301: still two chars, one grapheme
    [InlineData("ab" + "q\u0323\u0301" + "cd", 4, "ab")] // q + dot below + acute: no composed form at all
    [InlineData("ok" + "\U0001F44D\U0001F3FD" + "!", 5, "ok")] // thumbs up + skin tone: 4 chars, one grapheme
    [InlineData("VN" + "\U0001F1FB\U0001F1F3" + "!", 4, "VN")] // flag of Viet Nam: two regional indicators
    [InlineData("a" + "\U0001D54F" + "b", 2, "a")] // a surrogate pair alone
    public void Cut_LimitInsideAGrapheme_CutsBeforeTheWholeCluster(string text, int maxChars, string expected)
    {
        // Act
        var cut = TextLimits.Cut(text, maxChars, 1000);

        // Assert: no lone mark, half emoji, half flag or lone surrogate
        Assert.Equal(expected, cut);
    }

    [Theory]
    [InlineData("ab" + "q\u0323\u0301" + "cd", 6)] // the cluster is 1 + 2 + 2 = 5 bytes; 2 + 5 > 6
    [InlineData("ok" + "\U0001F44D\U0001F3FD" + "!", 9)] // the cluster is 8 bytes; 2 + 8 > 9
    [InlineData("VN" + "\U0001F1FB\U0001F1F3" + "!", 9)]
    [InlineData("ab" + "\U0001D54F" + "c", 5)] // a 4-byte scalar: 2 + 4 > 5
    public void Cut_ByteLimitInsideAGrapheme_CutsBeforeTheWholeCluster(string text, int maxBytes)
    {
        // Act
        var cut = TextLimits.Cut(text, 1000, maxBytes);

        // Assert
        Assert.Equal(text[..2], cut);
    }

    [Fact]
    public void Cut_LimitAfterAWholeCluster_KeepsTheCluster()
    {
        // Arrange
        const string text = "ok\U0001F44D\U0001F3FD!";

        // Act
        var cut = TextLimits.Cut(text, 6, 1000);

        // Assert
        Assert.Equal("ok\U0001F44D\U0001F3FD", cut);
    }

    [Fact]
    public void Cut_Reg00001NameAtEveryLimit_StaysWithinBothLimitsAndNfc()
    {
        // Arrange: 256 chars, 330 UTF-8 bytes
        var name = SampleName("REG-00001");
        Assert.Equal(256, name.Length);
        Assert.Equal(330, Bytes(name));

        for (var limit = 1; limit <= 300; limit++)
        {
            foreach (var (maxChars, maxBytes) in new[] { (limit, limit), (limit, 1000), (1000, limit), (limit, 2 * limit) })
            {
                // Act
                var cut = TextLimits.Cut(name, maxChars, maxBytes);

                // Assert
                var at = $"maxChars {maxChars}, maxBytes {maxBytes}: '{cut}'";
                Assert.True(cut.Length <= maxChars, at);
                Assert.True(Bytes(cut) <= maxBytes, at);
                Assert.True(cut.IsNormalized(NormalizationForm.FormC), at);
                Assert.True(name.StartsWith(cut, StringComparison.Ordinal), at);
                Assert.NotEmpty(cut);
                Assert.False(cut.EndsWith(' '), at);
            }
        }
    }

    [Fact]
    public void Cut_Reg00026NfdNameAtEveryLimit_IsNfcPrefixWithinLimits()
    {
        // Arrange
        var nfc = SampleName("REG-00026").Normalize(NormalizationForm.FormC);

        for (var limit = 1; limit <= 40; limit++)
        {
            // Act
            var cut = TextLimits.Cut(SampleName("REG-00026"), limit, limit);

            // Assert
            var at = $"limit {limit}: '{cut}'";
            Assert.True(cut.Length <= limit && Bytes(cut) <= limit, at);
            Assert.True(cut.IsNormalized(NormalizationForm.FormC), at);
            Assert.True(nfc.StartsWith(cut, StringComparison.Ordinal), at);
        }
    }
}
