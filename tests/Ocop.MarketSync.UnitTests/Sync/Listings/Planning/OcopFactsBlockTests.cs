using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

public sealed class OcopFactsBlockTests
{
    private static readonly ProductData Facts = new()
    {
        Stars = 3,
        Group = "Đồ uống",
        Certificate = new CertificateData { DecisionNumber = "12/QĐ-UBND", IssuedBy = "UBND huyện A & B", IssuedOn = new DateOnly(2025, 1, 2), ValidUntil = new DateOnly(2028, 1, 1) },
        Producer = new ProducerData { Name = "HTX Trà", ProvinceAsReceived = "Thái Nguyên" },
    };

    [Fact]
    public void AppendTo_Html_AddsEncodedParagraphs()
    {
        var html = OcopFactsBlock.AppendTo("<p>Trà xanh.</p>", Facts);

        Assert.Equal(
            "<p>Trà xanh.</p><p>Sản phẩm OCOP 3 sao, nhóm Đồ uống.</p>"
                + "<p>Giấy chứng nhận OCOP: quyết định số 12/QĐ-UBND của UBND huyện A &amp; B, ngày 02/01/2025, hiệu lực đến hết ngày 01/01/2028.</p>"
                + "<p>Chủ thể sản xuất: HTX Trà, Thái Nguyên.</p>",
            html);
    }

    [Fact]
    public void AppendTo_EmptyText_OnlyTheFacts()
    {
        Assert.Equal(
            "Sản phẩm OCOP 3 sao, nhóm Đồ uống.\nGiấy chứng nhận OCOP: quyết định số 12/QĐ-UBND của UBND huyện A & B, ngày 02/01/2025, hiệu lực đến hết ngày 01/01/2028.\nChủ thể sản xuất: HTX Trà, Thái Nguyên.",
            OcopFactsBlock.AppendTo(" ", Facts));
    }

    [Fact]
    public void AppendTo_NoFacts_Unchanged()
    {
        Assert.Equal("Trà.", OcopFactsBlock.AppendTo("Trà.", new ProductData()));
        Assert.Empty(OcopFactsBlock.Lines(new ProductData()));
    }
}
