using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Rules;

public sealed class GtinTests
{
    [Theory]
    [InlineData("8935236102001")] // GTIN-13, DOMAIN.md §1.9 worked example
    [InlineData("96385074")] // GTIN-8: 7·3+0+5·3+8+3·3+6+9·3 = 86 → 4
    [InlineData("036000291452")] // GTIN-12 (UPC-A): sum 58 → 2
    [InlineData("18935236102008")] // GTIN-14, packaging indicator 1 on the §1.9 item: sum 82 → 8
    [InlineData("08935236102001")] // GTIN-14 with indicator 0 keeps the GTIN-13 check digit
    public void Check_ValidGtinOfEachLength_IsValid(string gtin)
    {
        // Act
        var verdict = Gtin.Check(gtin, out var expected);

        // Assert
        Assert.Equal(Gtin.Verdict.Valid, verdict);
        Assert.Equal(gtin[^1] - '0', expected);
    }

    [Fact]
    public void Check_Reg00018WrongCheckDigit_ReportsExpectedZero()
    {
        // Act
        var verdict = Gtin.Check("8935390603003", out var expected);

        // Assert
        Assert.Equal(Gtin.Verdict.WrongCheckDigit, verdict);
        Assert.Equal(0, expected);
    }

    [Theory]
    [InlineData("8935236102002", 1)]
    [InlineData("96385075", 4)]
    [InlineData("036000291450", 2)]
    [InlineData("18935236102001", 8)]
    public void Check_OffByOneCheckDigit_ReportsTheRightOne(string gtin, int expectedCheckDigit)
    {
        // Act
        var verdict = Gtin.Check(gtin, out var expected);

        // Assert
        Assert.Equal(Gtin.Verdict.WrongCheckDigit, verdict);
        Assert.Equal(expectedCheckDigit, expected);
    }

    [Theory]
    [InlineData("893523610200A")] // 13 characters, one a letter
    [InlineData("8935 36102001")] // 13 characters, one a space
    [InlineData("８９３５２３６１０２００１")] // full-width digits are digits to char.IsDigit, not to GS1
    [InlineData("ABC")] // wrong length and not digits: not digits wins
    [InlineData("8935-236102001")]
    public void Check_NonDigits_IsNotDigits(string gtin)
    {
        // Act
        var verdict = Gtin.Check(gtin, out var expected);

        // Assert
        Assert.Equal(Gtin.Verdict.NotDigits, verdict);
        Assert.Equal(-1, expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8935236")] // 7
    [InlineData("893523610")] // 9
    [InlineData("89352361020")] // 11
    [InlineData("893523610200100")] // 15
    public void Check_DigitsOfAnotherLength_IsWrongLength(string gtin)
    {
        // Act
        var verdict = Gtin.Check(gtin, out var expected);

        // Assert
        Assert.Equal(Gtin.Verdict.WrongLength, verdict);
        Assert.Equal(-1, expected);
    }

    [Theory]
    [InlineData("893523610200", 1)] // DOMAIN.md §1.9: sum 79
    [InlineData("893539060300", 0)]
    [InlineData("9638507", 4)]
    [InlineData("0000000", 0)]
    public void CheckDigit_DataDigits_IsGs1Mod10(string dataDigits, int expected)
    {
        // Act
        var digit = Gtin.CheckDigit(dataDigits);

        // Assert
        Assert.Equal(expected, digit);
    }
}
