using Ocop.MarketSync.Marketplaces.Sheets.Options;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>Templates the tests write with; plausible, not any floor's official one.</summary>
internal static class Templates
{
    public static SheetChannelOptions Postmart(SheetFileType type = SheetFileType.Xlsx) => new()
    {
        FileType = type,
        SheetName = "Sản phẩm",
        HeaderRow = 2,
        TitleRows = ["DANH SÁCH SẢN PHẨM OCOP"],
        ThousandsSeparator = ".",
        DateFormat = "dd/MM/yyyy",
        Columns =
        [
            new() { Header = "Thao tác", Field = SheetField.Action },
            new() { Header = "Mã SKU", Field = SheetField.SellerSku },
            new() { Header = "Tên sản phẩm", Field = SheetField.Title },
            new() { Header = "Giá bán (đ)", Field = SheetField.Price },
            new() { Header = "Tồn kho", Field = SheetField.Stock },
            new() { Header = "Hạng sao OCOP", Field = SheetField.OcopStars },
            new() { Header = "Hạn chứng nhận", Field = SheetField.CertificateExpiry },
            new() { Header = "Hình ảnh", Field = SheetField.Images },
            new() { Header = "Đơn vị tính", Value = "Hộp" },
        ],
        Export = Export(),
    };

    public static SheetExportOptions Export(SheetFileType type = SheetFileType.Xlsx) => new()
    {
        FileType = type,
        SellerSku = "SKU người bán",
        ProductCode = "Mã sản phẩm",
        Title = "Tên sản phẩm",
        Price = "Giá bán",
        Stock = "Tồn kho",
        Status = "Trạng thái",
        ActiveStatuses = ["Đang bán"],
        BannedStatuses = ["Vi phạm"],
    };
}
