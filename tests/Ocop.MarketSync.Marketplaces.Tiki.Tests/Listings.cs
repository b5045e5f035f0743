using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>OCOP listings as the engine builds them (Vietnamese text in NFC).</summary>
internal static class Listings
{
    public static ListingContent Content(string sellerSku, string title = "Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★", string category = "8322") => new()
    {
        SellerSku = sellerSku,
        Title = title,
        Description = "<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.</p>",
        CategoryId = category,
        Images = ["https://cdn.ocop.example.vn/honey-1.jpg", "https://cdn.ocop.example.vn/honey-2.jpg"],
        Gtin = "8938505970012",
        WeightGrams = 600,
        Attributes = new Dictionary<string, string>
        {
            ["origin.province"] = "Đắk Lắk",
            ["ocop.stars"] = "4",
        },
    };

    public static CreateListing Create(string sellerSku, long priceVnd = 185_000, int stock = 12, string? title = null, string category = "8322") =>
        new(title is null ? Content(sellerSku, category: category) : Content(sellerSku, title, category), priceVnd, stock, true);
}
