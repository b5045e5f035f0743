using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>OCOP listings as the engine builds them (Vietnamese text in NFC).</summary>
internal static class Listings
{
    public static ListingContent Content(string sellerSku, Uri imageBase, string title = "Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★") => new()
    {
        SellerSku = sellerSku,
        Title = title,
        Description = "<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.</p>",
        CategoryId = "600001",
        Images = [new Uri(imageBase, "images/honey-1.jpg").ToString()],
        Gtin = "8938505970012",
        WeightGrams = 600,
        Attributes = new Dictionary<string, string>
        {
            ["origin.province"] = "Đắk Lắk",
            ["shelfLifeDays"] = "730",
            ["ocop.stars"] = "4",
        },
    };

    public static CreateListing Create(string sellerSku, Uri imageBase, long priceVnd = 185_000, int stock = 12, bool active = true, string? title = null) =>
        new(title is null ? Content(sellerSku, imageBase) : Content(sellerSku, imageBase, title), priceVnd, stock, active);
}
