using System.Text;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Marketplaces.Sheets.Writing;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

public sealed class SheetWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    /// <summary>"Mật ong Hạ Long" decomposed (NFD), as some registry exports send it.</summary>
    private static readonly string DecomposedTitle = "Mật ong Hạ Long".Normalize(NormalizationForm.FormD);

    private static Sheet Sample() => new(new SheetSummary(7, "postmart-hn", T0, T0, null, 3),
    [
        new SheetRow("OCOP-1", SheetRowKind.Add, T0) { Content = Listings.Content("OCOP-1", DecomposedTitle), PriceVnd = 1_250_000, Stock = 40 },
        new SheetRow("OCOP-2", SheetRowKind.Change, T0) { RemoteId = "OCOP-2", PriceVnd = 99_000 },
        new SheetRow("OCOP-3", SheetRowKind.Remove, T0) { RemoteId = "PM-3" },
    ]);

    [Fact]
    public void Render_Xlsx_WritesTheTemplateCellByCell()
    {
        // Act
        var file = SheetWriter.Render(Sample(), Templates.Postmart());
        var book = XlsxReadBack.Open(file.Content);

        // Assert
        Assert.Equal(("postmart-hn-sheet-7-20261206.xlsx", SheetWriter.XlsxContentType), (file.FileName, file.ContentType));
        Assert.Equal("Sản phẩm", book.SheetName);
        Assert.Equal("DANH SÁCH SẢN PHẨM OCOP", book.Text("A1"));
        Assert.Equal(["Thao tác", "Mã SKU", "Tên sản phẩm", "Giá bán (đ)", "Tồn kho", "Hạng sao OCOP", "Hạn chứng nhận", "Hình ảnh", "Đơn vị tính"],
            "ABCDEFGHI".Select(c => book.Text($"{c}2")));
        Assert.True(book.Cells["B2"].Bold);
        Assert.Equal(["Thêm mới", "OCOP-1", "Mật ong Hạ Long", "1250000", "40", "4", "05/03/2027", "https://img.example/1.jpg;https://img.example/2.jpg", "Hộp"],
            "ABCDEFGHI".Select(c => book.Text($"{c}3")));
        Assert.Equal("Mật ong Hạ Long".Normalize(NormalizationForm.FormC), book.Text("C3"));
        Assert.True(book.Text("C3").IsNormalized(NormalizationForm.FormC));
        Assert.Equal((true, 3u), (book.Cells["D3"].IsNumber, book.Cells["D3"].NumberFormat!.Value));
        Assert.False(book.Cells["G3"].IsNumber);
        Assert.Equal(["Cập nhật", "OCOP-2", "99000", "Hộp"], new[] { "A4", "B4", "D4", "I4" }.Select(book.Text));
        Assert.False(book.Cells.ContainsKey("C4"));
        Assert.Equal(["Ngừng bán", "OCOP-3"], new[] { "A5", "B5" }.Select(book.Text));
    }

    [Fact]
    public void Render_XlsxWithoutThousandsSeparator_NumbersUsePlainFormat()
    {
        // Arrange
        var template = Templates.Postmart();
        template.ThousandsSeparator = string.Empty;

        // Act
        var book = XlsxReadBack.Open(SheetWriter.Render(Sample(), template).Content);

        // Assert
        Assert.Equal(1u, book.Cells["D3"].NumberFormat!.Value);
    }

    [Fact]
    public void Render_Csv_IsByteExact()
    {
        // Arrange: a title with a comma, quotes and a line break must be quoted per RFC 4180.
        var template = new SheetChannelOptions
        {
            FileType = SheetFileType.Csv,
            ThousandsSeparator = ".",
            DateFormat = "dd/MM/yyyy",
            Columns =
            [
                new() { Header = "Mã SKU", Field = SheetField.SellerSku },
                new() { Header = "Tên", Field = SheetField.Title },
                new() { Header = "Giá", Field = SheetField.Price },
                new() { Header = "Hạn CN", Field = SheetField.CertificateExpiry },
                new() { Header = "Thao tác", Field = SheetField.Action },
            ],
        };
        var content = Listings.Content("S-1", "Chè \"Tân Cương\", loại 1\nhộp 200 g".Normalize(NormalizationForm.FormD));
        var sheet = new Sheet(new SheetSummary(1, "c", T0, T0, null, 2),
        [
            new SheetRow("S-1", SheetRowKind.Add, T0) { Content = content, PriceVnd = 1_250_000 },
            new SheetRow("S-2", SheetRowKind.Remove, T0),
        ]);

        // Act
        var file = SheetWriter.Render(sheet, template);

        // Assert
        var expected = "\uFEFFMã SKU,Tên,Giá,Hạn CN,Thao tác\r\n"
            + "S-1,\"Chè \"\"Tân Cương\"\", loại 1\nhộp 200 g\",1.250.000,05/03/2027,Thêm mới\r\n"
            + "S-2,,,,Ngừng bán\r\n";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), file.Content);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content[..3]);
        Assert.Equal("c-sheet-1-20261206.csv", file.FileName);
    }

    [Fact]
    public void Render_CsvWithSemicolonAndTitleRows_KeepsTheTemplatesRowNumbers()
    {
        // Arrange
        var template = new SheetChannelOptions
        {
            FileType = SheetFileType.Csv,
            CsvDelimiter = ";",
            HeaderRow = 3,
            TitleRows = ["Mẫu; đăng sản phẩm"],
            Columns = [new() { Header = "SKU", Field = SheetField.SellerSku }, new() { Header = "Giá", Field = SheetField.Price }],
        };
        var sheet = new Sheet(new SheetSummary(1, "c", T0, T0, null, 1), [new SheetRow("A,1", SheetRowKind.Change, T0) { PriceVnd = 1_500 }]);

        // Act
        var text = Encoding.UTF8.GetString(SheetWriter.Render(sheet, template).Content);

        // Assert
        Assert.Equal("\uFEFF\"Mẫu; đăng sản phẩm\"\r\n\r\nSKU;Giá\r\nA,1;1500\r\n", text);
    }
}

/// <summary>RFC 4180 quoting of one field, each reason to quote on its own.</summary>
public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("Mật ong", ",", "Mật ong")]
    [InlineData("a,b", ",", "\"a,b\"")]
    [InlineData("a,b", ";", "a,b")]
    [InlineData("a;b", ";", "\"a;b\"")]
    [InlineData("hộp 5\" x 3\"", ",", "\"hộp 5\"\" x 3\"\"\"")]
    [InlineData("dòng 1\ndòng 2", ",", "\"dòng 1\ndòng 2\"")]
    [InlineData("dòng 1\r\ndòng 2", ",", "\"dòng 1\r\ndòng 2\"")]
    [InlineData("", ",", "")]
    public void Field_Value_IsQuotedOnlyWhenRfc4180SaysSo(string value, string delimiter, string expected)
    {
        Assert.Equal(expected, Writing.CsvSheetWriter.Field(value, delimiter));
    }
}
