using System.Text;
using Ocop.MarketSync.Sync.Intake.Provinces;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Provinces;

public sealed class ProvinceDirectoryTests
{
    private readonly ProvinceDirectory _provinces = ProvinceDirectory.LoadEmbedded();

    [Fact]
    public void Current_EmbeddedList_HasThe34ProvincesWithUniqueCodes()
    {
        // Act
        var current = _provinces.Current.ToList();

        // Assert
        Assert.Equal(34, current.Count);
        Assert.Equal(34, current.Select(p => p.Code).Distinct().Count());
        Assert.All(current, p => Assert.Null(p.FormerName));
    }

    [Theory]
    [InlineData("Cần Thơ", "Cần Thơ", "92")]
    [InlineData("Hà Nội", "Hà Nội", "01")]
    [InlineData("Huế", "Huế", "46")]
    [InlineData("TP Hồ Chí Minh", "TP Hồ Chí Minh", "79")]
    public void Resolve_CurrentName_IsThatProvinceWithoutFormerName(string text, string name, string code)
    {
        // Act
        var match = _provinces.Resolve(text);

        // Assert
        Assert.Equal(new ProvinceMatch(name, code, null), match);
    }

    [Theory]
    [InlineData("TP. Hồ Chí Minh")]
    [InlineData("Thành phố Hồ Chí Minh")]
    [InlineData("TP.HCM")]
    [InlineData("tp hồ chí minh")]
    [InlineData("  TP.  Hồ   Chí Minh ")]
    public void Resolve_AliasOfHoChiMinhCity_IsTpHoChiMinh(string text)
    {
        // Act
        var match = _provinces.Resolve(text);

        // Assert
        Assert.Equal(new ProvinceMatch("TP Hồ Chí Minh", "79", null), match);
    }

    [Fact]
    public void Resolve_TinhBenTre_IsVinhLongWithFormerName()
    {
        // Act
        var match = _provinces.Resolve("Tỉnh Bến Tre");

        // Assert
        Assert.Equal(new ProvinceMatch("Vĩnh Long", "86", "Bến Tre"), match);
    }

    [Fact]
    public void Resolve_LegacyHaiDuong_IsHaiPhong()
    {
        // Act
        var match = _provinces.Resolve("Hải Dương");

        // Assert
        Assert.Equal(new ProvinceMatch("Hải Phòng", "31", "Hải Dương"), match);
    }

    [Fact]
    public void Resolve_DecomposedLegacyName_MatchesLikeNfc()
    {
        // Act
        var match = _provinces.Resolve("Hải Dương".Normalize(NormalizationForm.FormD));

        // Assert
        Assert.Equal(new ProvinceMatch("Hải Phòng", "31", "Hải Dương"), match);
    }

    [Theory]
    [InlineData("Bà Rịa – Vũng Tàu")]
    [InlineData("Bà Rịa - Vũng Tàu")]
    [InlineData("Bà Rịa-Vũng Tàu")]
    [InlineData("Tỉnh Bà Rịa — Vũng Tàu")]
    public void Resolve_AnyDashBetweenParts_IsTheSameFormerProvince(string text)
    {
        // Act
        var match = _provinces.Resolve(text);

        // Assert
        Assert.Equal(new ProvinceMatch("TP Hồ Chí Minh", "79", "Bà Rịa – Vũng Tàu"), match);
    }

    [Fact]
    public void Resolve_LongAn_IsTayNinhUnderCode80()
    {
        // Act: 80 was Long An's code before the reform; Tây Ninh took it (DOMAIN.md §4 code trap).
        var match = _provinces.Resolve("Long An");

        // Assert
        Assert.Equal(new ProvinceMatch("Tây Ninh", "80", "Long An"), match);
    }

    [Fact]
    public void Resolve_TayNinh_IsCode80NotItsRetiredCode72()
    {
        // Act
        var match = _provinces.Resolve("Tây Ninh");

        // Assert
        Assert.Equal(new ProvinceMatch("Tây Ninh", "80", null), match);
    }

    [Theory]
    [InlineData("Tiền Giang", "Đồng Tháp", "82")]
    [InlineData("Kiên Giang", "An Giang", "91")]
    [InlineData("Bắc Giang", "Bắc Ninh", "24")]
    [InlineData("Bình Định", "Gia Lai", "52")]
    [InlineData("Yên Bái", "Lào Cai", "15")]
    [InlineData("Kon Tum", "Quảng Ngãi", "51")]
    public void Resolve_FormerProvinceWhosePartnerTookItsCode_IsTheMergedProvince(string former, string name, string code)
    {
        // Act
        var match = _provinces.Resolve(former);

        // Assert
        Assert.Equal(new ProvinceMatch(name, code, former), match);
    }

    [Theory]
    [InlineData("Sài Gòn Mới")]
    [InlineData("Hải")]
    [InlineData("80")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Resolve_UnknownOrEmpty_IsNull(string? text)
    {
        // Act
        var match = _provinces.Resolve(text);

        // Assert
        Assert.Null(match);
    }
}
