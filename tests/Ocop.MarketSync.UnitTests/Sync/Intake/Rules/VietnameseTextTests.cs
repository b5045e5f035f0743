using System.Text;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Rules;

public sealed class VietnameseTextTests
{
    private const string Nfc = "Trà xanh Thái Nguyên";

    [Fact]
    public void Normalize_DecomposedText_ReturnsNfcAndSetsChanged()
    {
        // Arrange
        var nfd = Nfc.Normalize(NormalizationForm.FormD);
        var changed = false;

        // Act
        var text = VietnameseText.Normalize(nfd, ref changed);

        // Assert
        Assert.NotEqual(Nfc.Length, nfd.Length);
        Assert.Equal(Nfc, text);
        Assert.True(changed);
    }

    [Fact]
    public void Normalize_NfcText_LeavesChangedFalse()
    {
        // Arrange
        var changed = false;

        // Act
        var text = VietnameseText.Normalize(Nfc, ref changed);

        // Assert
        Assert.Equal(Nfc, text);
        Assert.False(changed);
    }

    [Fact]
    public void Normalize_NfcTextAfterAChange_KeepsChangedTrue()
    {
        // Arrange
        var changed = true;

        // Act
        VietnameseText.Normalize(Nfc, ref changed);

        // Assert
        Assert.True(changed);
    }

    [Theory]
    [InlineData("  Gạo ST25 ", "Gạo ST25")]
    [InlineData("\tHũ\n", "Hũ")]
    public void Normalize_SurroundingWhitespace_IsTrimmed(string input, string expected)
    {
        // Arrange
        var changed = false;

        // Act
        var text = VietnameseText.Normalize(input, ref changed);

        // Assert
        Assert.Equal(expected, text);
        Assert.False(changed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Normalize_EmptyOrWhitespaceOrNull_IsNull(string? input)
    {
        // Arrange
        var changed = false;

        // Act
        var text = VietnameseText.Normalize(input, ref changed);

        // Assert
        Assert.Null(text);
    }
}
