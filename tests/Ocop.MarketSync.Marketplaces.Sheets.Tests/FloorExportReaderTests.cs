using System.Text;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Reading;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

public sealed class FloorExportReaderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_XlsxWithABadRow_ReportsRowAndColumnAndKeepsTheGoodRows()
    {
        // Arrange: columns in another order than the template lists them; row 3 has a price staff typed by hand.
        using var file = ExportWorkbook.Build("Danh sách",
            ["Mã sản phẩm", "Tên sản phẩm", "SKU người bán", "Giá bán", "Tồn kho", "Trạng thái"],
            ["PM-1", "Mật ong Hạ Long", "OCOP-1", 125000, 40, "Đang bán"],
            ["PM-2", "Chè Tân Cương", "OCOP-2", "12a", 5, "Đang bán"],
            ["PM-3", "Nước mắm", "OCOP-3", "1.250.000 ₫", "7", "Vi phạm"],
            [null, null, null, null, null, null]);

        // Act
        var export = FloorExportReader.Read(file, "export.xlsx", Templates.Export(), "postmart-hn", T0);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-3"], export.Items.Select(i => i.SellerSku));
        Assert.Equal(("PM-1", "Mật ong Hạ Long", 125_000L, 40, true, false), (export.Items[0].ProductCode, export.Items[0].Title,
            export.Items[0].PriceVnd, export.Items[0].Stock, export.Items[0].Active, export.Items[0].Banned));
        Assert.Equal((1_250_000L, false, true), (export.Items[1].PriceVnd, export.Items[1].Active, export.Items[1].Banned));
        var problem = Assert.Single(export.Problems);
        Assert.Equal("Row 3, column D (Giá bán): '12a' is not a whole number of đồng", problem.ToString());
        Assert.Equal(("postmart-hn", T0, "export.xlsx"), (export.ChannelId, export.ImportedAt, export.FileName));
    }

    [Fact]
    public void Read_CsvWithQuotesBomAndDecomposedText_ReadsNfcAndFlagsDuplicatesAndDecimals()
    {
        // Arrange
        var csv = "\uFEFFSKU người bán,Mã sản phẩm,Tên sản phẩm,Giá bán,Tồn kho,Trạng thái\r\n"
            + "OCOP-1,PM-1,\"Chè \"\"Thái\"\", loại 1\",\"95,000\",3,đang bán\r\n"
            + "OCOP-2,,Mật ong,125.5,1,Đang bán\r\n"
            + "OCOP-1,PM-9,Trùng,1000,1,Đang bán\r\n"
            + "OCOP-4,,\"Hai\ndòng\",\"1 000\",,Đang bán\r\n";
        var bytes = Encoding.UTF8.GetBytes(csv.Normalize(NormalizationForm.FormD));
        var template = Templates.Export(SheetFileType.Csv);

        // Act
        var export = FloorExportReader.Read(new MemoryStream(bytes), "floor.csv", template, "c", T0);

        // Assert
        var item = Assert.Single(export.Items);
        Assert.Equal(("OCOP-1", "Chè \"Thái\", loại 1", 95_000L, true), (item.SellerSku, item.Title, item.PriceVnd, item.Active));
        Assert.True(item.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(
        [
            "Row 3, column D (Giá bán): '125.5' is not a whole number of đồng",
            "Row 4, column A (SKU người bán): seller SKU 'OCOP-1' is listed twice; the first row is kept",
            "Row 5, column E (Tồn kho): empty; expected a whole number of units",
        ], export.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_RequiredHeaderMissing_FailsNamingTheHeaderAndKey()
    {
        // Arrange
        using var file = ExportWorkbook.Build("Sheet1", ["SKU người bán", "Giá", "Tồn kho"], ["OCOP-1", 1, 1]);

        // Act
        var error = Assert.Throws<SheetFormatException>(() => FloorExportReader.Read(file, "x.xlsx", Templates.Export(), "c", T0));

        // Assert
        Assert.StartsWith("Row 1 lacks the header(s) 'Giá bán' (Sheet:Export:Price), 'Mã sản phẩm' (Sheet:Export:ProductCode), "
            + "'Tên sản phẩm' (Sheet:Export:Title), 'Trạng thái' (Sheet:Export:Status); it has: 'SKU người bán', 'Giá', 'Tồn kho'.",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAWorkbook_FailsAsAFormatError()
    {
        Assert.Throws<SheetFormatException>(() =>
            FloorExportReader.Read(new MemoryStream("not a zip"u8.ToArray()), "x.xlsx", Templates.Export(), "c", T0));
    }

    [Fact]
    public void Read_OurOwnUploadSheet_RoundTripsThroughTheReader()
    {
        // Arrange: the upload template read back with an export template on the same headers.
        var sheet = new Store.Sheet(new Store.SheetSummary(1, "c", T0, T0, null, 1),
            [new Store.SheetRow("OCOP-1", Store.SheetRowKind.Add, T0) { Content = Listings.Content("OCOP-1"), PriceVnd = 1_250_000, Stock = 4 }]);
        var bytes = Writing.SheetWriter.Render(sheet, Templates.Postmart()).Content;
        var template = new SheetExportOptions { SheetName = "Sản phẩm", HeaderRow = 2, SellerSku = "Mã SKU", Title = "Tên sản phẩm", Price = "Giá bán (đ)", Stock = "Tồn kho" };

        // Act
        var export = FloorExportReader.Read(new MemoryStream(bytes), "ours.xlsx", template, "c", T0);

        // Assert
        var item = Assert.Single(export.Items);
        Assert.Equal(("OCOP-1", "Mật ong hoa cà phê Đắk Lắk 500 ml", 1_250_000L, 4, true), (item.SellerSku, item.Title, item.PriceVnd, item.Stock, item.Active));
        Assert.Empty(export.Problems);
    }
}
