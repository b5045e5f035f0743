using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>The content hash decides whether a re-read record is written again.</summary>
public sealed partial class ProductNormalizerTests
{
    [Fact]
    public void Normalize_SameRecordSameDay_GivesTheSameHash()
    {
        // Act: separate builders, readers and normalisers, so nothing is shared but the data.
        var first = Normalizers.Create().Normalize(RecordBuilder.Valid().Build(), SampleData.ReferenceDate);
        var second = Normalizers.Create().Normalize(RecordBuilder.Valid().Build(), SampleData.ReferenceDate);

        // Assert
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
    }

    [Theory]
    [InlineData("priceVnd", 215001)]
    [InlineData("stock", 821)]
    [InlineData("name", "Gạo ST25 hữu cơ túi 5 kg")]
    [InlineData("producer.commune", "xã Hòa Tú 2")]
    [InlineData("certificate.issuedBy", "UBND thành phố Cần Thơ")]
    [InlineData("gtin", "8935236102001")]
    [InlineData("shelfLifeDays", 366)]
    public void Normalize_AnyDataChange_GivesAnotherHash(string path, object value)
    {
        // Arrange
        var changed = RecordBuilder.Valid().With(path, value switch
        {
            int number => number,
            string text => text,
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        });

        // Act
        var original = Normalizers.Normalize(RecordBuilder.Valid());
        var result = Normalizers.Normalize(changed);

        // Assert
        Assert.NotEqual(original.ContentHash, result.ContentHash);
    }

    [Fact]
    public void Normalize_DayOnWhichTheOutcomeChanges_GivesAnotherHash()
    {
        // Act: 2027-11-04 is the last valid day of the base record.
        var lastValidDay = Normalizers.Normalize(RecordBuilder.Valid(), new DateOnly(2027, 11, 4));
        var expired = Normalizers.Normalize(RecordBuilder.Valid(), new DateOnly(2027, 11, 5));

        // Assert
        Assert.NotEqual(lastValidDay.Outcome, expired.Outcome);
        Assert.NotEqual(lastValidDay.ContentHash, expired.ContentHash);
    }

    [Fact]
    public void Normalize_AnotherDayWithTheSameOutcome_GivesTheSameHash()
    {
        // Act
        var today = Normalizers.Normalize(RecordBuilder.Valid(), SampleData.ReferenceDate);
        var later = Normalizers.Normalize(RecordBuilder.Valid(), new DateOnly(2027, 11, 4));

        // Assert
        Assert.Equal(today.ContentHash, later.ContentHash);
    }
}
