using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Rules;

public sealed class OcopCodeTests
{
    [Fact]
    public void TryParse_OldFivePartCode_KeepsTheDistrict()
    {
        // Act
        var ok = OcopCode.TryParse("30-294-10852-1-2021", out var parts);

        // Assert
        Assert.True(ok);
        Assert.Equal(new OcopCodeParts("30", "294", "10852", 1, 2021), parts);
    }

    [Fact]
    public void TryParse_NewFourPartCode_HasNoDistrict()
    {
        // Act
        var ok = OcopCode.TryParse("80-36701-001-2025", out var parts);

        // Assert
        Assert.True(ok);
        Assert.Equal(new OcopCodeParts("80", null, "36701", 1, 2025), parts);
    }

    [Theory]
    [InlineData("80-36701-001-2025")]
    [InlineData("80-36701-01-2025")]
    [InlineData("80-36701-1-2025")]
    public void TryParse_PaddedOrUnpaddedSequence_GivesTheSameNumber(string code)
    {
        // Act
        var ok = OcopCode.TryParse(code, out var parts);

        // Assert
        Assert.True(ok);
        Assert.Equal(1, parts!.Sequence);
    }

    [Fact]
    public void TryParse_SurroundingSpaces_AreIgnored()
    {
        // Act
        var ok = OcopCode.TryParse("  46-25532-012-2025 ", out var parts);

        // Assert
        Assert.True(ok);
        Assert.Equal(new OcopCodeParts("46", null, "25532", 12, 2025), parts);
    }

    [Theory]
    [InlineData("80-36701-2025")] // three parts
    [InlineData("80-2025")]
    [InlineData("1-30-294-10852-1-2021")] // six parts
    [InlineData("8O-36701-001-2025")] // letter O for zero
    [InlineData("80-36701-A01-2025")]
    [InlineData("80--001-2025")] // empty part
    [InlineData("80 36701 001 2025")] // not hyphenated
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_WrongShape_Fails(string? code)
    {
        // Act
        var ok = OcopCode.TryParse(code, out var parts);

        // Assert
        Assert.False(ok);
        Assert.Null(parts);
    }

    [Theory]
    [InlineData("80-36701-001-25")] // two-digit year
    [InlineData("80-36701-001-02025")] // five digits
    [InlineData("80-36701-001-2017")] // before OCOP began
    [InlineData("80-36701-001-2101")]
    public void TryParse_BadYear_Fails(string code)
    {
        // Act
        var ok = OcopCode.TryParse(code, out var parts);

        // Assert
        Assert.False(ok);
        Assert.Null(parts);
    }

    [Theory]
    [InlineData("80-36701-001-2018", 2018)]
    [InlineData("80-36701-001-2100", 2100)]
    public void TryParse_YearOnTheBoundary_IsAccepted(string code, int year)
    {
        // Act
        var ok = OcopCode.TryParse(code, out var parts);

        // Assert
        Assert.True(ok);
        Assert.Equal(year, parts!.Year);
    }
}
