using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>OCOP listings as the engine builds them, with Vietnamese text (NFC).</summary>
internal static class Listings
{
    public static ListingContent Content(string sku, Uri imageBase, string title = "Mật ong hoa cà phê Đắk Lắk – OCOP 4★") => new()
    {
        SellerSku = sku,
        Title = title,
        Description = "Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột, thu hoạch tháng Ba.",
        CategoryId = "100629",
        Images = [new Uri(imageBase, "img/honey-1.jpg").ToString()],
        Gtin = "8938505970012",
        WeightGrams = 600,
        Attributes = new Dictionary<string, string>
        {
            ["origin.province"] = "Đắk Lắk",
            ["shelfLifeDays"] = "730",
            ["ocop.stars"] = "4",
        },
    };

    public static CreateListing Create(string sku, Uri imageBase, string? title = null, long price = 185_000, int stock = 12, bool active = true) =>
        new(title is null ? Content(sku, imageBase) : Content(sku, imageBase, title), price, stock, active);
}
