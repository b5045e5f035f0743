using System.Reflection;
using System.Text;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Texts;

namespace Ocop.MarketSync.UnitTests.Sync.Texts;

public sealed class ReasonTextsTests
{
    /// <summary>Every intake issue code, and the reasons the planner and the price guard give.</summary>
    public static TheoryData<string> Codes()
    {
        var codes = typeof(IssueCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        codes.AddRange(["product.retired", "channel.noServices", "channel.noCategory", PriceHold.ReasonCode, PriceHold.KeptCode,
            Ocop.MarketSync.Sync.Listings.Journal.WriteBackOutbox.BannedCode, Ocop.MarketSync.Sync.Listings.Journal.WriteBackOutbox.NotActiveCode,
            MarketplaceLimits.PriceOutOfRangeCode, MarketplaceLimits.StockCappedCode, MarketplaceLimits.SkuLengthCode,
            MarketplaceLimits.DescriptionTooShortCode, MarketplaceLimits.ImagesTrimmedCode]);
        return [.. codes];
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasAVietnameseAndAnEnglishMessage_InNfc(string code)
    {
        var vi = ReasonTexts.Find(code, ReasonTexts.Vietnamese);
        var en = ReasonTexts.Find(code, ReasonTexts.English);

        Assert.False(string.IsNullOrWhiteSpace(vi), $"no Vietnamese message for {code}");
        Assert.False(string.IsNullOrWhiteSpace(en), $"no English message for {code}");
        Assert.NotEqual(vi, en);
        Assert.True(vi.IsNormalized(NormalizationForm.FormC), $"{code}: Vietnamese message not NFC");
    }

    [Fact]
    public void Message_CertificateExpired_IsVietnameseByDefault()
    {
        Assert.Equal("Giấy chứng nhận OCOP đã hết hạn", ReasonTexts.Message("certificate.expired", ReasonTexts.Vietnamese, "x"));
        Assert.Equal("The OCOP certificate has expired", ReasonTexts.Message("certificate.expired", ReasonTexts.English, "x"));
        Assert.Equal("detail", ReasonTexts.Message("no.such.code", ReasonTexts.English, "detail"));
    }

    [Theory]
    [InlineData(null, "vi-VN")]
    [InlineData("", "vi-VN")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR, en;q=0.5", "en")]
    [InlineData("vi,en;q=0.8", "vi-VN")]
    [InlineData("de", "vi-VN")]
    public void FromAcceptLanguage_PicksTheFirstOfVietnameseOrEnglish(string? header, string expected)
    {
        Assert.Equal(expected, ReasonTexts.FromAcceptLanguage(header).Name);
    }
}
